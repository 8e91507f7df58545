package dev.badgesmith.ld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.ld.Verification.Step;
import dev.badgesmith.sign.Multibase;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Data Integrity proofs with the cryptosuite {@code eddsa-rdfc-2022} (W3C vc-di-eddsa): RDFC-1.0
 * canonical forms of the proof options and of the document, hashed with SHA-256, signed with
 * Ed25519. Keys stay outside: signing and verifying come in as functions.
 */
public final class DataIntegrity {
  public static final String TYPE = "DataIntegrityProof";
  public static final String CRYPTOSUITE = "eddsa-rdfc-2022";
  public static final String PURPOSE = "assertionMethod";

  /** Checks an Ed25519 signature with a raw 32-byte public key. */
  @FunctionalInterface
  public interface Ed25519Verifier {
    boolean verify(byte[] publicKey, byte[] data, byte[] signature);
  }

  private final Canonicalizer canonicalizer;
  private final ProofConfigs proofConfigs;

  public DataIntegrity(Canonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
    this.proofConfigs = new ProofConfigs(canonicalizer);
  }

  /**
   * Makes ready what canonicalising documents whose {@code @context} is {@code contexts} needs,
   * before the first proof: see {@link Canonicalizer#prepare}.
   */
  public void prepare(List<String> contexts) {
    canonicalizer.prepare(contexts);
  }

  /** The JSON-LD contexts proofs are canonicalised with. */
  public ContextStore contexts() {
    return canonicalizer.contexts();
  }

  /**
   * A copy of {@code credential} with a {@code proof} array holding one eddsa-rdfc-2022 proof.
   *
   * @param verificationMethod the URL of the public key (a DID URL or an HTTPS URL)
   * @param created an XML Schema dateTime with a zone, such as {@code 2025-01-15T12:00:00Z}
   * @param ed25519Sign signs the 64-byte hash data with the private key; returns 64 bytes
   * @throws CanonicalizationException if a context would drop anything of the credential (a term no
   *     context defines, a relative IRI), naming the credential and the terms
   */
  public ObjectNode addProof(
      ObjectNode credential,
      String verificationMethod,
      String created,
      Function<byte[], byte[]> ed25519Sign) {
    if (credential.has("proof")) {
      throw new IllegalArgumentException(
          "the credential already has a proof; add a proof to the unsigned credential");
    }
    if (!credential.has("@context")) {
      throw new IllegalArgumentException("the credential has no @context");
    }
    try {
      OffsetDateTime.parse(created);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "created must be a date-time with a zone, such as 2025-01-15T12:00:00Z: " + created, e);
    }
    ObjectNode proof = credential.objectNode();
    proof.put("type", TYPE);
    proof.put("cryptosuite", CRYPTOSUITE);
    proof.put("created", created);
    proof.put("verificationMethod", verificationMethod);
    proof.put("proofPurpose", PURPOSE);

    byte[] data;
    try {
      data = hashData(credential, proofConfig(credential, proof));
    } catch (CanonicalizationException e) {
      // Never signed: a signature would not cover what the contexts drop. Name the document.
      throw new CanonicalizationException(
          "cannot sign "
              + credential.path("id").asText("a document without an id")
              + ": "
              + e.getMessage(),
          e.undefinedTerms());
    }
    byte[] signature = ed25519Sign.apply(data);
    if (signature == null || signature.length != 64) {
      throw new IllegalStateException(
          "an Ed25519 signature has 64 bytes, the signer returned "
              + (signature == null ? "null" : signature.length));
    }
    proof.put("proofValue", Multibase.encodeBase58Btc(signature));

    ObjectNode secured = credential.deepCopy();
    secured.putArray("proof").add(proof);
    return secured;
  }

  /**
   * Checks the eddsa-rdfc-2022 proof of a secured credential, step by step; never throws for a bad
   * document.
   *
   * @param resolveEd25519PublicKey the raw 32-byte Ed25519 key of a verification method, if known
   */
  public Verification verifyProof(
      ObjectNode securedCredential,
      Function<String, Optional<byte[]>> resolveEd25519PublicKey,
      Ed25519Verifier ed25519Verify) {
    JsonNode proofs = securedCredential.get("proof");
    if (proofs == null || proofs.isNull() || (proofs.isArray() && proofs.isEmpty())) {
      return Verification.failed(Step.NO_PROOF, "the credential has no proof");
    }
    JsonNode proof = proofs.isArray() ? pick((ArrayNode) proofs) : proofs;
    if (!proof.isObject()) {
      return Verification.failed(Step.MALFORMED_PROOF, "the proof is not an object");
    }
    String type = proof.path("type").asText("");
    if (!TYPE.equals(type)) {
      return Verification.failed(
          Step.WRONG_TYPE, "the proof type is '" + type + "', expected '" + TYPE + "'");
    }
    String suite = proof.path("cryptosuite").asText("");
    if (!CRYPTOSUITE.equals(suite)) {
      return Verification.failed(
          Step.WRONG_CRYPTOSUITE,
          "the proof cryptosuite is '" + suite + "', expected '" + CRYPTOSUITE + "'");
    }
    String purpose = proof.path("proofPurpose").asText("");
    if (!PURPOSE.equals(purpose)) {
      return Verification.failed(
          Step.WRONG_PURPOSE, "the proof purpose is '" + purpose + "', expected '" + PURPOSE + "'");
    }
    String method = proof.path("verificationMethod").asText("");
    String value = proof.path("proofValue").asText("");
    if (method.isEmpty() || !value.startsWith("z")) {
      return Verification.failed(
          Step.MALFORMED_PROOF,
          "the proof needs a verificationMethod and a proofValue starting with 'z' (base58btc)");
    }
    byte[] signature;
    try {
      signature = Multibase.decodeBase58Btc(value);
    } catch (IllegalArgumentException e) {
      return Verification.failed(Step.MALFORMED_PROOF, "the proofValue " + e.getMessage());
    }
    if (signature.length != 64) {
      return Verification.failed(
          Step.MALFORMED_PROOF,
          "the proofValue holds " + signature.length + " bytes; an Ed25519 signature has 64");
    }
    Optional<byte[]> key = resolveEd25519PublicKey.apply(method);
    if (key.isEmpty() || key.get().length != 32) {
      return Verification.failed(
          Step.UNKNOWN_KEY,
          "the verification method "
              + method
              + (key.isEmpty()
                  ? " does not resolve to a known key"
                  : " is not a 32-byte Ed25519 public key"));
    }
    ObjectNode document = securedCredential.deepCopy();
    document.remove("proof");
    ObjectNode options = ((ObjectNode) proof).deepCopy();
    options.remove("proofValue");
    options.remove("@context");
    byte[] data;
    try {
      data = hashData(document, proofConfig(document, options));
    } catch (CanonicalizationException | ContextException e) {
      return Verification.failed(Step.NOT_CANONICALIZABLE, e.getMessage());
    }
    if (!ed25519Verify.verify(key.get(), data, signature)) {
      return Verification.failed(
          Step.BAD_SIGNATURE, "the signature does not match the credential and the key " + method);
    }
    return new Verification(Step.VERIFIED, "verified with " + method);
  }

  /**
   * The 64 bytes an eddsa-rdfc-2022 signature covers: SHA-256 of the canonical proof configuration,
   * then SHA-256 of the canonical document (without its proof).
   */
  public byte[] hashData(ObjectNode unsecuredDocument, ObjectNode proofConfig) {
    byte[] proofHash = sha256(proofConfigs.canonicalize(proofConfig));
    byte[] documentHash = sha256(canonicalizer.canonicalize(unsecuredDocument));
    byte[] data = new byte[64];
    System.arraycopy(proofHash, 0, data, 0, 32);
    System.arraycopy(documentHash, 0, data, 32, 32);
    return data;
  }

  /** The proof options with the document's {@code @context}, as the proof hash covers them. */
  public static ObjectNode proofConfig(ObjectNode document, ObjectNode proofOptions) {
    ObjectNode config = document.objectNode();
    config.set("@context", document.get("@context").deepCopy());
    config.setAll(proofOptions.deepCopy());
    return config;
  }

  /** The first proof of this cryptosuite, else the first proof (which then fails a check). */
  private static JsonNode pick(ArrayNode proofs) {
    for (JsonNode proof : proofs) {
      if (CRYPTOSUITE.equals(proof.path("cryptosuite").asText())) {
        return proof;
      }
    }
    return proofs.get(0);
  }

  private static byte[] sha256(String text) {
    return Sha256.of(text);
  }
}
