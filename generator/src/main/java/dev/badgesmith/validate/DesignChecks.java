package dev.badgesmith.validate;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.Severity;
import dev.badgesmith.diag.Spelling;
import dev.badgesmith.images.BadgeDesign;
import dev.badgesmith.images.BadgeDesign.Shape;
import dev.badgesmith.images.BadgeDesign.Tier;
import dev.badgesmith.images.DesignColors;
import dev.badgesmith.images.DesignSvg;
import dev.badgesmith.images.IconSet;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.ImageProblem;
import dev.badgesmith.load.Docs.BadgeDoc;
import dev.badgesmith.load.Docs.DesignDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.model.DrawnDesign;
import dev.badgesmith.model.ImageFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A badge class's {@code design:} block: its names (shape, colours, icon, tier) each checked where
 * written, the label's contrast against the background, and the SVG it draws held to every rule a
 * drawn SVG design is held to ({@link ImageInspector}).
 */
final class DesignChecks {
  private final Diagnostics d;
  private final ImageInspector inspector;

  DesignChecks(Diagnostics d, ImageInspector inspector) {
    this.d = d;
    this.inspector = inspector;
  }

  /** The design the block draws, or empty (and reported) when it cannot be drawn. */
  Optional<ImageFile> design(BadgeDoc b, DesignDoc doc, long maxImageBytes) {
    boolean ok = true;
    if (b.image().isPresent()) {
      d.add(
          Diagnostic.error(
                  Code.MISSING_IMAGE,
                  doc.at(),
                  "two designs for badge class '"
                      + b.id()
                      + "': 'image: "
                      + b.image().get().value()
                      + "' and 'design:'")
              .withHint("keep one of them"));
      ok = false;
    }
    Optional<Shape> shape = named(doc.shape(), "shape", Shape.names(), Shape::of);
    Optional<Tier> tier = Optional.empty();
    if (doc.tier().isPresent()) {
      tier = named(doc.tier(), "tier", Tier.names(), Tier::of);
      ok &= tier.isPresent();
    }
    ok &= shape.isPresent() || doc.shape().isEmpty();
    Optional<String> icon = doc.icon().map(Located::value);
    if (doc.icon().isPresent() && !IconSet.has(icon.get())) {
      d.add(
          unknown(doc.icon().get(), "icon", IconSet.names())
              .orElseGet(
                  () ->
                      Diagnostic.error(
                              Code.INVALID_VALUE,
                              doc.icon().get().at(),
                              "unknown icon '" + icon.get() + "'")
                          .withHint(
                              "icons are Bootstrap Icons "
                                  + IconSet.version()
                                  + ", named as on icons.getbootstrap.com")));
      ok = false;
    }
    Optional<String> label = doc.label().map(Located::value);
    if (label.isPresent()
        && label.get().codePointCount(0, label.get().length()) > DesignSvg.MAX_LABEL) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  doc.label().get().at(),
                  "the label is longer than " + DesignSvg.MAX_LABEL + " characters")
              .withHint("a badge's label is a word or two; the name and description say the rest"));
      ok = false;
    }
    List<Optional<String>> colors = colors(doc);
    if (!ok || colors.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    String background = colors.isEmpty() ? DesignColors.PALETTE.get("navy") : colors.get(0).get();
    String foreground =
        colors.size() < 2 ? DesignColors.readableOn(background) : colors.get(1).get();
    contrast(doc, background, foreground, label.isPresent(), icon.isPresent());
    BadgeDesign design =
        new BadgeDesign(shape.orElse(Shape.CIRCLE), background, foreground, icon, label, tier);
    byte[] svg = DesignSvg.render(design);
    boolean clean = true;
    for (ImageProblem p : inspector.inspect(svg, "svg", maxImageBytes)) {
      Diagnostic problem =
          p.severity() == Severity.ERROR
              ? Diagnostic.error(p.code(), doc.at(), "the drawn design: " + p.message())
              : Diagnostic.warning(p.code(), doc.at(), "the drawn design: " + p.message());
      d.add(p.hint().map(problem::withHint).orElse(problem));
      clean &= p.severity() != Severity.ERROR;
    }
    return clean
        ? Optional.of(
            new ImageFile(
                b.path(),
                "svg",
                Optional.of(new String(svg, StandardCharsets.UTF_8)),
                Optional.of(
                    new DrawnDesign(
                        design.shape().written(),
                        design.tier().map(Tier::written),
                        icon,
                        label,
                        background,
                        foreground))))
        : Optional.empty();
  }

  /** Background then foreground, each empty when it is not a colour (and reported). */
  private List<Optional<String>> colors(DesignDoc doc) {
    List<Located<String>> written = doc.colors();
    if (written.size() > 2) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  written.get(2).at(),
                  "'colors' holds a background and a foreground, not "
                      + written.size()
                      + " colours")
              .withHint("write two: colors: [navy, white]"));
      return List.of(Optional.empty());
    }
    return written.stream().map(this::color).toList();
  }

  private Optional<String> color(Located<String> written) {
    Optional<String> parsed = DesignColors.parse(written.value());
    if (parsed.isPresent()) {
      return parsed;
    }
    if (DesignColors.looksHex(written.value())) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE, written.at(), "malformed colour '" + written.value() + "'")
              .withHint("write six hex digits in quotes, such as \"#1f3a5f\""));
    } else {
      d.add(
          unknown(written, "colour", DesignColors.names())
              .orElseGet(
                  () ->
                      Diagnostic.error(
                              Code.INVALID_VALUE,
                              written.at(),
                              "unknown colour '" + written.value() + "'")
                          .withHint(
                              "write \"#rrggbb\" or one of: "
                                  + String.join(", ", DesignColors.names()))));
    }
    return Optional.empty();
  }

  private <T> Optional<T> named(
      Optional<Located<String>> written,
      String what,
      List<String> names,
      Function<String, Optional<T>> of) {
    if (written.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> value = of.apply(written.get().value());
    if (value.isEmpty()) {
      d.add(
          unknown(written.get(), what, names)
              .orElseGet(
                  () ->
                      Diagnostic.error(
                              Code.INVALID_VALUE,
                              written.get().at(),
                              "unknown " + what + " '" + written.get().value() + "'")
                          .withHint("a " + what + " is one of: " + String.join(", ", names))));
    }
    return value;
  }

  /** "unknown X 'y'" with the name it was most likely meant to be, when one is close. */
  private static Optional<Diagnostic> unknown(
      Located<String> written, String what, List<String> names) {
    return Spelling.closest(written.value(), names)
        .map(
            c ->
                Diagnostic.error(
                        Code.INVALID_VALUE,
                        written.at(),
                        "unknown " + what + " '" + written.value() + "'")
                    .withHint("did you mean '" + c + "'?"));
  }

  private void contrast(
      DesignDoc doc, String background, String foreground, boolean label, boolean icon) {
    double needed = DesignColors.aaMinimum(label);
    double ratio = DesignColors.contrast(background, foreground);
    if ((!label && !icon) || ratio >= needed) {
      return;
    }
    d.add(
        Diagnostic.warning(
                Code.LOW_CONTRAST,
                doc.at(),
                "the "
                    + (label ? "label" : "icon")
                    + " colour "
                    + foreground
                    + " on "
                    + background
                    + " has a contrast ratio of "
                    + DesignColors.ratio(ratio)
                    + ":1, under WCAG AA's "
                    + DesignColors.ratio(needed)
                    + ":1 for "
                    + (label ? "text" : "graphics"))
            .withHint(
                "darken one colour or lighten the other; white or \"#111827\" (black) reads on"
                    + " most palette colours"));
  }
}
