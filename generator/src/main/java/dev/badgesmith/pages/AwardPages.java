package dev.badgesmith.pages;

import dev.badgesmith.certificate.CertificateLayout;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.write.OutputSink;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * The pages of one site: its award pages one at a time, then every other page. A page that fails in
 * the site's template overrides is not written: its problem is noted, as {@code check} words it,
 * and the other pages go on, so one build reports them all.
 */
public final class AwardPages {
  private final PageRenderer renderer;
  private final Site site;

  /** The views of each of the site's languages, the default's first. */
  private final List<PageViews> languages;

  /** The default language's views. */
  private final PageViews views;

  private final Set<Diagnostic> problems = ConcurrentHashMap.newKeySet();

  AwardPages(PageRenderer renderer, Site site, List<PageViews> languages) {
    this.renderer = renderer;
    this.site = site;
    this.languages = languages;
    this.views = languages.get(0);
  }

  /** The award's page in each of the site's languages. */
  public void write(Award award, OutputSink sink) throws IOException {
    for (PageViews language : languages) {
      Award local = local(award, language);
      Optional<byte[]> page = page("award.ftlh", language.awardPage(local));
      if (page.isPresent()) {
        sink.write(language.layout().awardPage(local).file(), page.get());
      }
    }
  }

  /** The award as the pages of a language show it. */
  private Award local(Award award, PageViews language) {
    return site.translations().award(award, language.layout().settings().language());
  }

  /** The views of the language an award is written in. */
  private PageViews ownLanguage(Award award) {
    String own = award.language().orElse(site.settings().defaultLanguage());
    return languages.stream()
        .filter(v -> v.layout().settings().language().equals(own))
        .findFirst()
        .orElse(views);
  }

  /**
   * The layout of an award's certificate, from the theme's {@code certificate.xml.ftlx}, or empty
   * when it fails in an override (the problem is noted, as for a page).
   */
  public Optional<CertificateLayout> certificateLayout(Award award) throws IOException {
    // In the award's own language, as its credential is.
    PageViews own = ownLanguage(award);
    Optional<byte[]> drawn = page(PageRenderer.CERTIFICATE, own.certificate(local(award, own)));
    return drawn.isEmpty()
        ? Optional.empty()
        : TemplateCheck.certificateLayout(drawn.get(), renderer.overrides, problems::add);
  }

  /**
   * The name of each earner page ({@code earners/<name>/}), by the URL or DID the earner's awards
   * name; empty unless the site publishes earner pages.
   */
  public Map<String, String> earnerSlugs() {
    return views.earnerSlugs();
  }

  /** What the site's template overrides got wrong on the pages written so far. */
  public List<Diagnostic> problems() {
    return List.copyOf(problems);
  }

  /**
   * A page, or empty when it fails in an override (the problem is noted); a failure of the theme
   * itself is a set-up problem, and is thrown.
   */
  private Optional<byte[]> page(String template, Object view) throws IOException {
    try {
      return Optional.of(renderer.processOrFail(template, view));
    } catch (TemplateException | ParseException e) {
      Optional<Diagnostic> problem = TemplateCheck.diagnostic(e, renderer.overrides);
      if (problem.isEmpty()) {
        throw TemplateCheck.failure(template, e, renderer.overrides);
      }
      problems.add(problem.get());
      return Optional.empty();
    }
  }

  /**
   * What an award's page shows besides the award, its badge class, issuer and the site's settings:
   * whether it has expired by the build date, and where its earner's page is (which other awards
   * can move). A renderer that skips unchanged awards must compare this too.
   */
  public String context(Award award) {
    if (languages.size() == 1) {
      return views.awardPageContext(award);
    }
    StringBuilder context = new StringBuilder(site.translations().ofAward(award));
    for (PageViews language : languages) {
      context.append('\n').append(language.awardPageContext(local(award, language)));
    }
    return context.toString();
  }

  /**
   * Writes every page but the award pages, the feed, sitemap, robots.txt and the stylesheet, on the
   * pool's threads, and leaves out the badge class pages whose files are in {@code unchanged}: each
   * lists every award of its class, and the caller knows which it already has.
   */
  public void writeOtherPages(OutputSink sink, ForkJoinPool pool, Set<String> unchanged)
      throws IOException {
    List<PageRenderer.Page> pages = new ArrayList<>();
    SiteLayout layout = otherPages(views, pages, unchanged);
    for (PageViews language : languages.subList(1, languages.size())) {
      otherPages(language, pages, unchanged);
    }
    try {
      pool.submit(
              () ->
                  pages.parallelStream()
                      .forEach(
                          p -> {
                            try {
                              Optional<byte[]> page = page(p.template(), p.model());
                              if (page.isPresent()) {
                                sink.write(p.file(), page.get());
                              }
                            } catch (IOException e) {
                              throw new UncheckedIOException(e);
                            }
                          }))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing pages", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
    renderer.files(site, layout, sink);
  }

  /** Adds the pages of one language but its award pages, leaving out the unchanged badge pages. */
  private SiteLayout otherPages(
      PageViews language, List<PageRenderer.Page> pages, Set<String> unchanged) throws IOException {
    return renderer.pages(
        site,
        language,
        pages::add,
        false,
        b -> unchanged.contains(language.layout().badgePage(b.id()).file()));
  }

  /** The files of a badge class's page in each of the site's languages: each lists its awards. */
  public List<String> badgePageFiles(BadgeClass badge) {
    return languages.stream().map(l -> l.layout().badgePage(badge.id()).file()).toList();
  }

  /** The earner page of a URL or DID, or null when the site has none. */
  public String earnerPage(String id) {
    return views.earnerPage(id);
  }
}
