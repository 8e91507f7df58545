package dev.badgesmith.render;

import dev.badgesmith.hash.Sha256;
import dev.badgesmith.write.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Signed results kept between builds, keyed by the SHA-256 of what was signed and the key that
 * signed it, so a rebuild signs only what changed. Only deterministic signatures are kept (RS256,
 * Ed25519): a cached result is then exactly what signing again would give.
 */
final class SignatureCache {
  private final Optional<Path> folder;
  private final AtomicReference<String> writeFailure = new AtomicReference<>();

  SignatureCache(Optional<Path> folder) {
    this.folder = folder;
  }

  /**
   * The cached result for these inputs, or {@code sign}'s, which is then kept.
   *
   * @param parts what the signature depends on: the kind of proof, the key, the payload
   */
  String get(Supplier<String> sign, String... parts) {
    if (folder.isEmpty()) {
      return sign.get();
    }
    String key = digest(parts);
    Path file = folder.get().resolve(key.substring(0, 2)).resolve(key);
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      String result = sign.get();
      try {
        AtomicFile.write(file, result.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // Kept only to spare the next build the signing: a warning, not an error.
        writeFailure.compareAndSet(null, file + ": " + e);
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why a signature could not be kept, if one could not. */
  Optional<String> writeFailure() {
    return Optional.ofNullable(writeFailure.get());
  }

  private static String digest(String... parts) {
    MessageDigest sha256 = Sha256.newDigest();
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      // Length-prefixed, so no two different lists of parts hash the same.
      sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      sha256.update((byte) ':');
      sha256.update(bytes);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
