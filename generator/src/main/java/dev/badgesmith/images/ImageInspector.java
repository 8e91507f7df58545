package dev.badgesmith.images;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks a badge or issuer image before anything renders or publishes it: its size against a
 * budget; a PNG's structure and pixel count ({@link PngCheck}); an SVG's well-formedness and
 * safety; and whether the image is square.
 *
 * <p>An SVG badge is shown by browsers, wallets and backpacks, sometimes inline or opened on the
 * site's own origin: it must not run code or load anything, since that would run the author's code
 * on the site or the verifier's page, or tell a third party who looked at a badge. So an SVG may
 * hold only the elements and attributes of {@link SvgAllowList}, refer only to its own elements
 * ({@code #id}) and embed only PNG and JPEG pictures; and it is published as written again from
 * what was checked ({@link #publishedSvg}). Its drawing must stay within {@link ImageLimits}. Pure
 * checks: the JDK's XML parser (no external entity is read) and no rendering.
 *
 * <p>Stateless and thread-safe.
 */
public final class ImageInspector {
  private static final String XLINK = "http://www.w3.org/1999/xlink";
  private static final Pattern CSS_URL =
      Pattern.compile("url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_IMPORT =
      Pattern.compile("@import\\s+(?:url\\(\\s*)?['\"]?([^'\")\\s;]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*([a-z]*)\\s*");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
  private static final Pattern SPACE_AND_CONTROLS = Pattern.compile("[\\x00-\\x20\\x7f]+");

  private final SvgChecks kept;
  private final Consumer<String> keepFailed;

  /** An inspector that checks every SVG it is given. */
  public ImageInspector() {
    this(SvgChecks.NONE, failure -> {});
  }

  /**
   * @param kept where what each SVG's check found is kept between runs
   * @param keepFailed told why an entry could not be kept: the next run checks it again
   */
  ImageInspector(SvgChecks kept, Consumer<String> keepFailed) {
    this.kept = Objects.requireNonNull(kept, "kept");
    this.keepFailed = Objects.requireNonNull(keepFailed, "keepFailed");
  }

  /**
   * Every problem of one image, errors and warnings, in the order found; empty when it is clean.
   *
   * @param format {@code png} or {@code svg}
   * @param maxBytes the size budget in bytes
   */
  public List<ImageProblem> inspect(byte[] content, String format, long maxBytes) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(format, "format");
    List<ImageProblem> problems = new ArrayList<>();
    if (content.length > maxBytes) {
      problems.add(
          ImageProblem.error(
                  Code.IMAGE_TOO_LARGE,
                  "the image is "
                      + content.length
                      + " bytes, over the budget of "
                      + maxBytes
                      + " bytes")
              .withHint(
                  format.equals("svg")
                      ? "optimise it, for example with `svgo`, or simplify the design"
                      : "optimise it, for example with `oxipng -o max --strip safe`, or make it"
                          + " smaller (512 x 512 px is plenty)"));
    }
    switch (format) {
      case "png" -> inspectPng(content, problems);
      case "svg" -> inspectSvg(content, problems);
      default -> throw new IllegalArgumentException("format must be png or svg, not " + format);
    }
    return List.copyOf(problems);
  }

  // ---------------------------------------------------------------------------------------- PNG

  private static void inspectPng(byte[] png, List<ImageProblem> problems) {
    try {
      PngCheck.Ihdr ihdr = PngCheck.check(png);
      if (ihdr.width() != ihdr.height()) {
        problems.add(notSquare(ihdr.width() + " x " + ihdr.height() + " px"));
      }
    } catch (PngCheck.CorruptPng e) {
      problems.add(
          ImageProblem.error(Code.IMAGE_CORRUPT, "the PNG is corrupt: " + e.getMessage())
              .withHint("export it again from the editor, or re-encode it (e.g. with `oxipng`)"));
    } catch (PngCheck.TooManyPixels e) {
      problems.add(tooManyPixels("the PNG", e.ihdr().width(), e.ihdr().height()));
    }
  }

  /** A PNG over {@link ImageLimits#MAX_PIXELS}, refused from its header. */
  static ImageProblem tooManyPixels(String what, long width, long height) {
    return ImageProblem.error(
            Code.IMAGE_OVER_LIMITS,
            what
                + " is "
                + width
                + " x "
                + height
                + " px ("
                + ImageLimits.count(width * height)
                + " pixels), over the limit of "
                + ImageLimits.count(ImageLimits.MAX_PIXELS)
                + " pixels (4096 x 4096)")
        .withHint("scale it down: 512 x 512 px is plenty for a badge");
  }

  // ---------------------------------------------------------------------------------------- SVG

  private void inspectSvg(byte[] svg, List<ImageProblem> problems) {
    problems.addAll(checked(svg).problems());
  }

  /**
   * What {@link SvgCheck} finds in an SVG and the SVG it publishes: kept from an earlier check of
   * the same bytes by the same code, else checked now (and kept).
   */
  SvgChecks.Checked checked(byte[] svg) {
    Optional<SvgChecks.Checked> earlier = kept.get(svg);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    SvgCheck.Result result = SvgCheck.check(svg);
    SvgChecks.Checked checked =
        new SvgChecks.Checked(
            result.problems(),
            result.publishable()
                ? Optional.of(SvgWriter.write(result.tree().root))
                : Optional.empty());
    try {
      kept.put(svg, checked);
    } catch (IOException e) {
      keepFailed.accept(e.getMessage());
    }
    return checked;
  }

  /**
   * The SVG as it is published: written again from what {@link #inspect} accepts, so it holds the
   * allowed SVG elements and attributes and nothing else (no comment, DOCTYPE or editor data). The
   * same input always gives the same bytes.
   *
   * @throws ImageRenderException when the SVG has an error {@link #inspect} reports
   */
  public byte[] publishedSvg(byte[] svg) {
    SvgChecks.Checked result = checked(Objects.requireNonNull(svg, "svg"));
    if (result.published().isEmpty()) {
      ImageProblem first =
          result.problems().stream()
              .filter(p -> p.severity() == Severity.ERROR)
              .findFirst()
              .orElseThrow();
      throw new ImageRenderException(
          "the SVG cannot be published"
              + (first.line() > 0 ? " (line " + first.line() + ")" : "")
              + ": "
              + first.message());
    }
    return result.published().get().clone();
  }

  static ImageProblem notSquare(String size) {
    return new ImageProblem(
        Severity.WARNING,
        Code.IMAGE_NOT_SQUARE,
        "the image is " + size + ", not square; badges are shown in a square",
        Optional.of("make the canvas square, with the design centred in it"));
  }
}
