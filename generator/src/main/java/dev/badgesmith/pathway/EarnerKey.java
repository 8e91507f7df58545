package dev.badgesmith.pathway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who an award was given to, as far as matching awards to one earner needs: two awards with equal
 * keys have the same earner. A key is one of three kinds, told apart by its prefix:
 *
 * <ul>
 *   <li>{@code email:ada@example.org}, {@code url:...}, {@code telephone:...}, {@code id:...}: a
 *       plain identity, {@linkplain Identities normalised}. Used in memory on a machine without the
 *       site secret; never written anywhere.
 *   <li>{@code hmac-sha256:<64 hex>}: a keyed earner key, HMAC-SHA-256 of {@code type:identity}
 *       (normalised) under a key derived from the site secret ({@code BADGESMITH_SALT_SECRET}).
 *       Unsalted, so every award to one earner has the same key; keyed, so nobody without the
 *       secret can test a guessed address against it. It is what {@code award --hash} can store
 *       beside the salted hash, and what plain identities become when the secret is at hand, so
 *       both kinds of award match each other.
 *   <li>{@code award:<badge>/<id>}: an award whose earner cannot be known (hashed with a random
 *       salt and stored without a keyed key): an earner of its own.
 * </ul>
 */
public record EarnerKey(String value) implements Comparable<EarnerKey> {
  private static final Pattern KEYED = Pattern.compile("hmac-sha256:[0-9a-f]{64}");
  private static final String KEYED_PREFIX = "hmac-sha256:";

  /** Separates this use of the site secret from its others (award salts). */
  private static final byte[] DERIVATION =
      "badgesmith earner key v1".getBytes(StandardCharsets.UTF_8);

  public EarnerKey {
    Objects.requireNonNull(value, "value");
  }

  /** The plain key of an identity, or empty when the identity is not one of its type. */
  public static Optional<EarnerKey> plain(String type, String identity) {
    String t = Identities.canonicalType(type);
    return Identities.normalise(t, identity).map(n -> new EarnerKey(t + ":" + n));
  }

  /**
   * The keyed key of an identity under the site secret, or empty when the identity is not one of
   * its type. The same secret, type and identity (in any spelling that normalises alike) always
   * give the same key.
   */
  public static Optional<EarnerKey> keyed(String siteSecret, String type, String identity) {
    if (siteSecret.isEmpty()) {
      throw new IllegalArgumentException("the site secret is empty");
    }
    byte[] key = hmac(siteSecret.getBytes(StandardCharsets.UTF_8), DERIVATION);
    return plain(type, identity)
        .map(
            p ->
                new EarnerKey(
                    KEYED_PREFIX
                        + HexFormat.of()
                            .formatHex(hmac(key, p.value().getBytes(StandardCharsets.UTF_8)))));
  }

  /**
   * The key of a plain identity as this machine can make it: keyed when the site secret is set,
   * else plain. Empty when the identity is not one of its type.
   */
  public static Optional<EarnerKey> of(Optional<String> siteSecret, String type, String identity) {
    return siteSecret.filter(s -> !s.isEmpty()).isPresent()
        ? keyed(siteSecret.get(), type, identity)
        : plain(type, identity);
  }

  /** A keyed key as stored in an award file, or empty when the text is not one. */
  public static Optional<EarnerKey> stored(String text) {
    return KEYED.matcher(text).matches() ? Optional.of(new EarnerKey(text)) : Optional.empty();
  }

  /** The key of an award whose earner cannot be matched: it matches only itself. */
  public static EarnerKey ofAward(String badgeId, String awardId) {
    return new EarnerKey("award:" + badgeId + "/" + awardId);
  }

  /** Whether this key names no one but one award's earner. */
  public boolean isAwardOnly() {
    return value.startsWith("award:");
  }

  /** Whether this key is derived from the site secret (and so can be stored and shown). */
  public boolean isKeyed() {
    return value.startsWith(KEYED_PREFIX);
  }

  @Override
  public int compareTo(EarnerKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
