package dev.badgesmith.incremental;

import java.nio.file.Path;
import java.util.Map;

/**
 * Every path under a cache folder, decided here and nowhere else. Cached work lives in this
 * machine's folder, {@code owned/<name>} ({@link CacheOwner}): {@code awards/<site-digest>.cache}
 * (the award cache), {@code builds/<folder-digest>.files} and {@code .state} (the file index and
 * render state of an output folder), {@code signatures/<2>/<key>} (signed results) and {@code
 * images/<key>.png} (rendered PNGs), {@code svg-checks/<key>} (what checking an SVG found) and
 * {@code code/<jar-identity>} (the code's fingerprint, {@link Fingerprint#keepCodeIn}).
 */
public final class CacheLayout {
  private final Path owned;

  private CacheLayout(Path owned) {
    this.owned = owned;
    Fingerprint.keepCodeIn(owned.resolve("code"));
  }

  /**
   * The layout of {@code cacheFolder} for this machine: its own folder is named by a key only it
   * holds.
   */
  public static CacheLayout of(Path cacheFolder, Map<String, String> environment, Path userHome) {
    return new CacheLayout(
        cacheFolder.resolve("owned").resolve(CacheOwner.name(environment, userHome)));
  }

  /** The award cache of the site whose sources are in {@code siteRoot}. */
  public Path awards(Path siteRoot) {
    return owned.resolve("awards").resolve(digest(siteRoot.toString()) + ".cache");
  }

  /** The index of the manifest last published into {@code outDir}. */
  public Path fileIndex(Path outDir) {
    return builds(outDir, ".files");
  }

  /** What the last build into {@code outDir} rendered. */
  public Path renderState(Path outDir) {
    return builds(outDir, ".state");
  }

  /** A signed credential or assertion, by the key of what was signed ({@link SignatureCache}). */
  public Path signature(String key) {
    return owned.resolve("signatures").resolve(key.substring(0, 2)).resolve(key);
  }

  /** A PNG rendered from SVG, by the key of the SVG and size ({@link RenderedPngs#key}). */
  public Path image(String key) {
    return owned.resolve("images").resolve(key + ".png");
  }

  /** What checking an SVG found, by the key of the SVG ({@link CheckedSvgs#key}). */
  public Path svgCheck(String key) {
    return owned.resolve("svg-checks").resolve(key);
  }

  private Path builds(Path outDir, String suffix) {
    String folder = digest(outDir.toAbsolutePath().normalize().toString());
    return owned.resolve("builds").resolve(folder + suffix);
  }

  private static String digest(String path) {
    return new Fingerprint().add(path).hex();
  }
}
