package dev.badgesmith.images;

import dev.badgesmith.bake.PngSignature;
import dev.badgesmith.diag.Code;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders SVG designs to PNG (for baking, previews and social cards), through a {@link PngStore}
 * that may keep them between builds: keyed by the SVG bytes, the output size and {@link
 * #RENDERER_VERSION}, so a site of 10,000 awards renders each badge design once, and a second build
 * renders nothing. A hit never loads Batik.
 *
 * <p>Thread-safe: each render uses its own Batik transcoder. Two threads missing on the same SVG at
 * once both render it and write the same bytes.
 *
 * <p>Rendering fetches nothing and runs nothing: see {@link BatikRenderer}. Text is drawn with the
 * system's fonts through AWT, so the cache is only valid for one machine's fonts; CI images should
 * install the same fonts every time (on Debian, {@code fonts-dejavu-core}). Java's AWT must run
 * headless on a server: it does so by itself on Linux without {@code DISPLAY}; elsewhere start the
 * JVM with {@code -Djava.awt.headless=true}.
 */
public final class SvgRasterizer {
  /** The largest width or height this renders, to bound memory: 4096 px is 64 MB of ARGB. */
  public static final int MAX_SIZE = 4096;

  /**
   * Part of every key a store keeps a PNG under: change it whenever Batik's version or how this
   * class renders changes, so that old PNGs are never served for new output.
   */
  public static final String RENDERER_VERSION = "batik-1.19/png-1";

  /** How Batik says an attribute holds CSS it cannot read, once its spaces are collapsed. */
  private static final Pattern CSS_ERROR =
      Pattern.compile(
          "The attribute \"([\\w:-]+)\" represents an invalid CSS (?:value|declaration) \\(\"(.*?)\"\\)\\. Original");

  private final PngStore store;
  private final AtomicReference<String> storeFailure = new AtomicReference<>();
  private final ImageInspector inspector;

  /** PNGs {@link #check} rendered, by SVG and size, for the build that follows it to take. */
  private final Map<Held, byte[]> held = new ConcurrentHashMap<>();

  /** An SVG at a size; its bytes compared by content. */
  private record Held(ByteBuffer svg, int width, int height) {
    Held(byte[] svg, int width, int height) {
      this(ByteBuffer.wrap(svg), width, height);
    }
  }

  /**
   * @param store where rendered PNGs are kept between builds ({@link PngStore#NONE} renders every
   *     time)
   */
  public SvgRasterizer(PngStore store) {
    this(store, SvgChecks.NONE);
  }

  /**
   * @param checks where what checking each SVG found is kept between builds, for {@link #inspector}
   *     and {@link #check}
   */
  public SvgRasterizer(PngStore store, SvgChecks checks) {
    this.store = Objects.requireNonNull(store, "store");
    this.inspector =
        new ImageInspector(checks, failure -> storeFailure.compareAndSet(null, failure));
  }

  /**
   * The image checks of this run, which take an SVG's check from the store this was given: the
   * validator's checks and {@link #check} then read and check each design once.
   */
  public ImageInspector inspector() {
    return inspector;
  }

  /**
   * A square PNG of {@code size} px: the design keeps its aspect ratio, centred, on transparent.
   */
  public byte[] toPng(byte[] svg, int size) throws IOException {
    return toPng(svg, size, size);
  }

  /**
   * A PNG of exactly {@code width} × {@code height} px, with the SVG scaled to fit, its aspect
   * ratio kept, centred on a transparent background.
   *
   * @throws ImageRenderException if the SVG is not well-formed, not SVG, or cannot be rendered
   * @throws IOException if a kept PNG cannot be read
   */
  public byte[] toPng(byte[] svg, int width, int height) throws IOException {
    Objects.requireNonNull(svg, "svg");
    checkSize("width", width);
    checkSize("height", height);
    byte[] checked = held.get(new Held(svg, width, height));
    if (checked != null) {
      return checked;
    }
    // A kept entry that is not a PNG is rendered again: a store only ever spares work.
    Optional<byte[]> kept =
        store
            .get(svg, width, height)
            .filter(b -> b.length > PngSignature.LENGTH && PngSignature.startsWith(b));
    if (kept.isPresent()) {
      return kept.get();
    }
    byte[] png = render(svg, width, height);
    try {
      store.put(svg, width, height, png);
    } catch (IOException e) {
      // The next build renders it again: a warning, not an error.
      storeFailure.compareAndSet(null, e.getMessage());
    }
    return png;
  }

  /**
   * Renders an SVG design as the build does, as published and at {@code size} px, and says why the
   * renderer refuses it: a value Batik cannot read (a colour it does not know, a shape without a
   * required attribute, a malformed path) fails here, in {@code check}, as it would in {@code
   * build}. Nothing to say of a design {@link ImageInspector#inspect} refuses: it is not rendered.
   * The PNG is kept for {@link #toPng} of the same design and size, so a build renders it once.
   *
   * @return the problem, at the element the renderer names when it names one; else empty
   * @throws IOException if a kept PNG cannot be read
   */
  public Optional<ImageProblem> check(byte[] design, int size) throws IOException {
    Optional<byte[]> publishable =
        inspector.checked(Objects.requireNonNull(design, "design")).published();
    if (publishable.isEmpty()) {
      return Optional.empty();
    }
    byte[] published = publishable.get();
    try {
      held.put(new Held(published, size, size), toPng(published, size, size));
      return Optional.empty();
    } catch (ImageRenderException e) {
      ImageProblem problem =
          ImageProblem.error(Code.IMAGE_CORRUPT, "the SVG cannot be rendered: " + e.getMessage())
              .withHint(
                  "the renderer reads SVG 1.1: colours as names, #rrggbb or rgb(), shapes with"
                      + " the attributes they need, path data as the specification writes it");
      // Only a refused design needs its elements: it is read again to place the problem.
      List<SvgTree.Element> elements = new ArrayList<>();
      published(SvgCheck.check(design).tree().root, elements);
      if (e.element() >= 0 && e.element() < elements.size()) {
        return Optional.of(elements.get(e.element()).at(problem));
      }
      return Optional.of(
          withAttribute(elements, e.getMessage()).map(at -> at.at(problem)).orElse(problem));
    }
  }

  /**
   * The element a CSS error is about: Batik names the attribute and its value, not the element, so
   * it is the first element that has that attribute with that value; or the style sheet it quotes.
   */
  private static Optional<SvgTree.Element> withAttribute(
      List<SvgTree.Element> elements, String message) {
    Matcher m = CSS_ERROR.matcher(message);
    if (!m.find()) {
      // A style sheet Batik cannot read: it quotes the sheet.
      return elements.stream()
          .filter(e -> e.local.equals("style"))
          .filter(e -> message.contains(e.text().strip().replaceAll("\\s+", " ")))
          .findFirst();
    }
    return elements.stream()
        .filter(
            e ->
                e.published.stream()
                    .anyMatch(
                        a ->
                            a.local().equals(m.group(1))
                                && a.value().replaceAll("\\s+", " ").equals(m.group(2))))
        .findFirst();
  }

  /** The published elements of a tree in document order: the elements SvgWriter writes. */
  private static void published(SvgTree.Element e, List<SvgTree.Element> into) {
    into.add(e);
    for (Object child : e.children) {
      if (child instanceof SvgTree.Element c && c.published != null) {
        published(c, into);
      }
    }
  }

  private byte[] render(byte[] svg, int width, int height) {
    return BatikRenderer.render(svg, width, height);
  }

  /** Why a rendered PNG could not be kept in the cache, if one could not. */
  public Optional<String> cacheFailure() {
    return Optional.ofNullable(storeFailure.get());
  }

  private static void checkSize(String name, int value) {
    if (value < 1 || value > MAX_SIZE) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + MAX_SIZE + " px, not " + value);
    }
  }
}
