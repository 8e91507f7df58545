package dev.badgesmith.pages;

import dev.badgesmith.diag.BadgesmithException;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the SVG of a badge class's social card from the theme's {@code social-card.svg.ftlx}; the
 * images package rasterises it. The {@code .ftlx} extension makes Freemarker escape every value for
 * XML, so a badge name cannot add markup to the card.
 *
 * <p>Thread-safe, like {@link PageRenderer}: the configuration never changes after construction.
 */
public final class SocialCardTemplate {
  static final String TEMPLATE = "social-card.svg.ftlx";

  private final Configuration freemarker;
  private final Optional<Path> overrides;

  /**
   * @param overrides a site's {@code templates/} folder, whose {@value #TEMPLATE} replaces the
   *     default card
   */
  public SocialCardTemplate(Optional<Path> overrides) {
    this.freemarker = PageRenderer.configuration(overrides);
    this.overrides = overrides;
  }

  /**
   * The card's SVG document, 1200 x 630.
   *
   * @throws BadgesmithException if the template is missing or fails
   */
  public String render(SocialCardView view) throws IOException {
    Objects.requireNonNull(view, "view");
    SocialCardView clean =
        new SocialCardView(
            xmlText(view.badgeName()),
            xmlText(view.issuerName()),
            xmlText(view.siteTitle()),
            xmlText(view.imageDataUri()));
    try {
      return renderOrFail(clean);
    } catch (TemplateException | ParseException e) {
      throw TemplateCheck.failure(TEMPLATE, e, overrides);
    }
  }

  /** The card's SVG document from a view whose text is clean already. */
  String renderOrFail(SocialCardView view) throws IOException, TemplateException {
    StringWriter out = new StringWriter();
    freemarker.getTemplate(TEMPLATE).process(model(view), out);
    return out.toString();
  }

  /** The template's data model: the card as {@code view}. */
  static Map<String, Object> model(SocialCardView view) {
    return Map.of("view", view);
  }

  /**
   * Drops what XML 1.0 cannot hold at all (control characters, lone surrogates), which escaping
   * cannot fix: YAML lets a name contain them.
   */
  static String xmlText(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || c >= 0x10000;
      if (allowed) {
        kept.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return kept.toString();
  }
}
