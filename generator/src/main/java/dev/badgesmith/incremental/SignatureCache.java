package dev.badgesmith.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.sign.Signatures;
import dev.badgesmith.write.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Signed results kept between builds, keyed by the SHA-256 of what was signed and how, so a rebuild
 * signs only what changed. Only deterministic signatures are handed here (RS256, Ed25519): a kept
 * result is then exactly what signing again would give.
 */
public final class SignatureCache implements Signatures {
  private static final ObjectWriter COMPACT = Jackson.json().writer();

  private final Optional<Function<String, Path>> entries;
  private final AtomicReference<String> writeFailure = new AtomicReference<>();

  /**
   * @param entries where the result with each key is kept ({@link CacheLayout#signature}); none
   *     signs every time
   */
  public SignatureCache(Optional<Function<String, Path>> entries) {
    this.entries = entries;
  }

  @Override
  public byte[] sign(Supplier<byte[]> signing, JsonNode document, String... parameters) {
    if (entries.isEmpty()) {
      return signing.get();
    }
    Path file = entries.get().apply(digest(document, parameters));
    try {
      if (Files.isRegularFile(file)) {
        return Files.readAllBytes(file);
      }
      byte[] result = signing.get();
      try {
        AtomicFile.write(file, result);
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
  public Optional<String> writeFailure() {
    return Optional.ofNullable(writeFailure.get());
  }

  /** The parameters, length-prefixed so no two lists hash the same, then the document streamed. */
  private static String digest(JsonNode document, String... parameters) {
    MessageDigest sha256 = Sha256.newDigest();
    sha256.update((parameters.length + "\n").getBytes(StandardCharsets.US_ASCII));
    for (String part : parameters) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      sha256.update((byte) ':');
      sha256.update(bytes);
    }
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
      COMPACT.writeValue(out, document);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
