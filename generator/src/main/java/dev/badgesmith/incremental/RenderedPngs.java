package dev.badgesmith.incremental;

import dev.badgesmith.hash.Sha256;
import dev.badgesmith.images.PngStore;
import dev.badgesmith.images.SvgRasterizer;
import dev.badgesmith.write.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * PNGs rendered from SVG, kept on disk between builds ({@link CacheLayout#image}), one file per SVG
 * and size, by {@link #key}. Entries are written to a temporary file and moved into place, so a
 * reader sees a whole entry or none, and two builds may share a folder. Nothing ever deletes
 * entries: delete the folder to reclaim space.
 */
public final class RenderedPngs implements PngStore {
  private final Function<String, Path> entries;

  /**
   * @param entries where the PNG with each key is kept (its folder created when first needed)
   */
  public RenderedPngs(Function<String, Path> entries) {
    this.entries = entries;
  }

  /** The store of a run: the cache's, or none. */
  public static PngStore in(Optional<CacheLayout> cache) {
    return cache.<PngStore>map(c -> new RenderedPngs(c::image)).orElse(PngStore.NONE);
  }

  @Override
  public Optional<byte[]> get(byte[] svg, int width, int height) {
    try {
      return Optional.of(Files.readAllBytes(entry(svg, width, height)));
    } catch (IOException e) {
      return Optional.empty(); // none, or unreadable: rendered again
    }
  }

  @Override
  public void put(byte[] svg, int width, int height, byte[] png) throws IOException {
    Path entry = entry(svg, width, height);
    try {
      AtomicFile.write(entry, png);
    } catch (IOException e) {
      throw new IOException(entry + ": " + e, e);
    }
  }

  private Path entry(byte[] svg, int width, int height) {
    return entries.apply(key(svg, width, height));
  }

  /** An entry's key: hex SHA-256 of the renderer's version, the size and the SVG bytes. */
  public static String key(byte[] svg, int width, int height) {
    MessageDigest sha256 = Sha256.newDigest();
    sha256.update(
        (SvgRasterizer.RENDERER_VERSION + '\n' + width + 'x' + height + '\n')
            .getBytes(StandardCharsets.UTF_8));
    sha256.update(svg);
    return HexFormat.of().formatHex(sha256.digest());
  }
}
