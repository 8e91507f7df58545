package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.testing.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pages of a whole build, from site files: what the settings turn on, and what stays out. */
class ThemePagesTest {
  private static final String BASE = "https://badges.example.org/guild/";
  private static final Instant DATE = Instant.parse("2026-06-01T00:00:00Z");

  /** Earners of every kind of identity, two badges that stack, tags and an alignment. */
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
      imageAlt: A blue circle
      tags: [Rust, C++, c]
      alignment:
        - targetName: Reading code
          targetUrl: https://skills.example.net/reading
          targetFramework: Skills Framework
          targetCode: R-1
      ---
      # Criteria

      Finish the **intro** course.

      ### Details

      Three exercises.
      -- badges/intro.svg
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
      -- badges/next.md
      ---
      name: Next
      description: Took the next course.
      tags: [rust]
      requires: [intro]
      alignment:
        - targetName: Reading code
          targetUrl: https://skills.example.net/reading
          targetFramework: Skills Framework
          targetCode: R-1
        - targetName: Writing tests
          targetUrl: https://skills.example.net/tests
      ---
      Pass the next course.
      -- badges/next.svg
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
      -- awards/intro/jane.yaml
      recipient:
        email: jane@example.org
        name: Jane
      issuedOn: 2025-03-14
      -- awards/intro/phone.yaml
      recipient:
        telephone: "+441234567890"
      issuedOn: 2025-03-14
      -- awards/intro/hashed.yaml
      recipient:
        hashed: sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399
        salt: Kosher
        type: url
      issuedOn: 2025-03-14
      -- awards/intro/li.yaml
      recipient:
        url: https://li.example.net/
        name: Li
      issuedOn: 2025-01-22
      expires: 2026-01-22
      narrative: |
        # What I learned

        Reading **other people's** code.
      -- awards/next/li.yaml
      recipient:
        url: https://li.example.net/
      issuedOn: 2025-09-01
      -- awards/next/li-old.yaml
      recipient:
        url: https://li.example.net/
      issuedOn: 2025-02-01
      expires: 2025-12-01
      revoked:
        reason: Issued twice
      -- awards/intro/sofia.yaml
      recipient:
        did: did:web:learner.example
        name: Sofia
      issuedOn: 2025-03-14
      """;

  private static Map<String, byte[]> build(Path tmp, String site, String... overlay) {
    Path dir = TestSites.unpack(tmp.resolve("site"), site);
    for (String files : overlay) {
      TestSites.unpack(dir, files);
    }
    Report report = Badgesmith.builder().buildDate(DATE).build().build(dir, tmp.resolve("out"));
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    return TestSites.read(tmp.resolve("out"));
  }

  private static Document page(Map<String, byte[]> site, String path) {
    assertThat(site).containsKey(path);
    return Jsoup.parse(new String(site.get(path), StandardCharsets.UTF_8), BASE);
  }

  @Test
  void publishesAPageForEachEarnerNamedByAUrlOrADidAndForNoOtherIdentity(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp, SITE);

    assertThat(site.keySet().stream().filter(p -> p.startsWith("earners/")))
        .containsExactly(
            "earners/did-web-learner-example/index.html", "earners/li-example-net/index.html");
    for (Map.Entry<String, byte[]> file : site.entrySet()) {
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      assertThat(text)
          .as(file.getKey())
          .doesNotContainIgnoringCase("jane@example.org")
          .doesNotContain("441234567890");
      if (file.getKey().endsWith(".html")) {
        assertThat(text).as(file.getKey()).doesNotContain("sha256$");
      }
      if (!file.getKey().startsWith("earners/")) {
        assertThat(text)
            .as("a URL or DID shows on its earner page only: " + file.getKey())
            .doesNotContain("li.example.net")
            .doesNotContain("did:web:learner.example");
      }
    }
  }

  @Test
  void anEarnersPageListsTheirStandingBadgesNewestFirstWithTheirStory(@TempDir Path tmp) {
    Document page = page(build(tmp, SITE), "earners/li-example-net/index.html");

    assertThat(page.select("h1").text()).isEqualTo("Li");
    assertThat(page.select(".identifier a[rel=me]").attr("href"))
        .isEqualTo("https://li.example.net/");
    assertThat(page.select(".earned h3").eachText())
        .as("the revoked award is left out")
        .containsExactly("Next", "Intro");
    assertThat(page.select(".earned h3 a").eachAttr("href"))
        .containsExactly(BASE + "assertions/next/li/", BASE + "assertions/intro/li/");
    assertThat(page.select(".earned .expired").text()).isEqualTo("expired");
    assertThat(page.select(".earned li").get(1).select(".prose h4").text())
        .isEqualTo("What I learned");
    assertThat(page.select(".earned img").get(1).attr("alt")).isEqualTo("A blue circle");
    assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");

    Document did =
        page(build(tmp.resolve("2"), SITE), "earners/did-web-learner-example/index.html");
    assertThat(did.select("h1").text()).isEqualTo("Sofia");
    assertThat(did.select(".identifier code").text()).isEqualTo("did:web:learner.example");
    assertThat(did.select(".identifier a")).as("a DID is no link").isEmpty();
  }

  @Test
  void awardAndCriteriaPagesLinkToTheEarnersPage(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp, SITE);

    assertThat(page(site, "assertions/intro/li/index.html").select(".lead a").attr("href"))
        .isEqualTo(BASE + "earners/li-example-net/");
    assertThat(page(site, "assertions/next/li-old/index.html").select("a[href*=earners]"))
        .as("not from a revoked award")
        .isEmpty();
    assertThat(page(site, "badges/intro/index.html").select("table.awards a[href*=earners]"))
        .extracting(e -> e.attr("href"))
        .containsExactlyInAnyOrder(
            BASE + "earners/li-example-net/", BASE + "earners/did-web-learner-example/");
  }

  @Test
  void withoutTheSettingNoEarnerPageIsPublished(@TempDir Path tmp) {
    Map<String, byte[]> site =
        build(
            tmp,
            SITE,
            """
            -- site.yaml
            title: Test Guild
            baseUrl: https://badges.example.org/guild/
            """);

    assertThat(site.keySet()).noneMatch(p -> p.startsWith("earners/"));
    site.forEach(
        (path, bytes) ->
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as(path)
                .doesNotContain("li.example.net")
                .doesNotContain("did:web:learner.example"));
  }

  @Test
  void anExpiredAwardSaysSoAndARevokedOneSaysOnlyThatItIsRevoked(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp, SITE);

    Document expired = page(site, "assertions/intro/li/index.html");
    assertThat(expired.select(".banner").text())
        .isEqualTo("Expired on 2026-01-22: this award is no longer valid.");
    assertThat(expired.select(".banner.expired")).hasSize(1);
    Document revoked = page(site, "assertions/next/li-old/index.html");
    assertThat(revoked.select(".banner").text()).isEqualTo("Revoked: Issued twice");
    assertThat(page(site, "assertions/next/li/index.html").select(".banner")).isEmpty();
    Document criteria = page(site, "badges/intro/index.html");
    assertThat(criteria.select("tr.expired td:eq(4)").text()).isEqualTo("Expired");
  }

  @Test
  void theBuildDateDecidesWhatHasExpiredButNotTheJson(@TempDir Path tmp) {
    Path dir = TestSites.unpack(tmp.resolve("site"), SITE);
    Badgesmith.builder()
        .buildDate(Instant.parse("2025-06-01T00:00:00Z"))
        .build()
        .build(dir, tmp.resolve("before"));
    Badgesmith.builder().buildDate(DATE).build().build(dir, tmp.resolve("after"));
    Map<String, byte[]> before = TestSites.read(tmp.resolve("before"));
    Map<String, byte[]> after = TestSites.read(tmp.resolve("after"));

    assertThat(page(before, "assertions/intro/li/index.html").select(".banner")).isEmpty();
    assertThat(page(after, "assertions/intro/li/index.html").select(".banner.expired")).hasSize(1);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    // The skills index counts the awards live as of the build date, as the pages do.
    assertThat(after.get("skills/index.json")).isNotEqualTo(before.get("skills/index.json"));
    for (String path : after.keySet()) {
      if (!path.endsWith(".html")
          && !path.equals("manifest.json")
          && !path.equals("skills/index.json")) {
        assertThat(after.get(path)).as(path).isEqualTo(before.get(path));
      }
    }
  }

  @Test
  void sourceDateEpochIsTheBuildDateWhenNoneIsGiven(@TempDir Path tmp) {
    Path dir = TestSites.unpack(tmp.resolve("site"), SITE);
    Badgesmith.builder()
        .environment(Map.of(BuildDate.SOURCE_DATE_EPOCH, "1748736000")) // 2025-06-01
        .build()
        .build(dir, tmp.resolve("out"));

    Document page = page(TestSites.read(tmp.resolve("out")), "assertions/intro/li/index.html");
    assertThat(page.select(".banner")).as("not yet expired on 2025-06-01").isEmpty();
    assertThatThrownBy(
            () ->
                Badgesmith.builder()
                    .environment(Map.of(BuildDate.SOURCE_DATE_EPOCH, "yesterday"))
                    .build()
                    .build(dir, tmp.resolve("out2")))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("SOURCE_DATE_EPOCH");
  }

  @Test
  void readsBuildDatesAsDaysOrInstants() {
    assertThat(BuildDate.parse("2026-05-01")).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(BuildDate.parse("2026-05-01T12:00:00Z"))
        .isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    assertThat(BuildDate.parse("2026-05-01T12:00:00+02:00"))
        .isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    assertThatThrownBy(() -> BuildDate.parse("01/05/2026"))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("YYYY-MM-DD");
  }

  @Test
  void criteriaHeadingsSitBelowThePagesOwn(@TempDir Path tmp) {
    Document page = page(build(tmp, SITE), "badges/intro/index.html");

    assertThat(page.select("h1")).hasSize(1);
    assertThat(page.select(".prose h3").text()).isEqualTo("Criteria");
    assertThat(page.select(".prose h4").text())
        .as("### follows # as the next level")
        .isEqualTo("Details");
    assertThat(page.select(".prose h1, .prose h2, .prose h5")).isEmpty();
  }

  @Test
  void theCriteriaPageShowsStackingBothWaysTagsAndItsIssuer(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp, SITE);

    Document intro = page(site, "badges/intro/index.html");
    assertThat(intro.select("#required-by + ul a").attr("href")).isEqualTo(BASE + "badges/next/");
    assertThat(intro.select(".tags a").eachText()).containsExactly("Rust", "C++", "c");
    assertThat(intro.select(".badge-header .meta a").first().attr("href"))
        .isEqualTo(BASE + "issuers/guild/");
    Document next = page(site, "badges/next/index.html");
    assertThat(next.select("#requires + ul a").attr("href")).isEqualTo(BASE + "badges/intro/");
    assertThat(next.select("#required-by")).isEmpty();
  }

  @Test
  void theGalleryFiltersByTagWithOneStaticPagePerTag(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp, SITE);

    // "C++" and "c" would both be "c": each takes a digest of its own text instead.
    assertThat(site.keySet().stream().filter(p -> p.startsWith("tags/")).toList())
        .hasSize(3)
        .contains("tags/rust/index.html")
        .anyMatch(p -> p.matches("tags/c-[0-9a-f]{8}/index.html"));
    Document home = page(site, "index.html");
    assertThat(home.select(".tag-filter a").eachText())
        .containsExactly("All badges (2)", "c (1)", "C++ (1)", "Rust (2)");
    assertThat(home.select(".tag-filter a[aria-current=page]").text()).isEqualTo("All badges (2)");
    assertThat(home.select("script")).isEmpty();
    Document rust = page(site, "tags/rust/index.html");
    assertThat(rust.select("h1").text()).isEqualTo("Badges tagged “Rust”");
    assertThat(rust.select(".badge-card h2").eachText()).containsExactly("Intro", "Next");
    assertThat(rust.select(".tag-filter a[aria-current=page]").attr("href"))
        .isEqualTo(BASE + "tags/rust/");
  }

  @Test
  void aTagSpelledInNfcAndNfdIsOneTagWithOnePage(@TempDir Path tmp) {
    String site =
        SITE.replace("tags: [Rust, C++, c]", "tags: [caf\u00e9, cafe\u0301]")
            .replace("tags: [rust]", "tags: [cafe\u0301]");
    Map<String, byte[]> built = build(tmp, site);

    assertThat(built.keySet().stream().filter(p -> p.startsWith("tags/")))
        .containsExactly("tags/cafe/index.html");
    assertThat(page(built, "index.html").select(".tag-filter a").eachText())
        .containsExactly("All badges (2)", "caf\u00e9 (2)");
    assertThat(new String(built.get("badges/next.json"), StandardCharsets.UTF_8))
        .contains("\"tags\": [\n    \"caf\u00e9\"\n  ]");
  }

  @Test
  void theSkillsIndexListsEachSkillByFrameworkWithItsBadges(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp, SITE);

    Document skills = page(site, "skills/index.html");
    assertThat(skills.select("h2").eachText()).containsExactly("Skills Framework", "Other skills");
    assertThat(skills.select("section").get(0).select("h3").text()).isEqualTo("Reading code R-1");
    assertThat(skills.select("section").get(0).select("p a").eachText())
        .containsExactly("Intro", "Next");
    assertThat(skills.select("section").get(1).select("h3 a").attr("href"))
        .isEqualTo("https://skills.example.net/tests");
    assertThat(page(site, "index.html").select(".site-nav a").eachAttr("href"))
        .containsExactly(BASE, BASE + "skills/", BASE + "verify/");
  }

  @Test
  void theIssuersPageListsItsBadges(@TempDir Path tmp) {
    Document issuer = page(build(tmp, SITE), "issuers/guild/index.html");

    assertThat(issuer.select("h1").text()).isEqualTo("The Guild");
    assertThat(issuer.select(".badge-card h3").eachText()).containsExactly("Intro", "Next");
    assertThat(issuer.select("a").eachAttr("href"))
        .contains(BASE + "issuers/guild.json", BASE + "issuers/guild/revocations.json");
  }

  @Test
  void the404PageWorksFromAnyPathAndIsNotIndexed(@TempDir Path tmp) {
    Document page = page(build(tmp, SITE), "404.html");

    assertThat(page.select("h1").text()).isEqualTo("Page not found");
    assertThat(page.select("link[rel=canonical]")).isEmpty();
    assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    // GitHub Pages serves it for a missing path at any depth: no link may be relative (but the
    // skip link, to a fragment of the page itself).
    for (var element : page.select("[href]:not([href^=#]), [src]")) {
      assertThat(element.attr("href") + element.attr("src")).matches("(https://|data:).*");
    }
    assertThat(page.select("main a").attr("href")).isEqualTo(BASE);
  }

  @Test
  void listEarnersOffKeepsTheAwardsOffCriteriaPages(@TempDir Path tmp) {
    Map<String, byte[]> site =
        build(
            tmp,
            SITE,
            """
            -- site.yaml
            title: Test Guild
            baseUrl: https://badges.example.org/guild/
            pages:
              listEarners: false
            """);

    Document page = page(site, "badges/intro/index.html");
    assertThat(page.select("#awards, table.awards")).isEmpty();
    assertThat(page.select("a[href*=assertions]")).isEmpty();
  }

  @Test
  void awardPagesAreNoindexUnlessTheSiteOptsIn(@TempDir Path tmp) {
    Map<String, byte[]> closed = build(tmp.resolve("closed"), SITE);
    assertThat(
            page(closed, "assertions/intro/jane/index.html")
                .select("meta[name=robots]")
                .attr("content"))
        .isEqualTo("noindex");
    assertThat(new String(closed.get("sitemap.xml"), StandardCharsets.UTF_8))
        .doesNotContain("assertions/")
        .doesNotContain("earners/");

    Map<String, byte[]> open =
        build(
            tmp.resolve("open"),
            SITE,
            """
            -- site.yaml
            title: Test Guild
            baseUrl: https://badges.example.org/guild/
            pages:
              earnerPages: true
              indexAwards: true
            """);
    assertThat(page(open, "assertions/intro/jane/index.html").select("meta[name=robots]"))
        .isEmpty();
    assertThat(page(open, "earners/li-example-net/index.html").select("meta[name=robots]"))
        .isEmpty();
    assertThat(
            page(open, "assertions/next/li-old/index.html")
                .select("meta[name=robots]")
                .attr("content"))
        .as("a revoked award stays unindexed")
        .isEqualTo("noindex");
    String sitemap = new String(open.get("sitemap.xml"), StandardCharsets.UTF_8);
    assertThat(sitemap)
        .contains(BASE + "assertions/intro/jane/", BASE + "earners/li-example-net/")
        .doesNotContain(BASE + "assertions/next/li-old/");
  }

  @Test
  void everyPageKeepsOneH1ALandmarkOfEachKindAndASkipLink(@TempDir Path tmp) {
    Map<String, byte[]> site = build(tmp, SITE);
    List<String> pages = site.keySet().stream().filter(p -> p.endsWith(".html")).toList();

    assertThat(pages).hasSizeGreaterThan(15);
    for (String path : pages) {
      Document page = page(site, path);
      assertThat(page.select("h1")).as(path).hasSize(1);
      assertThat(page.select("body > a.skip-link").attr("href")).as(path).isEqualTo("#main");
      assertThat(page.select("main#main")).as(path).hasSize(1);
      assertThat(page.select("body > header, body > footer")).as(path).hasSize(2);
      // Only the verify and skills search pages have scripts: their own files, by relative URL,
      // none inline.
      String scripts =
          path.equals("verify/index.html") || path.equals("skills/search/index.html")
              ? "script:not([src~=^[a-z.]+\\.js$])"
              : "script";
      assertThat(page.select(scripts + ", [style], link[href^=http]:not([href^=" + BASE + "])"))
          .as(path + ": no script, inline style or outside resource")
          .isEmpty();
      assertThat(page.select("img:not([alt])")).as(path).isEmpty();
      // The outline never skips a level: h1, then h2, h3 ... in order.
      int previous = 0;
      for (var heading : page.select("h1, h2, h3, h4, h5, h6")) {
        int level = heading.tagName().charAt(1) - '0';
        assertThat(level).as(path + ": " + heading.text()).isLessThanOrEqualTo(previous + 1);
        previous = level;
      }
    }
  }
}
