package dev.badgesmith.ld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips of the full Open Badges 3.0 example through addProof and verifyProof. */
class DataIntegrityTest {
  private static final String METHOD = "did:web:badges.example.org#key-1";
  private static final String CREATED = "2025-01-15T12:00:00Z";

  private static KeyPair keys;
  private static DataIntegrity integrity;
  private static Canonicalizer canonicalizer;

  @BeforeAll
  static void setUp() throws GeneralSecurityException {
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    canonicalizer = new Canonicalizer(LdFixtures.contexts());
    integrity = new DataIntegrity(canonicalizer);
  }

  /**
   * The full example of the spec, without its proof and without its extensions context: that is not
   * one we pin, and the example uses none of its terms.
   */
  static ObjectNode fullExample() {
    ObjectNode credential = LdFixtures.read(LdFixtures.spec().resolve("ob3/examples/full_ex.json"));
    credential.remove("proof");
    return credential;
  }

  @Test
  void theFullExampleUsesOnlyDefinedProperties() {
    assertThat(canonicalizer.canonicalize(fullExample())).isNotEmpty();
  }

  @Test
  void aProofItAddsVerifies() {
    ObjectNode signed = integrity.addProof(fullExample(), METHOD, CREATED, this::sign);

    assertThat(signed.get("proof").isArray()).isTrue();
    ObjectNode proof = (ObjectNode) signed.get("proof").get(0);
    assertThat(proof.fieldNames())
        .toIterable()
        .containsExactly(
            "type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "proofValue");
    assertThat(proof.get("proofValue").asText()).startsWith("z");
    assertThat(verify(signed).step()).isEqualTo(Verification.Step.VERIFIED);
    assertThat(verify(signed).verified()).isTrue();
  }

  @Test
  void leavesTheInputUntouched() {
    ObjectNode credential = fullExample();
    integrity.addProof(credential, METHOD, CREATED, this::sign);

    assertThat(credential).isEqualTo(fullExample());
  }

  @Test
  void aChangedFieldFailsAtTheSignature() {
    ObjectNode signed = integrity.addProof(fullExample(), METHOD, CREATED, this::sign);
    ((ObjectNode) signed.get("credentialSubject").get("achievement")).put("name", "Forged");

    Verification result = verify(signed);

    assertThat(result.step()).isEqualTo(Verification.Step.BAD_SIGNATURE);
    assertThat(result.message()).contains(METHOD);
  }

  @Test
  void aChangedProofDateFailsAtTheSignature() {
    ObjectNode signed = integrity.addProof(fullExample(), METHOD, CREATED, this::sign);
    proof(signed).put("created", "2025-01-16T12:00:00Z");

    assertThat(verify(signed).step()).isEqualTo(Verification.Step.BAD_SIGNATURE);
  }

  @Test
  void aWrongCryptosuiteFailsAtItsStep() {
    ObjectNode signed = integrity.addProof(fullExample(), METHOD, CREATED, this::sign);
    proof(signed).put("cryptosuite", "eddsa-2022");

    Verification result = verify(signed);

    assertThat(result.step()).isEqualTo(Verification.Step.WRONG_CRYPTOSUITE);
    assertThat(result.message()).contains("eddsa-2022", "eddsa-rdfc-2022");
  }

  @Test
  void aWrongTypeOrPurposeFailsAtItsStep() {
    ObjectNode signed = integrity.addProof(fullExample(), METHOD, CREATED, this::sign);
    proof(signed).put("proofPurpose", "authentication");
    assertThat(verify(signed).step()).isEqualTo(Verification.Step.WRONG_PURPOSE);

    proof(signed).put("type", "Ed25519Signature2020");
    assertThat(verify(signed).step()).isEqualTo(Verification.Step.WRONG_TYPE);
  }

  @Test
  void aCredentialWithoutProofFailsFirst() {
    assertThat(verify(fullExample()).step()).isEqualTo(Verification.Step.NO_PROOF);
  }

  @Test
  void anUnknownKeyFailsAtItsStep() {
    ObjectNode signed = integrity.addProof(fullExample(), METHOD, CREATED, this::sign);

    Verification result =
        integrity.verifyProof(signed, method -> Optional.empty(), LdFixtures::verify);

    assertThat(result.step()).isEqualTo(Verification.Step.UNKNOWN_KEY);
    assertThat(result.message()).contains(METHOD);
  }

  @Test
  void anotherKeyFailsAtTheSignature() throws GeneralSecurityException {
    ObjectNode signed = integrity.addProof(fullExample(), METHOD, CREATED, this::sign);
    byte[] other =
        LdFixtures.rawPublicKey(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());

    Verification result =
        integrity.verifyProof(signed, method -> Optional.of(other), LdFixtures::verify);

    assertThat(result.step()).isEqualTo(Verification.Step.BAD_SIGNATURE);
  }

  @Test
  void aProofValueThatIsNotBase58IsMalformed() {
    ObjectNode signed = integrity.addProof(fullExample(), METHOD, CREATED, this::sign);
    proof(signed).put("proofValue", "z0OIl");

    assertThat(verify(signed).step()).isEqualTo(Verification.Step.MALFORMED_PROOF);
  }

  @Test
  void refusesToSignACredentialWithAnUndefinedTerm() {
    ObjectNode credential = fullExample();
    credential.put("nmae", "typo");

    assertThatThrownBy(() -> integrity.addProof(credential, METHOD, CREATED, this::sign))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageStartingWith("cannot sign " + credential.get("id").asText() + ": ")
        .hasMessageContaining("'nmae'");
  }

  @Test
  void refusesToSignATypeNoContextDefines() {
    ObjectNode credential = fullExample();
    ((ObjectNode) credential.get("credentialSchema").get(0)).put("type", "MadeUpValidator2024");

    assertThatThrownBy(() -> integrity.addProof(credential, METHOD, CREATED, this::sign))
        .isInstanceOf(CanonicalizationException.class)
        .hasMessageContaining("cannot sign " + credential.get("id").asText())
        .hasMessageContaining("undefined JSON-LD term 'MadeUpValidator2024'");
  }

  @Test
  void refusesACreatedDateWithoutAZone() {
    Function<byte[], byte[]> signer = this::sign;
    ObjectNode credential = fullExample(); // outside the lambda: it skips without the spec files
    assertThatThrownBy(() -> integrity.addProof(credential, METHOD, "2025-01-15T12:00:00", signer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("created");
  }

  private Verification verify(ObjectNode signed) {
    byte[] publicKey = LdFixtures.rawPublicKey(keys.getPublic());
    return integrity.verifyProof(
        signed,
        method -> method.equals(METHOD) ? Optional.of(publicKey) : Optional.empty(),
        LdFixtures::verify);
  }

  private static ObjectNode proof(ObjectNode signed) {
    return (ObjectNode) signed.get("proof").get(0);
  }

  private byte[] sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
