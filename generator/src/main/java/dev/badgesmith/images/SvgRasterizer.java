package dev.badgesmith.images;

import dev.badgesmith.bake.PngSignature;
import dev.badgesmith.diag.Code;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.write.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders SVG designs to PNG (for baking, previews and social cards), with a cache on disk that
 * survives between builds.
 *
 * <p>A cache entry is named by the SHA-256 of the SVG bytes, the output size and {@link
 * #RENDERER_VERSION}, so a site of 10,000 awards renders each badge design once, and a second build
 * renders nothing. A hit reads one file and never loads Batik. Entries are written to a temporary
 * file and moved into place, so a reader sees a whole entry or none, and two builds may share a
 * cache folder. Nothing ever deletes entries: delete the folder to reclaim space.
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
  /** The size of a badge PNG when none is given: 512 px is what backpacks and wallets show well. */
  public static final int DEFAULT_SIZE = 512;

  /** The largest width or height this renders, to bound memory: 4096 px is 64 MB of ARGB. */
  public static final int MAX_SIZE = 4096;

  /**
   * Part of every cache key: change it whenever Batik's version or how this class renders changes,
   * so that old cache entries are never served for new output.
   */
  static final String RENDERER_VERSION = "batik-1.19/png-1";

  /** How Batik says an attribute holds CSS it cannot read, once its spaces are collapsed. */
  private static final Pattern CSS_ERROR =
      Pattern.compile(
          "The attribute \"([\\w:-]+)\" represents an invalid CSS (?:value|declaration) \\(\"(.*?)\"\\)\\. Original");

  private final Optional<Path> cacheFolder;
  private final AtomicReference<String> storeFailure = new AtomicReference<>();
  private final AtomicLong renders = new AtomicLong();

  /** PNGs {@link #check} rendered, by cache key, for the build that follows it to take. */
  private final Map<String, byte[]> held = new ConcurrentHashMap<>();

  private final AtomicLong cacheHits = new AtomicLong();

  /**
   * @param cacheFolder where to keep rendered PNGs between builds (created when first needed), or
   *     empty to render every time
   */
  public SvgRasterizer(Optional<Path> cacheFolder) {
    this.cacheFolder = Objects.requireNonNull(cacheFolder, "cacheFolder");
  }

  /** A square PNG of {@link #DEFAULT_SIZE} px. */
  public byte[] toPng(byte[] svg) throws IOException {
    return toPng(svg, DEFAULT_SIZE, DEFAULT_SIZE);
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
   * @throws IOException if the cache folder cannot be read or written
   */
  public byte[] toPng(byte[] svg, int width, int height) throws IOException {
    Objects.requireNonNull(svg, "svg");
    checkSize("width", width);
    checkSize("height", height);
    byte[] checked = held.get(cacheKey(svg, width, height));
    if (checked != null) {
      return checked;
    }
    if (cacheFolder.isEmpty()) {
      return render(svg, width, height);
    }
    Path entry = cacheFolder.get().resolve(cacheKey(svg, width, height) + ".png");
    byte[] cached = readEntry(entry);
    if (cached != null) {
      cacheHits.incrementAndGet();
      return cached;
    }
    byte[] png = render(svg, width, height);
    try {
      store(entry, png);
    } catch (IOException e) {
      // The next build renders it again: a warning, not an error.
      storeFailure.compareAndSet(null, entry + ": " + e);
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
   * @throws IOException if the cache folder cannot be read or written
   */
  public Optional<ImageProblem> check(byte[] design, int size) throws IOException {
    SvgCheck.Result result = SvgCheck.check(Objects.requireNonNull(design, "design"));
    if (!result.publishable()) {
      return Optional.empty();
    }
    byte[] published = SvgWriter.write(result.tree().root);
    try {
      held.put(cacheKey(published, size, size), toPng(published, size, size));
      return Optional.empty();
    } catch (ImageRenderException e) {
      ImageProblem problem =
          ImageProblem.error(Code.IMAGE_CORRUPT, "the SVG cannot be rendered: " + e.getMessage())
              .withHint(
                  "the renderer reads SVG 1.1: colours as names, #rrggbb or rgb(), shapes with"
                      + " the attributes they need, path data as the specification writes it");
      List<SvgTree.Element> elements = new ArrayList<>();
      published(result.tree().root, elements);
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

  /** How many SVGs this rasterizer has rendered with Batik (cache misses and uncached calls). */
  public long renders() {
    return renders.get();
  }

  /** How many PNGs this rasterizer has served from the cache. */
  public long cacheHits() {
    return cacheHits.get();
  }

  /** The cache entry's name: hex SHA-256 of the renderer version, the size and the SVG bytes. */
  static String cacheKey(byte[] svg, int width, int height) {
    MessageDigest sha256 = Sha256.newDigest();
    sha256.update(
        (RENDERER_VERSION + '\n' + width + 'x' + height + '\n').getBytes(StandardCharsets.UTF_8));
    sha256.update(svg);
    return HexFormat.of().formatHex(sha256.digest());
  }

  private byte[] render(byte[] svg, int width, int height) {
    renders.incrementAndGet();
    return BatikRenderer.render(svg, width, height);
  }

  /** Why a rendered PNG could not be kept in the cache, if one could not. */
  public Optional<String> cacheFailure() {
    return Optional.ofNullable(storeFailure.get());
  }

  /**
   * The entry's bytes, or null when there is none, it cannot be read, or it is not a PNG (then it
   * is rendered again): a cache only ever spares work.
   */
  private static byte[] readEntry(Path entry) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(entry);
    } catch (IOException e) {
      return null;
    }
    boolean png = bytes.length > PngSignature.LENGTH && PngSignature.startsWith(bytes);
    return png ? bytes : null;
  }

  private static void store(Path entry, byte[] png) throws IOException {
    AtomicFile.write(entry, png);
  }

  private static void checkSize(String name, int value) {
    if (value < 1 || value > MAX_SIZE) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + MAX_SIZE + " px, not " + value);
    }
  }
}
