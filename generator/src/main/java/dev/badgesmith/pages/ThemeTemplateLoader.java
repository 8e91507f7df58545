package dev.badgesmith.pages;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a template in the site's {@code templates/} folder first, then in the default theme; a name
 * under {@value #DEFAULTS} always comes from the default theme. So an override can import the
 * default it replaces ({@code <#import "/_default/layout.ftlh" as default>}) and change one macro.
 * A default template imports its neighbours by relative names, so under {@value #DEFAULTS} it sees
 * the default theme's files only.
 */
final class ThemeTemplateLoader implements TemplateLoader {
  /** The folder name under which the default theme stays reachable. */
  static final String DEFAULTS = "_default/";

  private final Optional<TemplateLoader> site;
  private final TemplateLoader theme;

  ThemeTemplateLoader(Optional<TemplateLoader> site, TemplateLoader theme) {
    this.site = Objects.requireNonNull(site, "site");
    this.theme = Objects.requireNonNull(theme, "theme");
  }

  /** A found template and the loader it came from; equal sources are one cache entry. */
  private record Source(TemplateLoader loader, Object source) {}

  @Override
  public Object findTemplateSource(String name) throws IOException {
    if (name.startsWith(DEFAULTS)) {
      return found(theme, name.substring(DEFAULTS.length()));
    }
    if (site.isPresent()) {
      Object own = found(site.get(), name);
      if (own != null) {
        return own;
      }
    }
    return found(theme, name);
  }

  private static Object found(TemplateLoader loader, String name) throws IOException {
    Object source = loader.findTemplateSource(name);
    return source == null ? null : new Source(loader, source);
  }

  @Override
  public long getLastModified(Object templateSource) {
    Source s = (Source) templateSource;
    return s.loader().getLastModified(s.source());
  }

  @Override
  public Reader getReader(Object templateSource, String encoding) throws IOException {
    Source s = (Source) templateSource;
    return s.loader().getReader(s.source(), encoding);
  }

  @Override
  public void closeTemplateSource(Object templateSource) throws IOException {
    Source s = (Source) templateSource;
    s.loader().closeTemplateSource(s.source());
  }
}
