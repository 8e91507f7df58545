package dev.badgesmith.incremental;

import dev.badgesmith.hash.Sha256;
import dev.badgesmith.write.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The name of the folder a machine keeps its cached work in, inside a cache folder ({@link
 * CacheLayout}): a digest of a key that only this machine (or CI job) holds. Cached work is trusted
 * (rendered PNGs, signed credentials, validated awards), and a cache folder may sit where others
 * can write, such as a site's {@code .badgesmith/} that a pull request could commit files into:
 * work planted there lies in a folder no build of ours reads, since nobody without the key can name
 * it.
 *
 * <p>The key is {@value #KEY_VARIABLE} when set (a CI secret, to reuse a cache that CI keeps
 * between runs), else a random one kept in the user's cache folder ({@code
 * $XDG_CACHE_HOME/badgesmith/cache-key}, else {@code ~/.cache/badgesmith/cache-key}), made on first
 * use.
 */
final class CacheOwner {
  public static final String KEY_VARIABLE = "BADGESMITH_CACHE_KEY";

  private CacheOwner() {}

  /** The name of this machine's folder. */
  static String name(Map<String, String> environment, Path userHome) {
    String key = environment.getOrDefault(KEY_VARIABLE, "");
    if (key.isBlank()) {
      key = machineKey(keyFile(environment, userHome));
    }
    return digest(key).substring(0, 32);
  }

  private static Path keyFile(Map<String, String> environment, Path userHome) {
    String xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
    Path home =
        !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : userHome.resolve(".cache");
    return home.resolve("badgesmith").resolve("cache-key");
  }

  /**
   * The key kept in {@code file}, made when there is none. When it can be neither read nor kept, a
   * key for this run alone: the build then reuses no cached work, and still works.
   */
  private static String machineKey(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (kept.length() >= 32) {
          return kept;
        }
      }
      String made = random();
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, (made + "\n").getBytes(StandardCharsets.US_ASCII));
      return made;
    } catch (IOException | RuntimeException e) {
      return random();
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String digest(String key) {
    return Sha256.hex("badgesmith cache\0" + key);
  }
}
