package dev.badgesmith.sign;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * How a renderer signs: by signing, or with the result of the same signing kept from before, which
 * is allowed only where signing again gives the same bytes (RS256, Ed25519).
 */
@FunctionalInterface
public interface Signatures {
  /** Signs every time. */
  Signatures DIRECT = (signing, document, parameters) -> signing.get();

  /**
   * The signed result for this document and these parameters.
   *
   * @param signing signs; its result is what is published
   * @param document what is signed, as a tree
   * @param parameters everything else the result depends on: the kind of signature, the key's
   *     thumbprint, the verification method, the time of signing
   */
  byte[] sign(Supplier<byte[]> signing, JsonNode document, String... parameters);
}
