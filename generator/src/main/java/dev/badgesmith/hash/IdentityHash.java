package dev.badgesmith.hash;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Open Badges IdentityHash: {@code sha256$} and the hex of SHA-256(identity + salt), both
 * UTF-8, the salt appended with no separator.
 *
 * <p>Salts are derived, never random, so the same site builds the same bytes. With a site secret
 * the salt is an HMAC of the award's id that nobody without the secret can recompute, which stops
 * anyone from confirming a guessed address against a published hash. Without one the salt follows
 * from the public award id: still no address in the output, but a guess can be checked.
 */
public final class IdentityHash {
  private static final HexFormat HEX = HexFormat.of();

  private IdentityHash() {}

  public static String hash(String identity, String salt) {
    MessageDigest sha256 = sha256();
    sha256.update(identity.getBytes(StandardCharsets.UTF_8));
    sha256.update(salt.getBytes(StandardCharsets.UTF_8));
    return "sha256$" + HEX.formatHex(sha256.digest());
  }

  /** A 32-hex-digit salt for one award, from the site secret when there is one. */
  public static String salt(Optional<String> secret, String badgeId, String awardId) {
    byte[] message = (badgeId + "/" + awardId).getBytes(StandardCharsets.UTF_8);
    byte[] digest;
    if (secret.isPresent()) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        digest = mac.doFinal(message);
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
      }
    } else {
      MessageDigest sha256 = sha256();
      sha256.update("badgesmith-salt:".getBytes(StandardCharsets.UTF_8));
      digest = sha256.digest(message);
    }
    return HEX.formatHex(digest, 0, 16);
  }

  private static MessageDigest sha256() {
    return Sha256.newDigest();
  }
}
