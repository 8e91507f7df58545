package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The skills search page ({@code skills/search/}) of whole builds: every skill with its badges,
 * their live awards and only the earners who have an earner page; nobody else named, nothing
 * unescaped, and kept from search engines while it names someone.
 */
class SkillSearchPageTest {
  private static final String BASE = "https://badges.example.org/guild/";
  private static final Instant DATE = Instant.parse("2026-06-01T00:00:00Z");
  private static final String PAGE = "skills/search/index.html";

  /**
   * Earners of every kind of identity (public ones live, revoked and expired among them), a skill
   * two badges align to, one without a framework and one whose text holds markup.
   */
  private static final String SITE =
      """
      -- site.yaml
      title: Test Guild
      baseUrl: https://badges.example.org/guild/
      pages:
        earnerPages: true
      -- issuers/guild.yaml
      name: The Guild
      url: https://guild.example.org/
      email: badges@guild.example.org
      -- badges/intro.md
      ---
      name: Intro
      description: Took the intro.
      alignment:
        - targetName: Reading code
          targetUrl: https://skills.example.net/reading
          targetFramework: Skills Framework
          targetCode: R-1
          targetDescription: Reads a codebase and explains its structure.
      ---
      Finish the intro course.
      -- badges/intro.svg
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
      -- badges/next.md
      ---
      name: Next <Level> & "more"
      description: Took the next course.
      alignment:
        - targetName: Reading code
          targetUrl: https://skills.example.net/reading
          targetFramework: Skills Framework
          targetCode: R-1
        - targetName: Writing <b>tests</b> & "fixtures"
          targetUrl: https://skills.example.net/tests
          targetDescription: <img src=x onerror=alert(1)>
        - targetName: Niño's Café
          targetUrl: https://skills.example.net/cafe
          targetFramework: Other skills
      ---
      Pass the next course.
      -- badges/next.svg
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
      -- awards/intro/jane.yaml
      recipient:
        email: jane.private@example.org
        name: Jane Private
      issuedOn: 2025-03-14
      -- awards/intro/phone.yaml
      recipient:
        telephone: "+441234567890"
        name: Phone Private
      issuedOn: 2025-03-14
      -- awards/intro/hashed.yaml
      recipient:
        hashed: sha256$0ab267cb53c62d5b84e6caf087aaa8a313249bbc7993e4ee9eb7885a812139f1
        salt: c2a7e4f19b3d
        type: url
        name: Hashed Private
      issuedOn: 2025-03-14
      -- awards/intro/li.yaml
      recipient:
        url: https://li.example.net/
        name: Li Public
      issuedOn: 2025-03-15
      -- awards/intro/sofia.yaml
      recipient:
        did: did:web:sofia.example
      issuedOn: 2025-03-16
      -- awards/intro/gone.yaml
      recipient:
        url: https://gone.example.net/
        name: Gone Revoked
      issuedOn: 2025-03-16
      revoked:
        reason: Awarded in error
        date: 2025-03-20
      -- awards/intro/old.yaml
      recipient:
        url: https://old.example.net/
        name: Old Expired
      issuedOn: 2024-03-16
      expires: 2025-03-16
      -- awards/next/li.yaml
      recipient:
        url: https://li.example.net/
        name: Li Public
      issuedOn: 2025-04-15
      """;

  private static Map<String, byte[]> build(Path tmp, String... layers) {
    Path site = TestSites.unpack(tmp.resolve("site"), SITE);
    for (String layer : layers) {
      TestSites.unpack(site, layer);
    }
    Report report = Badgesmith.builder().buildDate(DATE).build().build(site, tmp.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    return TestSites.read(tmp.resolve("out"));
  }

  private static Document page(Map<String, byte[]> site) {
    assertThat(site).containsKey(PAGE);
    return Jsoup.parse(new String(site.get(PAGE), UTF_8), BASE + "skills/search/");
  }

  private static Element skill(Document page, String name) {
    return page.select("li.skill").stream()
        .filter(li -> li.selectFirst("h3").ownText().equals(name) || linkText(li).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no skill " + name));
  }

  private static String linkText(Element skill) {
    Element link = skill.selectFirst("h3 > a");
    return link == null ? "" : link.text();
  }

  @Test
  void listsEverySkillWithItsBadgesAndOnlyTheEarnersWhoHaveAPage(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp);
    Document page = page(site);

    assertThat(page.select("h1").text()).isEqualTo("Search skills");
    // Frameworks by name; the skills of none last, under a key no framework took.
    assertThat(page.select("#skill-results > section h2").eachText())
        .containsExactly("Other skills", "Skills Framework", "Other skills");
    assertThat(page.select("#skill-results > section").eachAttr("data-framework"))
        .containsExactly("other-skills", "skills-framework", "other-skills-1");
    assertThat(page.select("#skill-framework option").eachAttr("value"))
        .containsExactly("", "other-skills", "skills-framework", "other-skills-1");
    assertThat(page.select("li.skill")).hasSize(3);
    assertThat(page.select("#skill-count").text()).isEqualTo("3 skills");
    assertThat(page.select("#skill-count").attr("role")).isEqualTo("status");

    Element reading = skill(page, "Reading code");
    assertThat(reading.select("h3 code").text()).isEqualTo("R-1");
    assertThat(reading.select("h3 a").attr("href")).isEqualTo("https://skills.example.net/reading");
    assertThat(reading.attr("data-search"))
        .isEqualTo(
            "reading code r-1 reads a codebase and explains its structure. intro next <level> &"
                + " \"more\"");
    List<Element> badges = reading.select(".skill-badges > li");
    assertThat(badges).hasSize(2);
    // Intro: jane, phone, hashed, li and sofia are live; gone is revoked and old expired.
    Element intro = badges.get(0);
    assertThat(intro.text())
        .isEqualTo(
            "Intro: 5 live awards, held by Li Public, Earner's page and by earners not named here.");
    assertThat(intro.select("a").eachAttr("href"))
        .containsExactly(
            BASE + "badges/intro/",
            BASE + "earners/li-example-net/",
            BASE + "earners/did-web-sofia-example/");
    assertThat(badges.get(1).text())
        .isEqualTo("Next <Level> & \"more\": 1 live award, held by Li Public.");

    // The filter folds accents away, as the script folds a query.
    assertThat(skill(page, "Niño's Café").attr("data-search")).startsWith("nino's cafe");
  }

  @Test
  void namesNoEarnerWithoutAPageAndEscapesEverything(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp);
    String html = new String(site.get(PAGE), UTF_8);

    // Not on this page: the identities and names of earners without a page, nor those of revoked
    // and expired awards, nor a hashed identity or its salt.
    assertThat(html)
        .doesNotContain(
            "jane.private",
            "Jane Private",
            "441234567890",
            "Phone Private",
            "Hashed Private",
            "sha256$",
            "c2a7e4f19b3d",
            "Gone Revoked",
            "gone.example.net",
            "Old Expired",
            "old.example.net",
            // A public earner is named by their display name and linked, never by the identity.
            "https://li.example.net/",
            "did:web:sofia.example");
    // Nowhere in the whole site: the plain e-mail address and telephone number.
    site.forEach(
        (path, bytes) ->
            assertThat(new String(bytes, UTF_8))
                .as(path)
                .doesNotContain("jane.private@example.org", "+441234567890"));

    Document page = page(site);
    Element tests = skill(page, "Writing <b>tests</b> & \"fixtures\"");
    assertThat(tests.select("h3 b, img, script:not([src])")).isEmpty();
    assertThat(tests.select("p").text()).isEqualTo("<img src=x onerror=alert(1)>");
    assertThat(html)
        .contains("Writing &lt;b&gt;tests&lt;/b&gt; &amp; &quot;fixtures&quot;")
        .contains("data-search=\"writing &lt;b&gt;tests&lt;/b&gt; &amp; &quot;fixtures&quot;");
    assertThat(page.select("script").eachAttr("src")).containsExactly("search.js");
    assertThat(site.get("skills/search/search.js")).isNotEmpty();
  }

  @Test
  void isKeptFromSearchEnginesWhileItNamesEarners(@TempDir Path tmp) {
    Map<String, byte[]> named = build(tmp.resolve("named"));
    assertThat(page(named).select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(new String(named.get("sitemap.xml"), UTF_8)).doesNotContain("skills/search/");
    assertThat(new String(named.get("skills/index.html"), UTF_8))
        .contains("<a href=\"" + BASE + "skills/search/\">Search the skills</a>");

    Map<String, byte[]> indexed =
        build(
            tmp.resolve("indexed"),
            """
            -- site.yaml
            title: Test Guild
            baseUrl: https://badges.example.org/guild/
            pages:
              earnerPages: true
              indexAwards: true
            """);
    assertThat(page(indexed).select("meta[name=robots]")).isEmpty();
    assertThat(new String(indexed.get("sitemap.xml"), UTF_8)).contains(BASE + "skills/search/");

    // Without earner pages nobody is named, even where the recognition page makes a URL public:
    // the page only counts, and search engines may list it.
    Map<String, byte[]> counted =
        build(
            tmp.resolve("counted"),
            """
            -- site.yaml
            title: Test Guild
            baseUrl: https://badges.example.org/guild/
            pages:
              recognition: true
            """);
    Document page = page(counted);
    assertThat(page.select("meta[name=robots]")).isEmpty();
    assertThat(page.select(".skill-badges a").eachAttr("href"))
        .allSatisfy(href -> assertThat(href).startsWith(BASE + "badges/"));
    assertThat(skill(page, "Reading code").select(".skill-badges > li").get(0).text())
        .isEqualTo("Intro: 5 live awards.");
    assertThat(new String(counted.get("sitemap.xml"), UTF_8)).contains(BASE + "skills/search/");
    assertThat(new String(counted.get(PAGE), UTF_8)).doesNotContain("Li Public", "earners/");
  }

  @Test
  void aSiteWithoutAlignmentsHasNoSearchPage(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Report report = Badgesmith.builder().buildDate(DATE).build().build(site, tmp.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    Map<String, byte[]> out = TestSites.read(tmp.resolve("out"));
    assertThat(out.keySet()).noneMatch(p -> p.startsWith("skills/"));
    assertThat(new String(out.get("sitemap.xml"), UTF_8)).doesNotContain("skills/");
  }

  @Test
  void theExampleSitesPageShowsItsFrameworksItemsAndPublicHolders(@TempDir Path tmp) {
    Report report = TestSites.buildExample(tmp.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    Document page = page(TestSites.read(tmp.resolve("out")));

    assertThat(page.select("#skill-framework option").eachText())
        .containsExactly(
            "All frameworks", "Guild Contribution Skills", "The Rust Programming Language");
    Element proposing = skill(page, "Proposing changes");
    assertThat(proposing.select("p.meta").text()).isEqualTo("Part of Collaborating on code");
    assertThat(proposing.attr("data-search")).contains("collaborating on code gcs.1");
    assertThat(proposing.select(".skill-badges a").eachText())
        .contains("First Contribution", "Li Wei", "Sofia Rossi");
    assertThat(skill(page, "Reviewing changes").select(".skill-badges a").eachText())
        .contains("Code Reviewer");
  }
}
