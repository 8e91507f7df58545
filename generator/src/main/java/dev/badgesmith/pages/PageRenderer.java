package dev.badgesmith.pages;

import dev.badgesmith.BadgesmithException;
import dev.badgesmith.markdown.MarkdownRenderer;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.write.OutputSink;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Renders the human pages of a site (the home page and one criteria page per badge class) with the
 * default theme, plus the theme's stylesheet.
 *
 * <p>Built once and shared: the Freemarker configuration is set up here and never changed after, so
 * {@link #render} may run on several threads at once.
 */
public final class PageRenderer {
  /** The classpath folder of the default theme, in the templates module. */
  static final String THEME = "badgesmith/theme/";

  private final MarkdownRenderer markdown;
  private final Configuration freemarker;

  private final Optional<Path> overrides;

  /** Renders with the default theme. */
  public PageRenderer(MarkdownRenderer markdown) {
    this(markdown, Optional.empty());
  }

  /**
   * @param overrides a site's {@code templates/} folder: a file there replaces the default theme's
   *     file of the same name, one file at a time
   */
  public PageRenderer(MarkdownRenderer markdown, Optional<Path> overrides) {
    this.markdown = Objects.requireNonNull(markdown, "markdown");
    this.overrides = Objects.requireNonNull(overrides, "overrides");
    this.freemarker = configuration(overrides);
  }

  /** Writes {@code index.html}, every criteria page and the stylesheet of a site into a sink. */
  public void render(Site site, OutputSink sink) throws IOException {
    PageViews views = new PageViews(site, markdown);
    SiteLayout layout = views.layout();
    sink.write(layout.home().file(), process("index.ftlh", views.index()));
    for (BadgeClass badge : site.badges()) {
      sink.write(
          layout.badgePage(badge.id()).file(), process("badge.ftlh", views.badgePage(badge)));
    }
    for (Award award : site.awards()) {
      sink.write(layout.awardPage(award).file(), process("award.ftlh", views.awardPage(award)));
    }
    sink.write(layout.verifyPage().file(), process("verify.ftlh", views.verifyPage()));
    sink.write(layout.verifyScript().file(), themeFile("verify.js"));
    sink.write(layout.feed().file(), process("feed.xml.ftlx", views.feed()));
    sink.write(
        layout.sitemap().file(), process("sitemap.xml.ftlx", Map.of("urls", views.sitemap())));
    // Crawlers read robots.txt at a host's root only; under a sub-path it is harmless.
    sink.write(
        layout.robots().file(),
        ("User-agent: *\nAllow: /\nSitemap: " + layout.sitemap().url() + "\n")
            .getBytes(StandardCharsets.UTF_8));
    sink.write(layout.stylesheet().file(), themeFile("style.css"));
  }

  private byte[] process(String templateName, Object view) throws IOException {
    StringWriter out = new StringWriter();
    try {
      freemarker.getTemplate(templateName).process(view, out);
    } catch (TemplateException e) {
      // A broken theme is a set-up problem, not a content one: no file of the site is to blame.
      throw new BadgesmithException("template " + templateName + " failed: " + e.getMessage(), e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
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
    if (overrides.isPresent()) {
      try {
        // Freemarker's file loader refuses names that lead out of its folder.
        TemplateLoader site = new FileTemplateLoader(overrides.get().toFile());
        theme = new MultiTemplateLoader(new TemplateLoader[] {site, theme});
      } catch (IOException e) {
        throw new BadgesmithException("cannot read the templates folder: " + e.getMessage(), e);
      }
    }
    cfg.setTemplateLoader(theme);
    // Theme files are resources in a jar: they never change while a build runs.
    cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    cfg.setLocalizedLookup(false);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setURLEscapingCharset("UTF-8");
    // .ftlh selects HTML auto-escaping; say so for any other name too, so nothing prints raw.
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35).build());
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
