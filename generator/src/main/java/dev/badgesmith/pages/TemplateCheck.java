package dev.badgesmith.pages;

import dev.badgesmith.certificate.CertificateException;
import dev.badgesmith.certificate.CertificateLayout;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the templates a build uses without writing anything, so that an error in a site's {@code
 * templates/} is a diagnostic of {@code check} as much as of {@code build}: it parses every
 * template of the theme (the site's override where it has one), then renders one page of each kind
 * against the site's own views (the home page, the first tag, issuer, badge class, award and earner
 * pages, the skills, skills search, verify and 404 pages, the feed, the sitemap and the first
 * social card) and drops the output. With the theme alone the pages are those of the site with a
 * sample of its awards ({@link #sample}); with overrides in {@code templates/}, every page of the
 * site, so an override that fails on one award's data fails here too. A build leaves those pages to
 * its render stage, which reports what fails in the same words, rather than render every page
 * twice.
 *
 * <p>An error is placed in the override it happened in, at the line and column FreeMarker gives, or
 * else in the first override the failing page passed through (a page of the theme calling a macro
 * of an overridden {@code layout.ftlh}). An error with no override to blame is the theme's own, a
 * set-up problem, and is thrown.
 */
final class TemplateCheck {
  /** How FreeMarker names a place in its stack of instructions. */
  private static final Pattern STACK_PLACE =
      Pattern.compile(
          "\\[in template \"([^\"]+)\"(?: in (?:macro|function) \"[^\"]*\")? at line (\\d+),"
              + " column (\\d+)\\]");

  private static final Pattern FREEMARKER_PLACE =
      Pattern.compile("\\s*\\[in template \"[^\"]*\"[^\\]]*\\]");

  private static final Pattern MISSING =
      Pattern.compile("The following has evaluated to null or missing: ==> (.+?)$");

  /** The theme's files that hold macros its pages call. */
  private static final List<String> MACRO_LIBRARIES =
      List.of("layout.ftlh", "gallery.ftlh", "endorsements.ftlh");

  private TemplateCheck() {}

  static List<Diagnostic> check(PageRenderer renderer, Site site, Optional<Path> overrides)
      throws IOException {
    return check(renderer, site, overrides, true).problems();
  }

  /**
   * @param overridePages whether to render every page of a site with overrides here; a build
   *     renders them anyway, and reports what fails as this would
   */
  static PageRenderer.Checked check(
      PageRenderer renderer, Site site, Optional<Path> overrides, boolean overridePages)
      throws IOException {
    Set<Diagnostic> found = new LinkedHashSet<>();
    for (String name : PageRenderer.THEME_FILES) {
      if (name.endsWith(".ftlh") || name.endsWith(".ftlx")) {
        try {
          renderer.template(name);
        } catch (ParseException e) {
          found.add(diagnostic(e, overrides).orElseThrow(() -> themeFailed(name, e)));
        }
      }
    }
    if (!found.isEmpty()) {
      // Pages would only fail again on what failed to parse.
      return new PageRenderer.Checked(List.copyOf(found), false);
    }
    boolean pagesLeft = overrides.isPresent() && !overridePages;
    if (!pagesLeft) {
      found.addAll(pages(renderer, site, overrides));
    }
    if (!site.badges().isEmpty()) {
      BadgeClass badge = site.badges().get(0);
      SocialCardView card =
          new SocialCardView(
              SocialCardTemplate.xmlText(badge.name()),
              SocialCardTemplate.xmlText(
                  site.issuer(badge.issuerId()).map(Issuer::name).orElse("")),
              SocialCardTemplate.xmlText(site.settings().title()),
              "data:image/png;base64,");
      try {
        new SocialCardTemplate(overrides).renderOrFail(card);
      } catch (TemplateException | ParseException e) {
        found.add(
            diagnostic(e, overrides)
                .orElseThrow(() -> themeFailed(SocialCardTemplate.TEMPLATE, e)));
      }
    }
    return new PageRenderer.Checked(List.copyOf(found), pagesLeft);
  }

  /**
   * The pages rendered and dropped. The theme's own templates are tested here: one page of each
   * kind shows they run on this site. A site's overrides are not: each of its pages is rendered, so
   * an override that fails on one award's data fails check as it would fail build.
   */
  static List<Diagnostic> pages(PageRenderer renderer, Site site, Optional<Path> overrides)
      throws IOException {
    List<PageRenderer.Page> pages = new ArrayList<>();
    if (overrides.isPresent()) {
      renderer.pages(site, pages::add);
    } else {
      Map<String, PageRenderer.Page> first = new LinkedHashMap<>();
      renderer.pages(sample(site), page -> first.putIfAbsent(page.template(), page));
      pages.addAll(first.values());
    }
    Set<Diagnostic> found = new LinkedHashSet<>();
    for (PageRenderer.Page page : pages) {
      try {
        byte[] drawn = renderer.processOrFail(page.template(), page.model());
        if (page.template().equals(PageRenderer.CERTIFICATE)) {
          certificateLayout(drawn, overrides, found::add);
        }
      } catch (TemplateException | ParseException e) {
        found.add(diagnostic(e, overrides).orElseThrow(() -> themeFailed(page.template(), e)));
      }
    }
    return List.copyOf(found);
  }

  /**
   * The site with a few of its awards: the first of each badge class and the first revoked one.
   * Pages that list every award (a badge class's, the feed, the sitemap) then cost what a small
   * site's do: 3,000 awards took 3 s to render them all, where one page of each kind is enough.
   */
  private static Site sample(Site site) {
    Set<String> badges = new HashSet<>();
    boolean revoked = false;
    List<Award> awards = new ArrayList<>();
    for (Award award : site.awards()) {
      boolean firstOfBadge = badges.add(award.badgeId());
      boolean firstRevoked = award.revoked() && !revoked;
      revoked |= award.revoked();
      if (firstOfBadge || firstRevoked) {
        awards.add(award);
      }
    }
    return new Site(
        site.settings(),
        site.issuers(),
        site.badges(),
        awards,
        site.frameworks(),
        site.endorsements(),
        site.translations());
  }

  /**
   * The layout a certificate template wrote, or empty when it cannot be drawn: the problem is
   * handed on as a diagnostic at the site's override (the theme's own layout is tested).
   */
  static Optional<CertificateLayout> certificateLayout(
      byte[] drawn, Optional<Path> overrides, java.util.function.Consumer<Diagnostic> problems) {
    try {
      return Optional.of(CertificateLayout.parse(drawn));
    } catch (CertificateException e) {
      Optional<SourcePosition> where = at(PageRenderer.CERTIFICATE, 1, 1, overrides);
      if (where.isEmpty()) {
        throw themeFailed(PageRenderer.CERTIFICATE, e);
      }
      problems.accept(
          Diagnostic.error(
                  Code.TEMPLATE_ERROR,
                  where.get(),
                  "the certificate layout it writes cannot be drawn: " + e.getMessage())
              .withHint(
                  "the README's \"Certificates\" lists the marks of a layout and their"
                      + " attributes; the theme's certificate.xml.ftlx is an example"));
      return Optional.empty();
    }
  }

  /** What a build says when a template fails: the diagnostic, or the theme's own failure. */
  static BadgesmithException failure(String template, Exception e, Optional<Path> overrides) {
    return diagnostic(e, overrides)
        .map(d -> new BadgesmithException(d.format(), e))
        .orElseGet(() -> themeFailed(template, e));
  }

  private static BadgesmithException themeFailed(String template, Exception e) {
    return new BadgesmithException("template " + template + " failed: " + e.getMessage(), e);
  }

  /**
   * A template's error as a diagnostic in the site's override, or empty when no override is to
   * blame.
   */
  static Optional<Diagnostic> diagnostic(Exception e, Optional<Path> overrides) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ParseException parse) {
        return at(
                parse.getTemplateName(), parse.getLineNumber(), parse.getColumnNumber(), overrides)
            .map(
                where ->
                    Diagnostic.error(
                            Code.TEMPLATE_ERROR,
                            where,
                            "FreeMarker syntax error: " + parseMessage(parse))
                        .withHint(
                            "fix the directive; FreeMarker's manual describes each one, and the"
                                + " theme's own file shows the page's structure"));
      }
    }
    if (!(e instanceof TemplateException failed)) {
      return Optional.empty();
    }
    Optional<SourcePosition> where =
        at(failed.getTemplateSourceName(), lineOf(failed), columnOf(failed), overrides);
    if (where.isEmpty() && failed.getFTLInstructionStack() != null) {
      Matcher m = STACK_PLACE.matcher(failed.getFTLInstructionStack());
      while (where.isEmpty() && m.find()) {
        where =
            at(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), overrides);
      }
    }
    String message = runtimeMessage(failed);
    for (String library : MACRO_LIBRARIES) {
      if (where.isEmpty()) {
        // A theme page failing where nothing of the site ran: it called the site's macros wrongly.
        where = at(library, 1, 1, overrides);
        if (where.isPresent()) {
          message =
              "the theme's "
                  + failed.getTemplateSourceName()
                  + " fails with this "
                  + library
                  + ": "
                  + message;
        }
      }
    }
    String hint =
        message.contains("Template not found")
            ? "include and import only files of templates/ and of the theme (\"/_default/"
                + "layout.ftlh\"), by names inside them"
            : "the README's \"Template variables\" lists what each page has; give what may be"
                + " missing a default (name!\"\") or test it (name??)";
    String said = message;
    return where.map(w -> Diagnostic.error(Code.TEMPLATE_ERROR, w, said).withHint(hint));
  }

  private static int lineOf(TemplateException e) {
    return e.getLineNumber() == null ? 1 : e.getLineNumber();
  }

  private static int columnOf(TemplateException e) {
    return e.getColumnNumber() == null ? 1 : e.getColumnNumber();
  }

  /** Where in the site an error in template {@code name} is: its override, when it has one. */
  private static Optional<SourcePosition> at(
      String name, int line, int column, Optional<Path> overrides) {
    if (name == null || name.startsWith(ThemeTemplateLoader.DEFAULTS) || overrides.isEmpty()) {
      return Optional.empty();
    }
    Path file = overrides.get().resolve(name).normalize();
    if (!file.startsWith(overrides.get()) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(
        new SourcePosition(
            ThemeOverrides.FOLDER + "/" + name, Math.max(1, line), Math.max(1, column)));
  }

  private static String parseMessage(ParseException e) {
    String message = e.getEditorMessage() == null ? e.getMessage() : e.getEditorMessage();
    int expecting = message.indexOf("Was expecting");
    return oneLine(expecting < 0 ? message : message.substring(0, expecting));
  }

  /** FreeMarker's message without its tips, stack and places (the diagnostic gives the place). */
  private static String runtimeMessage(TemplateException e) {
    String message = e.getMessageWithoutStackTop();
    int tip = message.indexOf("\n----");
    message = tip < 0 ? message : message.substring(0, tip);
    message = oneLine(FREEMARKER_PLACE.matcher(message).replaceAll(""));
    // Says which Java object read the name: nothing for the site, and different every run.
    message = message.replaceAll(" The name was interpreted by this TemplateLoader: \\S+", "");
    return MISSING.matcher(message).replaceAll("'$1' is null or missing");
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
