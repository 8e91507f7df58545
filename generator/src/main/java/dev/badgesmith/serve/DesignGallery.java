package dev.badgesmith.serve;

import static dev.badgesmith.serve.PreviewPages.escape;

import dev.badgesmith.images.BadgeDesign;
import dev.badgesmith.images.BadgeDesign.Shape;
import dev.badgesmith.images.BadgeDesign.Tier;
import dev.badgesmith.images.DesignColors;
import dev.badgesmith.images.DesignSvg;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.DrawnDesign;
import dev.badgesmith.model.ImageFile;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The preview's gallery of every badge class's design, at {@link #PATH}: each as published (on a
 * light and a dark ground), with what its {@code design:} block chose (shape, tier, icon, label,
 * colours) and the contrast of its label, then every shape and tier a block can draw. Made from the
 * latest good build's site, so it follows every save; served by the preview only, never built.
 */
final class DesignGallery {
  static final String PATH = PreviewHandler.INTERNAL_PATH + "designs/";

  /** What the catalogue of shapes and tiers is drawn in: the default colours of a block. */
  private static final String CATALOGUE_BACKGROUND = DesignColors.PALETTE.get("navy");

  private DesignGallery() {}

  static String page(Site site) {
    SiteLayout layout = new SiteLayout(site.settings());
    StringBuilder html = new StringBuilder();
    String title = escape(site.settings().title());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
        .append("<title>Designs – ")
        .append(title)
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n")
        .append("<p class=\"note\">Preview only: <code>badgesmith serve</code> shows this page;")
        .append(" the build never publishes it.</p>\n<h1>Badge designs of ")
        .append(title)
        .append("</h1>\n<p>")
        .append(summary(site))
        .append(" <a href=\"")
        .append(escape(layout.home().url()))
        .append("\">Back to the site</a></p>\n</header>\n<main>\n<ul class=\"cards\">\n");
    for (BadgeClass badge : site.badges()) {
      card(html, badge, layout, site.settings().pngSize());
    }
    html.append("</ul>\n");
    catalogue(html);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  /** How many designs, and the shapes and tiers they use. */
  private static String summary(Site site) {
    Map<String, Integer> shapes = new TreeMap<>();
    Map<String, Integer> tiers = new TreeMap<>();
    int drawn = 0;
    for (BadgeClass badge : site.badges()) {
      Optional<DrawnDesign> design = badge.image().design();
      if (design.isPresent()) {
        drawn++;
        shapes.merge(design.get().shape(), 1, Integer::sum);
        tiers.merge(design.get().tier().orElse("no tier"), 1, Integer::sum);
      }
    }
    int count = site.badges().size();
    StringBuilder text = new StringBuilder();
    text.append(count)
        .append(count == 1 ? " badge class, " : " badge classes, ")
        .append(drawn)
        .append(" drawn from a <code>design:</code> block.");
    if (drawn > 0) {
      text.append(" Shapes used: ").append(counts(shapes)).append(".");
      text.append(" Tiers used: ").append(counts(tiers)).append(".");
    }
    return text.toString();
  }

  private static String counts(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((name, n) -> parts.add(escape(name) + " (" + n + ")"));
    return String.join(", ", parts);
  }

  private static void card(StringBuilder html, BadgeClass badge, SiteLayout layout, int pngSize) {
    ImageFile image = badge.image();
    String src = escape(layout.badgeImage(badge).url());
    String alt = escape(badge.imageAlt().orElse(badge.name()));
    html.append("<li class=\"card\" id=\"badge-")
        .append(escape(badge.id()))
        .append("\">\n<div class=\"grounds\"><div class=\"light\"><img src=\"")
        .append(src)
        .append("\" alt=\"")
        .append(alt)
        .append("\" width=\"144\" height=\"144\"></div><div class=\"dark\"><img src=\"")
        .append(src)
        .append("\" alt=\"\" width=\"144\" height=\"144\"></div></div>\n<h2><a href=\"")
        .append(escape(layout.badgePage(badge.id()).url()))
        .append("\">")
        .append(escape(badge.name()))
        .append("</a></h2>\n<dl>\n");
    row(html, "Badge id", "<code>" + escape(badge.id()) + "</code>");
    Optional<DrawnDesign> design = image.design();
    row(
        html,
        "Drawn from",
        "<code>"
            + escape(image.source())
            + "</code>"
            + (design.isPresent()
                ? ", its <code>design:</code> block"
                : image.format().equals("svg") ? " (SVG file)" : " (PNG file)"));
    if (design.isPresent()) {
      DrawnDesign d = design.get();
      row(html, "Shape", escape(d.shape()));
      row(html, "Tier", escape(d.tier().orElse("none")));
      row(html, "Icon", d.icon().map(i -> "<code>" + escape(i) + "</code>").orElse("none"));
      row(html, "Label", d.label().map(l -> "“" + escape(l) + "”").orElse("none"));
      row(
          html,
          "Colours",
          swatch(d.background())
              + " background <code>"
              + escape(d.background())
              + "</code>, "
              + swatch(d.foreground())
              + " foreground <code>"
              + escape(d.foreground())
              + "</code>");
      row(html, "Contrast", contrast(d));
    }
    String files = "<a href=\"" + src + "\">" + image.format().toUpperCase(Locale.ROOT);
    files += "</a>";
    if (image.format().equals("svg")) {
      files +=
          ", <a href=\""
              + escape(layout.badgePng(badge).url())
              + "\">PNG, "
              + pngSize
              + "×"
              + pngSize
              + " px</a>";
    }
    row(html, "Files", files);
    html.append("</dl>\n</li>\n");
  }

  /** The label's (or the icon's) contrast on the background, as the check judges it (BSG305). */
  private static String contrast(DrawnDesign d) {
    if (d.label().isEmpty() && d.icon().isEmpty()) {
      return "nothing drawn on the background";
    }
    boolean text = d.label().isPresent();
    double ratio = DesignColors.contrast(d.background(), d.foreground());
    double needed = DesignColors.aaMinimum(text);
    boolean passes = ratio >= needed;
    return "<span class=\""
        + (passes ? "pass" : "fail")
        + "\">"
        + DesignColors.ratio(ratio)
        + ":1, "
        + (passes ? "passes" : "fails")
        + " WCAG AA for "
        + (text ? "text" : "graphics")
        + " ("
        + DesignColors.ratio(needed)
        + ":1)"
        + (passes ? "" : ": warning BSG305")
        + "</span>";
  }

  private static String swatch(String hex) {
    // The colour is #rrggbb, checked when the block was read.
    return "<span class=\"swatch\" style=\"background:" + escape(hex) + "\"></span>";
  }

  private static void row(StringBuilder html, String term, String value) {
    html.append("<dt>").append(term).append("</dt><dd>").append(value).append("</dd>\n");
  }

  /** Every shape, plain and in each tier, as a {@code design:} block draws them. */
  private static void catalogue(StringBuilder html) {
    html.append("<section aria-labelledby=\"catalogue\">\n<h2 id=\"catalogue\">")
        .append("Every shape and tier</h2>\n<p>What a <code>design:</code> block can draw,")
        .append(" here in its default colours (<code>navy</code>, white).</p>\n")
        .append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"catalogue\"")
        .append(" tabindex=\"0\">\n<table>\n<thead><tr><th scope=\"col\">shape</th>")
        .append("<th scope=\"col\">no tier</th>");
    for (Tier tier : Tier.values()) {
      html.append("<th scope=\"col\">").append(tier.written()).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Shape shape : Shape.values()) {
      html.append("<tr><th scope=\"row\"><code>").append(shape.written()).append("</code></th>");
      List<Optional<Tier>> tiers = new ArrayList<>();
      tiers.add(Optional.empty());
      for (Tier tier : Tier.values()) {
        tiers.add(Optional.of(tier));
      }
      for (Optional<Tier> tier : tiers) {
        BadgeDesign design =
            new BadgeDesign(
                shape,
                CATALOGUE_BACKGROUND,
                "#ffffff",
                Optional.of("award"),
                Optional.of("Label"),
                tier);
        html.append("<td><img src=\"data:image/svg+xml;base64,")
            .append(Base64.getEncoder().encodeToString(DesignSvg.render(design)))
            .append("\" alt=\"")
            .append(shape.written())
            .append(tier.map(t -> ", " + t.written()).orElse(""))
            .append("\" width=\"96\" height=\"96\"></td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static final String STYLE =
      """
      :root{color-scheme:light dark;--bg:#fff;--fg:#1d2129;--muted:#545b66;--card:#f6f7f9;\
      --line:#dde1e6;--accent:#0b57d0;--pass:#116329;--fail:#a4161a}
      @media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e6e8eb;--muted:#a3abb7;\
      --card:#1d2024;--line:#2f343b;--accent:#8ab4f8;--pass:#7ee2a8;--fail:#ffb4ab}}
      body{margin:0 auto;max-width:72rem;padding:1.5rem;background:var(--bg);color:var(--fg);\
      font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
      a{color:var(--accent)}
      .note{display:inline-block;margin:0;padding:.25rem .75rem;border-radius:1rem;\
      background:var(--card);color:var(--muted);font-size:.875rem}
      .cards{list-style:none;padding:0;display:grid;gap:1rem;\
      grid-template-columns:repeat(auto-fill,minmax(20rem,1fr))}
      .card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem}
      .card h2{font-size:1.125rem;margin:.75rem 0 .5rem}
      .grounds{display:flex;gap:.5rem}
      .grounds div{flex:1;display:flex;justify-content:center;padding:.75rem;border-radius:.375rem}
      .grounds .light{background:#ffffff}
      .grounds .dark{background:#111827}
      .grounds img{width:6rem;height:6rem;object-fit:contain}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:0}
      dt{color:var(--muted)}
      dd{margin:0}
      .swatch{display:inline-block;width:1em;height:1em;vertical-align:-.125em;\
      border:1px solid var(--muted);border-radius:.2em}
      .pass{color:var(--pass)}
      .fail{color:var(--fail);font-weight:600}
      .table-scroll{overflow-x:auto}
      table{border-collapse:collapse}
      th,td{padding:.375rem .625rem;border-bottom:1px solid var(--line);text-align:left}
      td img{display:block}
      """;
}
