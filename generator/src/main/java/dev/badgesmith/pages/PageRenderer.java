package dev.badgesmith.pages;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.model.SiteUrl;
import dev.badgesmith.write.OutputSink;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Renders the human pages of a site with the default theme (home, tag galleries, skills index,
 * issuer, criteria, award and earner pages, 404), the feed, sitemap, robots.txt and the stylesheet.
 *
 * <p>Built once and shared: the Freemarker configuration is set up here and never changed after, so
 * {@link #render} may run on several threads at once.
 */
public final class PageRenderer {
  /** The classpath folder of the default theme, in the templates module. */
  static final String THEME = "badgesmith/theme/";

  /**
   * Third-party files the theme ships unchanged, under the theme: jsonld.js's browser bundle (npm
   * {@code jsonld} 9.0.0, {@code dist/jsonld.min.js}) and its licences.
   */
  static final String VENDOR = "vendor/";

  /** The template of an award's certificate: a layout the certificate package draws as a PDF. */
  static final String CERTIFICATE = "certificate.xml.ftlx";

  /**
   * Every file of the theme, which a site's {@code templates/} may replace one by one. {@code
   * layout.ftlh}, {@code gallery.ftlh} and {@code endorsements.ftlh} hold macros the pages import.
   */
  public static final List<String> THEME_FILES =
      List.of(
          "layout.ftlh",
          "gallery.ftlh",
          "endorsements.ftlh",
          "index.ftlh",
          "tag.ftlh",
          "skills.ftlh",
          "skills-search.ftlh",
          "issuer.ftlh",
          "badge.ftlh",
          "pathway.ftlh",
          "award.ftlh",
          "endorsement.ftlh",
          "earner.ftlh",
          "recognition.ftlh",
          "verify.ftlh",
          "404.ftlh",
          "feed.xml.ftlx",
          "sitemap.xml.ftlx",
          "social-card.svg.ftlx",
          "certificate.xml.ftlx",
          "style.css",
          "verify.js",
          "skills-search.js");

  private final MarkdownRenderer markdown;
  private final Configuration freemarker;
  final Optional<Path> overrides;
  private final Instant buildDate;
  private final MessageBundles bundles;
  // Every award page asks for the same few templates: found here without Freemarker's cache,
  // whose lookups are synchronized. A template that fails to load is not kept.
  private final Map<String, Template> templates = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param overrides a site's {@code templates/} folder: a file there replaces the default theme's
   *     file of the same name, one file at a time
   * @param bundles the pages' words: the theme's bundles and the site's own strings
   * @param buildDate the date the pages take as now, to tell expired awards
   */
  public PageRenderer(
      MarkdownRenderer markdown,
      Optional<Path> overrides,
      MessageBundles bundles,
      Instant buildDate) {
    this.bundles = Objects.requireNonNull(bundles, "bundles");
    this.markdown = Objects.requireNonNull(markdown, "markdown");
    this.overrides = Objects.requireNonNull(overrides, "overrides");
    this.buildDate = Objects.requireNonNull(buildDate, "buildDate");
    this.freemarker = configuration(overrides);
  }

  /**
   * One page: the template that draws it, the file it goes to and the data model it sees.
   *
   * @param view makes the view record, whose components are the template's variables: pages that
   *     list every award take a while to make, so each is made where the page is rendered
   */
  record Page(String template, String file, java.util.function.Supplier<Object> view) {
    /** The page's view, made when asked for: on the thread that renders the page. */
    Object model() {
      return view.get();
    }
  }

  /** Takes the pages one at a time, so award pages are written as they are made. */
  interface PageConsumer {
    void accept(Page page) throws IOException;
  }

  /**
   * The pages of a site, for a renderer that writes the award pages award by award and the rest
   * once: both from one set of views, built once.
   */
  public AwardPages awardPages(Site site) {
    return new AwardPages(this, site, views(site));
  }

  /** One set of views per language of the site, the default's first, each in its words. */
  private List<PageViews> views(Site site) {
    return site.settings().languages().stream()
        .map(
            language ->
                new PageViews(
                    site.inLanguage(language), markdown, buildDate, bundles.messages(language)))
        .toList();
  }

  /** robots.txt, the stylesheet, and the scripts of the verify and skills search pages. */
  void files(Site site, SiteLayout layout, OutputSink sink) throws IOException {
    // Crawlers read robots.txt at a host's root only; under a sub-path it is harmless.
    sink.write(
        layout.robots().file(),
        ("User-agent: *\nAllow: /\nSitemap: " + layout.sitemap().url() + "\n")
            .getBytes(StandardCharsets.UTF_8));
    sink.write(layout.stylesheet().file(), themeFile("style.css"));
    sink.write(layout.verifyScript().file(), themeFile("verify.js"));
    if (site.hasAlignments()) {
      sink.write(layout.skillsSearchScript().file(), themeFile("skills-search.js"));
    }
    if (site.settings().signing().flatMap(s -> s.dataIntegrityKey()).isPresent()) {
      // A vendored library, not a theme file: no override replaces it.
      sink.write(layout.verifyLibrary().file(), themeResource(VENDOR + "jsonld.min.js"));
      sink.write(
          layout.verifyLibraryLicence().file(),
          themeResource(VENDOR + "jsonld.min.js.LICENSE.txt"));
    }
  }

  /** Hands every templated page of a site to {@code out}, in a fixed order. */
  SiteLayout pages(Site site, PageConsumer out) throws IOException {
    List<PageViews> languages = views(site);
    SiteLayout layout = pages(site, languages.get(0), out, true, b -> false);
    for (PageViews language : languages.subList(1, languages.size())) {
      pages(site, language, out, true, b -> false);
    }
    return layout;
  }

  SiteLayout pages(
      Site site,
      PageViews views,
      PageConsumer out,
      boolean awardPages,
      java.util.function.Predicate<BadgeClass> unchanged)
      throws IOException {
    SiteLayout layout = views.layout();
    // The default language's pages are the site's; each other's are under its folder, without
    // the feed, sitemap and 404 page, which a site has once.
    boolean other = !layout.pagePrefix().isEmpty();
    site = site.inLanguage(layout.settings().language());
    out.accept(new Page("index.ftlh", layout.home().file(), views::index));
    for (Map.Entry<SiteUrl, TagPageView> tag : views.tagPages().entrySet()) {
      out.accept(new Page("tag.ftlh", tag.getKey().file(), tag::getValue));
    }
    SkillsPageView skills = views.skills();
    if (skills != null) {
      out.accept(new Page("skills.ftlh", layout.skills().file(), () -> skills));
      out.accept(new Page("skills-search.ftlh", layout.skillsSearch().file(), views::skillSearch));
    }
    for (Issuer issuer : site.issuers()) {
      out.accept(
          new Page(
              "issuer.ftlh",
              layout.issuerPage(issuer.id()).file(),
              () -> views.issuerPage(issuer)));
    }
    for (BadgeClass badge : site.badges()) {
      if (!unchanged.test(badge)) {
        out.accept(
            new Page(
                "badge.ftlh", layout.badgePage(badge.id()).file(), () -> views.badgePage(badge)));
      }
    }
    // Few, and each depends on the awards of every step: always rendered.
    for (BadgeClass stack : views.stacks()) {
      out.accept(
          new Page(
              "pathway.ftlh",
              layout.pathwayPage(stack.id()).file(),
              () -> views.pathwayPage(stack)));
    }
    for (Award award : awardPages ? site.awards() : List.<Award>of()) {
      out.accept(
          new Page("award.ftlh", layout.awardPage(award).file(), () -> views.awardPage(award)));
      if (site.settings().pages().certificates() && !other) {
        // The certificate's layout, which the render stage draws as the PDF at that path.
        out.accept(
            new Page(
                CERTIFICATE, layout.certificate(award).file(), () -> views.certificate(award)));
      }
    }
    for (Endorsement endorsement : views.endorsements()) {
      out.accept(
          new Page(
              "endorsement.ftlh",
              layout.endorsementPage(endorsement.id()).file(),
              () -> views.endorsementPage(endorsement)));
    }
    for (Map.Entry<SiteUrl, EarnerPageView> earner : views.earnerPages().entrySet()) {
      out.accept(new Page("earner.ftlh", earner.getKey().file(), earner::getValue));
    }
    if (site.settings().pages().recognition()) {
      out.accept(new Page("recognition.ftlh", layout.recognition().file(), views::recognition));
    }
    out.accept(new Page("verify.ftlh", layout.verifyPage().file(), views::verifyPage));
    if (other) {
      return layout;
    }
    out.accept(new Page("404.ftlh", layout.notFound().file(), views::notFound));
    out.accept(new Page("feed.xml.ftlx", layout.feed().file(), views::feed));
    out.accept(new Page("sitemap.xml.ftlx", layout.sitemap().file(), views::sitemap));
    return layout;
  }

  /**
   * Parses every template a build uses and renders one page of each kind, writing nothing: what
   * fails in the site's {@code templates/} is a diagnostic there (see {@link TemplateCheck}).
   *
   * @throws BadgesmithException when the default theme itself fails
   */
  public List<Diagnostic> check(Site site) throws IOException {
    return TemplateCheck.check(this, site, overrides);
  }

  /**
   * What {@link #check} finds, when the site's own pages are rendered next: every page of a site
   * with template overrides is then left to {@link AwardPages}, which notes what fails as check
   * would word it.
   *
   * @param problems what failed
   * @param pagesLeft whether the pages were left to be rendered: {@link #checkPages} checks them
   *     when they are not rendered after all
   */
  public record Checked(List<Diagnostic> problems, boolean pagesLeft) {
    public Checked {
      problems = List.copyOf(problems);
    }
  }

  /** {@link #check}, leaving the pages of a site with template overrides to be rendered next. */
  public Checked checkBeforeRendering(Site site) throws IOException {
    return TemplateCheck.check(this, site, overrides, false);
  }

  /** The pages {@link #checkBeforeRendering} left, rendered and dropped. */
  public List<Diagnostic> checkPages(Site site) throws IOException {
    return TemplateCheck.pages(this, site, overrides);
  }

  byte[] processOrFail(String templateName, Object view) throws IOException, TemplateException {
    Utf8PageText out = new Utf8PageText();
    template(templateName).process(view, out);
    return out.toBytes();
  }

  /** A template, parsed (and its parse error thrown). */
  Template template(String name) throws IOException {
    Template template = templates.get(name);
    if (template == null) {
      template = freemarker.getTemplate(name);
      templates.putIfAbsent(name, template);
    }
    return template;
  }

  /** A theme file, from the site's overrides when it has one of that name. */
  private byte[] themeFile(String name) throws IOException {
    Optional<Path> override = overrides.map(d -> d.resolve(name)).filter(Files::isRegularFile);
    return override.isPresent() ? Files.readAllBytes(override.get()) : themeResource(name);
  }

  private static byte[] themeResource(String name) throws IOException {
    try (InputStream in = PageRenderer.class.getClassLoader().getResourceAsStream(THEME + name)) {
      if (in == null) {
        throw new BadgesmithException("the theme has no " + name + " on the classpath");
      }
      return in.readAllBytes();
    }
  }

  /** The theme's Freemarker set-up, shared by every template renderer of this package. */
  static Configuration configuration(Optional<Path> overrides) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
    TemplateLoader theme = new ClassTemplateLoader(PageRenderer.class.getClassLoader(), THEME);
    Optional<TemplateLoader> site = Optional.empty();
    if (overrides.isPresent()) {
      try {
        // Freemarker's file loader refuses names that lead out of its folder.
        site = Optional.of(new FileTemplateLoader(overrides.get().toFile()));
      } catch (IOException e) {
        throw new BadgesmithException("cannot read the templates folder: " + e.getMessage(), e);
      }
    }
    cfg.setTemplateLoader(new ThemeTemplateLoader(site, theme));
    // Theme files are resources in a jar: they never change while a build runs.
    cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    // Nor are they dropped: a concurrent cache, so the award pages' imports, on every thread at
    // once, find their templates without a lock.
    cfg.setCacheStorage(new freemarker.cache.StrongCacheStorage());
    cfg.setLocalizedLookup(false);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setURLEscapingCharset("UTF-8");
    // .ftlh selects HTML auto-escaping; say so for any other name too, so nothing prints raw.
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    DefaultObjectWrapperBuilder wrapper =
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
    // Templates come from pull requests: they read the views' own members and nothing else (no
    // getClass(), so no way from a view to the class loader, the jar's path or the Java API).
    wrapper.setMemberAccessPolicy(new ViewsOnlyPolicy());
    cfg.setObjectWrapper(new ViewsWrapper(wrapper));
    // The same site must give the same bytes on every machine: no default locale or zone, and
    // numbers, booleans and dates in fixed, locale-free formats.
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setBooleanFormat("c");
    cfg.setDateFormat("iso");
    cfg.setTimeFormat("iso");
    cfg.setDateTimeFormat("iso");
    // Errors propagate to the caller; nothing is logged and rethrown, nothing half-printed.
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    // Sites will override templates from pull requests: templates must not instantiate classes.
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    return cfg;
  }
}
