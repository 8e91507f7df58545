package dev.badgesmith.ld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.sign.Multibase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Open Badges 3.0 eddsa-rdfc-2022 test vector (1EdTech openbadges-specification, {@code
 * ob_v3p0/impl/test-vectors/obv3p0/} and the implementation guide's "Linked Data Proof Test Vector
 * for Open Badges 3.0"): our canonical forms, hashes and signature check must match it exactly.
 */
class TestVectorTest {
  private static final String METHOD =
      "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
  private static final byte[] PUBLIC_KEY =
      HexFormat.of().parseHex("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5");
  private static final String SIGNATURE =
      "f7a017acf7d27983267ec362657c0fb08e955549f49dac5bf36a03c4f2c3a4f1"
          + "e3738a6c5ecd7ffba7135cb9cd754e6196f4b73082ea8df8e703c8ecd4333503";
  private static final String PROOF_VALUE =
      "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr";

  private Path vectors;
  private Canonicalizer canonicalizer;
  private ObjectNode credential;

  @BeforeEach
  void setUp() {
    vectors = LdFixtures.spec().resolve("ob3/test-vectors");
    canonicalizer = new Canonicalizer(LdFixtures.contexts());
    credential = LdFixtures.resource("ob3-eddsa-rdfc-2022-credential.json");
  }

  @Test
  void canonicalisesTheCredentialExactlyAsTheSpec() throws Exception {
    String canon = canonicalizer.canonicalize(credential);

    assertThat(canon).isEqualTo(Files.readString(vectors.resolve("document-canon.txt")));
    assertThat(sha256(canon))
        .isEqualTo("87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773");
  }

  @Test
  void canonicalisesTheProofConfigurationExactlyAsTheSpec() throws Exception {
    String canon = canonicalizer.canonicalize(DataIntegrity.proofConfig(credential, options()));

    assertThat(canon).isEqualTo(Files.readString(vectors.resolve("proof-canon.txt")));
    assertThat(sha256(canon))
        .isEqualTo("d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19");
  }

  @Test
  void theSpecSignatureVerifiesOverOurHashData() {
    byte[] data =
        new DataIntegrity(canonicalizer)
            .hashData(credential, DataIntegrity.proofConfig(credential, options()));

    assertThat(HexFormat.of().formatHex(data))
        .isEqualTo(
            "d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19"
                + "87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773");
    assertThat(LdFixtures.verify(PUBLIC_KEY, data, HexFormat.of().parseHex(SIGNATURE))).isTrue();
  }

  @Test
  void theProofValueIsTheSignatureInBase58btc() {
    assertThat(HexFormat.of().formatHex(Multibase.decodeBase58Btc(PROOF_VALUE)))
        .isEqualTo(SIGNATURE);
    assertThat(Multibase.encodeBase58Btc(HexFormat.of().parseHex(SIGNATURE)))
        .isEqualTo(PROOF_VALUE);
  }

  @Test
  void theMultikeyOfTheVectorIsItsPublicKeyInBase58btc() {
    byte[] multikey = new byte[34];
    multikey[0] = (byte) 0xed;
    multikey[1] = 0x01;
    System.arraycopy(PUBLIC_KEY, 0, multikey, 2, 32);

    assertThat(Multibase.encodeBase58Btc(multikey))
        .isEqualTo(METHOD.substring(METHOD.indexOf('#') + 1));
  }

  @Test
  void verifiesTheSignedCredentialOfTheSpec() {
    ObjectNode signed = credential.deepCopy();
    ObjectNode proof = options();
    proof.put("proofValue", PROOF_VALUE);
    signed.set("proof", proof);

    Verification result =
        new DataIntegrity(canonicalizer)
            .verifyProof(
                signed,
                method -> method.equals(METHOD) ? Optional.of(PUBLIC_KEY) : Optional.empty(),
                LdFixtures::verify);

    assertThat(result.step()).isEqualTo(Verification.Step.VERIFIED);
  }

  @Test
  void base58KeepsLeadingZeros() {
    byte[] bytes = {0, 0, 1, 2, (byte) 0xff};
    assertThat(Multibase.encodeBase58Btc(bytes)).startsWith("z11");
    assertThat(Multibase.decodeBase58Btc(Multibase.encodeBase58Btc(bytes))).isEqualTo(bytes);
    assertThat(Multibase.encodeBase58Btc(new byte[0])).isEqualTo("z");
    assertThat(Arrays.equals(Multibase.decodeBase58Btc("z1"), new byte[1])).isTrue();
  }

  private ObjectNode options() {
    ObjectNode options = LdFixtures.JSON.createObjectNode();
    options.put("type", "DataIntegrityProof");
    options.put("created", "2010-01-01T19:23:24Z");
    options.put("verificationMethod", METHOD);
    options.put("cryptosuite", "eddsa-rdfc-2022");
    options.put("proofPurpose", "assertionMethod");
    return options;
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
