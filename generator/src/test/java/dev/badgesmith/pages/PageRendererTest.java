package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class PageRendererTest {
  private static final String BASE = SampleSite.BASE_URL;

  /** The date the pages are built for: after the sample awards, before their expiry. */
  static final Instant BUILD_DATE = Instant.parse("2026-06-01T00:00:00Z");

  private final PageRenderer renderer =
      new PageRenderer(
          new MarkdownRenderer(),
          Optional.empty(),
          new MessageBundles(Optional.empty()),
          BUILD_DATE);

  private MemorySink render(Site site) throws IOException {
    return render(renderer, site);
  }

  /** Every page of a site, as a build writes them: award by award, then the others. */
  static MemorySink render(PageRenderer renderer, Site site) throws IOException {
    MemorySink sink = new MemorySink();
    AwardPages pages = renderer.awardPages(site);
    for (dev.badgesmith.model.Award award : site.awards()) {
      pages.write(award, sink);
    }
    pages.writeOtherPages(sink, java.util.concurrent.ForkJoinPool.commonPool(), java.util.Set.of());
    return sink;
  }

  @Test
  void writesTheHomePageEveryCriteriaPageEveryAwardPageTheVerifyPageAndTheStylesheet()
      throws IOException {
    assertThat(render(SampleSite.small()).files())
        .containsOnlyKeys(
            "index.html",
            "tags/concurrency/index.html",
            "tags/rust/index.html",
            "skills/index.html",
            "skills/search/index.html",
            "skills/search/search.js",
            "issuers/example-org/index.html",
            "404.html",
            "badges/rust-advanced/index.html",
            "badges/rust-advanced/pathway/index.html",
            "badges/rust-basics/index.html",
            "assertions/rust-advanced/2026-ada/index.html",
            "assertions/rust-basics/2026-ada/index.html",
            "assertions/rust-basics/2026-bob/index.html",
            "verify/index.html",
            "verify/verify.js",
            "feed.xml",
            "sitemap.xml",
            "robots.txt",
            "assets/style.css");
  }

  @Test
  void theVerifyPageLoadsItsStylesheetScriptAndDataRelativeToItselfForASavedCopy()
      throws IOException {
    String html = render(SampleSite.small()).text("verify/index.html");
    assertThat(html)
        .contains(
            "<link rel=\"stylesheet\" href=\"../assets/style.css\">",
            "<script src=\"data.js\"></script>",
            "<script src=\"verify.js\" data-words=\"{&quot;credentials.item&quot;:",
            "<label for=\"badge-file\">",
            "<label for=\"badge-text\">",
            "<label for=\"recipient\">")
        .doesNotContain("<script>", "onclick", "innerHTML");
  }

  @Test
  void theFeedListsAwardsAndRevocationsNewestFirstAsAtom() throws Exception {
    org.w3c.dom.Document feed = xml(render(SampleSite.small()).text("feed.xml"));
    assertThat(feed.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/2005/Atom");
    org.w3c.dom.NodeList entries =
        feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    assertThat(entries.getLength()).isEqualTo(4); // three awards and one revocation
    List<String> updated = new java.util.ArrayList<>();
    List<String> titles = new java.util.ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
      updated.add(entry.getElementsByTagNameNS("*", "updated").item(0).getTextContent());
      titles.add(entry.getElementsByTagNameNS("*", "title").item(0).getTextContent());
    }
    assertThat(updated.stream().map(java.time.OffsetDateTime::parse).toList())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(titles).contains("Rust Advanced awarded to Ada L.", "Rust Basics revoked");
  }

  @Test
  void theSitemapListsThePublicPagesButNoAwardPage() throws Exception {
    MemorySink sink = render(SampleSite.small());
    org.w3c.dom.Document sitemap = xml(sink.text("sitemap.xml"));
    org.w3c.dom.NodeList locs = sitemap.getElementsByTagNameNS("*", "loc");
    List<String> urls = new java.util.ArrayList<>();
    for (int i = 0; i < locs.getLength(); i++) {
      urls.add(locs.item(i).getTextContent());
    }
    assertThat(urls)
        .containsExactly(
            BASE,
            BASE + "skills/",
            BASE + "skills/search/",
            BASE + "tags/concurrency/",
            BASE + "tags/rust/",
            BASE + "issuers/example-org/",
            BASE + "badges/rust-advanced/",
            BASE + "badges/rust-basics/",
            BASE + "badges/rust-advanced/pathway/");
    assertThat(sink.text("robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml");
  }

  private static org.w3c.dom.Document xml(String text) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory factory =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
  }

  @Test
  void theAwardPageShowsTheBadgeItsEarnerAndHowToShareIt() throws IOException {
    Document page =
        Jsoup.parse(
            render(SampleSite.small()).text("assertions/rust-advanced/2026-ada/index.html"), BASE);

    assertThat(page.select("h1").text()).isEqualTo("Rust Advanced");
    assertThat(page.select(".lead").text()).isEqualTo("Awarded to Ada L.");
    assertThat(page.select(".badge-header img").attr("src"))
        .isEqualTo(BASE + "assertions/rust-advanced/2026-ada.png");
    assertThat(page.select("a").eachAttr("href"))
        .contains(BASE + "badges/rust-advanced/", BASE + "assertions/rust-advanced/2026-ada.json");
    assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(page.select("meta[property=og:image]").attr("content"))
        .isEqualTo(BASE + "badges/rust-advanced/card.png");
    assertThat(page.select("meta[name=twitter:card]").attr("content"))
        .isEqualTo("summary_large_image");
    String linkedIn = page.select("a.button").attr("href");
    assertThat(linkedIn)
        .startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&")
        .contains(
            "name=Rust+Advanced",
            "organizationName=Example+Org",
            "issueYear=",
            "certUrl="
                + java.net.URLEncoder.encode(
                    BASE + "assertions/rust-advanced/2026-ada/",
                    java.nio.charset.StandardCharsets.UTF_8),
            "certId=rust-advanced%2F2026-ada");
    assertThat(page.select("section[aria-labelledby=share] li")).isNotEmpty();
  }

  @Test
  void aRevokedAwardsPageSaysSoAndOffersNothingToShare() throws IOException {
    Document page =
        Jsoup.parse(
            render(SampleSite.small()).text("assertions/rust-basics/2026-bob/index.html"), BASE);

    assertThat(page.select(".banner.revoked").text())
        .isEqualTo("Revoked on 2026-04-02: Issued in error");
    assertThat(page.select("a.button")).isEmpty();
    assertThat(page.select(".downloads a").eachAttr("href"))
        .containsExactly(BASE + "assertions/rust-basics/2026-bob.json");
  }

  @Test
  void listsEveryBadgeOnTheHomePageWithItsStandingAwards() throws IOException {
    Document home = Jsoup.parse(render(SampleSite.small()).text("index.html"), BASE);

    assertThat(home.select("h1").text()).isEqualTo("Example Badges");
    assertThat(home.select(".lead").text()).isEqualTo("Badges of the Example Org courses.");
    List<Element> cards = home.select(".badge-card");
    assertThat(cards).hasSize(2);
    assertThat(cards.get(0).select("h2 a").attr("href")).isEqualTo(BASE + "badges/rust-advanced/");
    assertThat(cards.get(0).select("img").attr("src")).isEqualTo(BASE + "badges/rust-advanced.png");
    assertThat(cards.get(0).select("img").attr("alt")).isEqualTo("A gear on an orange shield");
    assertThat(cards.get(0).select(".meta").text()).isEqualTo("1 award");
    assertThat(cards.get(1).select("h2").text()).isEqualTo("Rust Basics");
    assertThat(cards.get(1).select("img").attr("alt")).isEqualTo("Rust Basics");
    assertThat(cards.get(1).select(".meta").text())
        .as("the revoked award does not count")
        .isEqualTo("1 award");
  }

  @Test
  void rendersTheCriteriaFromMarkdown() throws IOException {
    Document page =
        Jsoup.parse(render(SampleSite.small()).text("badges/rust-basics/index.html"), BASE);

    Element criteria = page.selectFirst(".prose");
    assertThat(criteria.select("li strong").text()).isEqualTo("CLI tool");
    assertThat(criteria.select("a").attr("href")).isEqualTo("https://example.org/quiz");
    assertThat(criteria.select("table th").eachText()).containsExactly("Part", "Weight");
  }

  @Test
  void linksTheCriteriaPageToItsIssuerItsJsonAndTheBadgesItStacksOn() throws IOException {
    MemorySink sink = render(SampleSite.small());
    Document page = Jsoup.parse(sink.text("badges/rust-advanced/index.html"), BASE);

    assertThat(page.select("h1").text()).isEqualTo("Rust Advanced");
    assertThat(page.select(".badge-header img").attr("alt"))
        .isEqualTo("A gear on an orange shield");
    assertThat(page.select(".badge-header .meta a").eachAttr("href"))
        .containsExactly(BASE + "issuers/example-org/", "https://example.org/");
    assertThat(page.select("a").eachAttr("href"))
        .contains(
            BASE + "badges/rust-advanced.json",
            BASE + "issuers/example-org.json",
            BASE + "badges/rust-basics/",
            BASE + "assertions/rust-advanced/2026-ada/");
    assertThat(page.select("#requires + ul a").text()).isEqualTo("Rust Basics");
    assertThat(page.select("link[rel=alternate]").attr("href"))
        .isEqualTo(BASE + "badges/rust-advanced.json");
    assertThat(page.select("link[rel=canonical]").attr("href"))
        .isEqualTo(BASE + "badges/rust-advanced/");
    assertThat(page.select("link[rel=stylesheet]").attr("href"))
        .isEqualTo(BASE + "assets/style.css");
    assertThat(sink.files()).containsKey("assets/style.css");
  }

  @Test
  void showsTagsAlignmentsAndTheExpiryPolicy() throws IOException {
    Document page =
        Jsoup.parse(render(SampleSite.small()).text("badges/rust-advanced/index.html"), BASE);

    assertThat(page.select(".tags li").eachText()).containsExactly("rust", "concurrency");
    Element alignment = page.selectFirst(".alignments li");
    assertThat(alignment.select("a").attr("href"))
        .isEqualTo("https://skills.example.net/concurrency");
    assertThat(alignment.text())
        .isEqualTo(
            "Concurrent programming (Example Skills Framework, ESF-42) "
                + "Designs programs that run safely on many threads.");
    assertThat(page.select("#expiry + p").text())
        .isEqualTo("Each award expires 2 years after it was issued.");
  }

  @Test
  void describesExpiryPeriodsInWordsOfThePagesLanguage() {
    MessageBundles bundles = new MessageBundles(Optional.empty());
    Messages english = bundles.messages("en");
    assertThat(PageDates.expiry(Period.ofYears(1), english))
        .isEqualTo("Each award expires 1 year after it was issued.");
    assertThat(PageDates.expiry(Period.of(1, 6, 3), english))
        .isEqualTo("Each award expires 1 year, 6 months and 3 days after it was issued.");
    assertThat(PageDates.expiry(Period.ofMonths(18), english))
        .isEqualTo("Each award expires 18 months after it was issued.");
    Messages german = bundles.messages("de");
    assertThat(PageDates.expiry(Period.of(1, 6, 3), german))
        .isEqualTo("Jede Vergabe läuft 1 Jahr, 6 Monate und 3 Tage nach ihrer Ausstellung ab.");
    assertThat(PageDates.expiry(Period.ZERO, german))
        .isEqualTo("Jede Vergabe läuft am Tag ihrer Ausstellung ab.");
  }

  @Test
  void listsAwardsWithIsoDatesAndMarksTheRevokedOne() throws IOException {
    Document page =
        Jsoup.parse(render(SampleSite.small()).text("badges/rust-basics/index.html"), BASE);

    List<Element> rows = page.select("table.awards tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(cells(rows.get(0))).containsExactly("2026-ada", "", "2026-03-01", "2028-03-01", "");
    assertThat(cells(rows.get(1)))
        .containsExactly("2026-bob", "", "2026-03-01", "2028-03-01", "Revoked 2026-04-02");
    assertThat(rows.get(1).hasClass("revoked")).isTrue();
  }

  private static List<String> cells(Element row) {
    return row.select("td").stream().map(Element::text).toList();
  }

  @Test
  void showsTheRecipientsDisplayNameOnlyWhenTheAwardPublishesOne() throws IOException {
    Document page =
        Jsoup.parse(render(SampleSite.small()).text("badges/rust-advanced/index.html"), BASE);

    assertThat(page.select("table.awards tbody td:eq(1)").eachText()).containsExactly("Ada L.");
  }

  @Test
  void neverPublishesARecipientsHashOrSalt() throws IOException {
    for (Site site : List.of(SampleSite.small(), SampleSite.hostile())) {
      for (Map.Entry<String, byte[]> file : render(site).files().entrySet()) {
        String text = new String(file.getValue(), StandardCharsets.UTF_8);
        assertThat(text)
            .as(file.getKey())
            .doesNotContain("sha256$")
            .doesNotContain(SampleSite.HASH_1.substring(7, 27))
            .doesNotContain(SampleSite.HASH_2.substring(7, 27))
            .doesNotContain(SampleSite.HASH_3.substring(7, 27));
        for (String salt : SampleSite.SALTS) {
          assertThat(text).as(file.getKey()).doesNotContain(salt);
        }
      }
    }
  }

  @Test
  void escapesHostileContentEverywhere() throws IOException {
    MemorySink sink = render(SampleSite.hostile());

    List<String> pages =
        sink.files().keySet().stream().filter(p -> p.endsWith(".html")).sorted().toList();
    assertThat(pages)
        .contains(
            "index.html",
            "404.html",
            "skills/index.html",
            "skills/search/index.html",
            "issuers/evil/index.html",
            "badges/evil/index.html",
            "assertions/evil/a1/index.html",
            "recognition/index.html")
        .anyMatch(p -> p.startsWith("tags/"))
        .anyMatch(p -> p.startsWith("earners/"));
    for (String path : pages) {
      String html = sink.text(path);
      Document page = Jsoup.parse(html, BASE);
      if (path.equals("verify/index.html") || path.equals("skills/search/index.html")) {
        // The pages with scripts: the theme's own files, by relative URL, none inline.
        assertThat(page.select("script"))
            .as(path)
            .isNotEmpty()
            .allSatisfy(script -> assertThat(script.attr("src")).matches("[a-z.]+\\.js"))
            .allSatisfy(script -> assertThat(script.data()).isEmpty());
        // The verify script's words ride in an attribute, escaped as any attribute is.
        assertThat(
                html.replaceAll(
                    "<script src=\"[a-z.]+\\.js\"( defer| data-words=\"[^\"<>]*\")?></script>", ""))
            .as(path)
            .doesNotContainIgnoringCase("<script");
      } else {
        assertThat(html).as(path).doesNotContainIgnoringCase("<script");
        assertThat(page.select("script")).as(path).isEmpty();
      }
      assertThat(html)
          .as(path)
          .doesNotContain("<img src=x")
          .doesNotContain("<b>tag")
          .doesNotContain("<i>skill");
      assertThat(page.select("[onerror], [onload]")).as(path).isEmpty();
      for (Element element : page.select("[href], [src]")) {
        assertThat(element.attr("href") + element.attr("src"))
            .as(path)
            .doesNotContainIgnoringCase("javascript:");
      }
      assertThat(page.select("h1")).as(path).hasSize(1);
    }
    for (String path : List.of("index.html", "badges/evil/index.html")) {
      assertThat(Jsoup.parse(sink.text(path), BASE).select("h1").text())
          .as(path)
          .contains("<script>alert(");
    }
    Document page = Jsoup.parse(sink.text("badges/evil/index.html"), BASE);
    assertThat(page.select(".prose").text()).contains("<script>alert(6)</script>");
    assertThat(page.select("section[aria-labelledby=criteria] .prose a")).hasSize(1);
    // An endorsement's claim is Markdown made safe too, and a hosted one's URL only text.
    assertThat(page.select(".endorsements .prose").text()).contains("<script>alert(19)</script>");
    assertThat(page.select(".endorsements .prose em").text()).isEqualTo("well");
    assertThat(page.select(".endorsements a[href*=alert]"))
        .allSatisfy(a -> assertThat(a.attr("href")).startsWith("https://x.example/"));
    assertThat(page.select(".prose a[href], .prose img[src]"))
        .as("unsafe URLs are dropped")
        .isEmpty();
    assertThat(page.select(".badge-header img").attr("alt")).isEqualTo("\" onload=\"alert(3)");
    assertThat(page.select(".alignments li").text()).startsWith("<i>skill</i>");
    assertThat(page.select(".tags a").text()).isEqualTo("<b>tag</b>");

    Document issuer = Jsoup.parse(sink.text("issuers/evil/index.html"), BASE);
    assertThat(issuer.select("h1").text()).isEqualTo("<script>alert('issuer')</script>");
    assertThat(issuer.select(".prose h2").text()).isEqualTo("<script>alert(15)</script>");
    assertThat(issuer.select(".prose a[href]")).isEmpty();
    assertThat(issuer.select(".badge-header a")).as("no javascript: web site link").isEmpty();

    Document skills = Jsoup.parse(sink.text("skills/index.html"), BASE);
    assertThat(skills.select("h2").text()).isEqualTo("<u>framework</u>");
    assertThat(skills.select("h3").text()).isEqualTo("<i>skill</i> <code>");
    assertThat(skills.select("h3 a")).as("no javascript: skill link").isEmpty();

    String tagPath = pages.stream().filter(p -> p.startsWith("tags/")).findFirst().orElseThrow();
    assertThat(tagPath).isEqualTo("tags/b-tag-b/index.html");
    assertThat(Jsoup.parse(sink.text(tagPath), BASE).select("h1").text())
        .isEqualTo("Badges tagged “<b>tag</b>”");

    String earnerPath =
        pages.stream().filter(p -> p.startsWith("earners/")).findFirst().orElseThrow();
    assertThat(earnerPath).matches("earners/evil-example-script-alert-14-script/index.html");
    Document earner = Jsoup.parse(sink.text(earnerPath), BASE);
    assertThat(earner.select("h1").text()).isEqualTo("<script>alert(10)</script>");
    assertThat(earner.select(".identifier a").attr("href")).isEqualTo(SampleSite.HOSTILE_EARNER);
    assertThat(earner.select(".identifier a").text()).isEqualTo(SampleSite.HOSTILE_EARNER);
    assertThat(earner.select(".prose h4").text()).isEqualTo("<script>alert(17)</script>");

    Document award = Jsoup.parse(sink.text("assertions/evil/a1/index.html"), BASE);
    assertThat(award.select(".prose h3").text()).isEqualTo("<script>alert(17)</script>");
    assertThat(award.select(".prose").text()).contains("<img src=x onerror=alert(18)>");
  }

  @Test
  void rendersTheSameSiteToTheSameBytes() throws IOException {
    Map<String, byte[]> first = render(SampleSite.small()).files();
    Map<String, byte[]> second = render(SampleSite.small()).files();

    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
    first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void rendersTheSameBytesWhateverTheDefaultLocaleAndZone() throws IOException {
    Map<String, byte[]> first = render(SampleSite.small()).files();
    // Changes the JVM's defaults for a moment, to prove the output does not depend on them.
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      MemorySink again =
          render(
              new PageRenderer(
                  new MarkdownRenderer(),
                  Optional.empty(),
                  new MessageBundles(Optional.empty()),
                  BUILD_DATE),
              SampleSite.small());
      assertThat(again.files()).hasSameSizeAs(first);
      first.forEach((path, bytes) -> assertThat(again.files().get(path)).as(path).isEqualTo(bytes));
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void rendersEveryPageAsValidHtml5() throws IOException {
    for (Site site : List.of(SampleSite.small(), SampleSite.hostile())) {
      MemorySink sink = render(site);
      for (String path : sink.files().keySet()) {
        if (!path.endsWith(".html")) {
          continue;
        }
        String html = sink.text(path);
        assertThat(html).as(path).startsWith("<!doctype html>\n");
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document page = Jsoup.parse(html, BASE, parser);
        ParseErrorList errors = parser.getErrors();
        assertThat(errors).as(path).isEmpty();
        DocumentType doctype = page.documentType();
        assertThat(doctype).as(path).isNotNull();
        assertThat(doctype.name()).isEqualTo("html");
        assertThat(doctype.publicId()).isEmpty();
        assertThat(page.select("html").attr("lang")).as(path).isNotBlank();
        assertThat(page.select("head > meta[charset]").attr("charset")).as(path).isEqualTo("utf-8");
        assertThat(page.select("head > meta[name=viewport]")).as(path).hasSize(1);
        assertThat(page.title()).as(path).isNotBlank();
        assertThat(page.select("h1")).as(path).hasSize(1);
        assertThat(page.select("main")).as(path).hasSize(1);
        assertThat(page.select("body > header")).as(path).hasSize(1);
        assertThat(page.select("body > footer")).as(path).hasSize(1);
      }
    }
  }
}
