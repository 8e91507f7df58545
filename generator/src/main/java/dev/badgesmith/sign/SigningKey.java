package dev.badgesmith.sign;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A private key with its public half, checked on construction to be of the declared algorithm and
 * to be one pair. {@link #toString()} names the key and never prints private material.
 */
public record SigningKey(
    String id, KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
  private static final byte[] PROBE =
      "badgesmith: does this private key match its public key?".getBytes(StandardCharsets.US_ASCII);

  public SigningKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    algorithm.check(privateKey, "the private key of '" + id + "'");
    algorithm.check(publicKey, "the public key of '" + id + "'");
    if (!Keys.pair(algorithm, privateKey, publicKey, PROBE)) {
      throw new KeyException(
          "the private key given for '"
              + id
              + "' does not belong to its public key (thumbprint "
              + new PublicKeyInfo(id, algorithm, publicKey).thumbprint()
              + "): was the key pair regenerated, or is it another key's secret?");
    }
  }

  /** Pairs a published public key with the private key read from the environment or a file. */
  public static SigningKey of(PublicKeyInfo publicKey, PrivateKey privateKey) {
    return new SigningKey(publicKey.id(), publicKey.algorithm(), privateKey, publicKey.key());
  }

  /** The public half, to publish. */
  public PublicKeyInfo publicKeyInfo() {
    return new PublicKeyInfo(id, algorithm, publicKey);
  }

  @Override
  public String toString() {
    return "SigningKey[id=" + id + ", algorithm=" + algorithm + ", private key hidden]";
  }
}
