package dev.badgesmith.ld;

import java.util.Objects;

/**
 * The result of checking a Data Integrity proof: the step that failed, or {@link Step#VERIFIED}.
 */
public record Verification(Step step, String message) {
  /** The steps of verification, in the order they run. */
  public enum Step {
    /** The document has no {@code proof}. */
    NO_PROOF,
    /** The proof is not a {@code DataIntegrityProof}. */
    WRONG_TYPE,
    /** The proof's cryptosuite is not {@code eddsa-rdfc-2022}. */
    WRONG_CRYPTOSUITE,
    /** The proof's purpose is not {@code assertionMethod}. */
    WRONG_PURPOSE,
    /** The proof lacks a field, or its proofValue is not a base58btc Ed25519 signature. */
    MALFORMED_PROOF,
    /** The verification method does not resolve to an Ed25519 public key. */
    UNKNOWN_KEY,
    /** The document or the proof options cannot be canonicalised. */
    NOT_CANONICALIZABLE,
    /** The signature does not match the document: it was changed, or signed by another key. */
    BAD_SIGNATURE,
    /** Every step passed. */
    VERIFIED
  }

  public Verification {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(message, "message");
  }

  public boolean verified() {
    return step == Step.VERIFIED;
  }

  static Verification failed(Step step, String message) {
    return new Verification(step, message);
  }
}
