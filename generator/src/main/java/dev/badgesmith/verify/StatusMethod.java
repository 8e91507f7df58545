package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one kind of Open Badges 3.0 {@code credentialStatus} entry (such as {@code
 * BitstringStatusListEntry} or {@code 1EdTechRevocationList}). Plugged in through {@link
 * Verifier.Builder#statusMethod}; a credential whose status entry no method reads fails.
 */
public interface StatusMethod {
  /** The {@code credentialStatus.type} this method reads. */
  String type();

  /**
   * Checks one entry, returning a {@link Check.Step#STATUS} check: passed when the credential is
   * not revoked or suspended, failed with the reason when it is, or when the list cannot be read or
   * does not verify.
   */
  Check check(ObjectNode entry, ObjectNode credential, StatusContext context);

  /** What a status method may use: the verifier's resolver, and its checks for a signed list. */
  interface StatusContext {
    Resolver resolver();

    /** Verifies a status list credential (its proof, issuer, key and expiry) like any other. */
    VerificationReport verifyCredential(byte[] json, String url);
  }
}
