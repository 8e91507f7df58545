package dev.badgesmith.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CredentialSignerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] ASSERTION =
      "{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"urn:uuid:1\",\"type\":\"Assertion\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final String KID = "https://badges.example.org/guild/keys/rsa-1.json";

  /** When the tests' credentials are signed: a day after their validFrom. */
  private static final long IAT = 1737028800L;

  static ObjectNode credential() throws Exception {
    return (ObjectNode)
        MAPPER.readTree(
            """
            {"@context":["https://www.w3.org/ns/credentials/v2",
                         "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id":"https://badges.example.org/guild/credentials/intro/jane.json",
             "type":["VerifiableCredential","OpenBadgeCredential"],
             "issuer":{"id":"https://badges.example.org/guild/issuers/guild.json","type":["Profile"],"name":"The Guild"},
             "validFrom":"2025-01-15T12:00:00Z",
             "validUntil":"2027-01-15T12:00:00+01:00",
             "name":"Intro",
             "credentialSubject":{"id":"did:example:jane","type":["AchievementSubject"]}}
            """);
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RS256", "ES256"})
  void signsAnAssertionThatVerifiesWithItsPublicKey(KeyAlgorithm algorithm) throws Exception {
    SigningKey key = TestKeys.signing(algorithm);

    String jws = CredentialSigner.signCompactJws(key, ASSERTION);

    String[] parts = jws.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"" + algorithm.jwsName() + "\"}");
    assertThat(decode(parts[1])).isEqualTo(new String(ASSERTION, StandardCharsets.UTF_8));
    assertThat(jws).doesNotContain("=", "+", "/");
    assertThat(JwsVerifier.verifyCompactJws(jws, key.publicKeyInfo())).isEqualTo(ASSERTION);
  }

  @Test
  void rs256SignaturesAreDeterministic() {
    SigningKey key = TestKeys.signing(KeyAlgorithm.RS256);
    assertThat(CredentialSigner.signCompactJws(key, ASSERTION))
        .isEqualTo(CredentialSigner.signCompactJws(key, ASSERTION));
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RS256", "ES256"})
  void aTamperedPayloadFailsVerification(KeyAlgorithm algorithm) {
    SigningKey key = TestKeys.signing(algorithm);
    String[] parts = CredentialSigner.signCompactJws(key, ASSERTION).split("\\.");
    String other =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(ASSERTION, StandardCharsets.UTF_8)
                    .replace("urn:uuid:1", "urn:uuid:2")
                    .getBytes(StandardCharsets.UTF_8));
    String tampered = parts[0] + "." + other + "." + parts[2];

    assertThatThrownBy(() -> JwsVerifier.verifyCompactJws(tampered, key.publicKeyInfo()))
        .isInstanceOf(VerificationException.class)
        .hasMessageStartingWith("the signature does not match");
  }

  @Test
  void aSignatureByAnotherKeyFails() {
    String jws = CredentialSigner.signCompactJws(TestKeys.signing(KeyAlgorithm.ES256), ASSERTION);
    PublicKeyInfo other =
        PublicKeyInfo.fromPem("other", KeyGenerator.generate(KeyAlgorithm.ES256).publicKeyPem());
    assertThatThrownBy(() -> JwsVerifier.verifyCompactJws(jws, other))
        .isInstanceOf(VerificationException.class)
        .hasMessage(
            "the signature does not match: the JWS was changed, or not signed with key 'other'");
  }

  @Test
  void aJwsOfAnotherAlgorithmThanTheKeysFails() {
    String jws = CredentialSigner.signCompactJws(TestKeys.signing(KeyAlgorithm.ES256), ASSERTION);
    assertThatThrownBy(
            () -> JwsVerifier.verifyCompactJws(jws, TestKeys.publicKey(KeyAlgorithm.RS256)))
        .isInstanceOf(VerificationException.class)
        .hasMessage("the JWS is signed with ES256, but key 'rs256-1' is an RS256 key");
    String none = "eyJhbGciOiJub25lIn0." + jws.split("\\.")[1] + ".";
    assertThatThrownBy(
            () -> JwsVerifier.verifyCompactJws(none, TestKeys.publicKey(KeyAlgorithm.RS256)))
        .isInstanceOf(VerificationException.class);
  }

  @Test
  void aMalformedJwsFailsWithAClearMessage() {
    for (String bad : List.of("", "abc", "a.b", "!!.??.**")) {
      assertThatThrownBy(
              () -> JwsVerifier.verifyCompactJws(bad, TestKeys.publicKey(KeyAlgorithm.RS256)))
          .as(bad)
          .isInstanceOf(VerificationException.class)
          .hasMessageStartingWith("not a compact JWS");
    }
  }

  @Test
  void ed25519KeysDoNotSignJws() {
    SigningKey key = TestKeys.signing(KeyAlgorithm.Ed25519);
    assertThatThrownBy(() -> CredentialSigner.signCompactJws(key, ASSERTION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signs Data Integrity proofs only");
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RS256", "ES256"})
  void aVcJwtHasExactlyAlgKidAndTypInItsHeader(KeyAlgorithm algorithm) throws Exception {
    String jwt = CredentialSigner.signVcJwt(TestKeys.signing(algorithm), KID, credential(), IAT);
    assertThat(decode(jwt.split("\\.")[0]))
        .isEqualTo(
            "{\"alg\":\"" + algorithm.jwsName() + "\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}");
  }

  @Test
  void aVcJwtCarriesTheCredentialThenClaimsEqualToItsFields() throws Exception {
    ObjectNode credential = credential();
    String jwt =
        CredentialSigner.signVcJwt(TestKeys.signing(KeyAlgorithm.RS256), KID, credential, IAT);

    JsonNode payload = MAPPER.readTree(decode(jwt.split("\\.")[1]));

    List<String> names = new java.util.ArrayList<>();
    payload.fieldNames().forEachRemaining(names::add);
    List<String> expected = new java.util.ArrayList<>();
    credential.fieldNames().forEachRemaining(expected::add);
    expected.addAll(List.of("iss", "jti", "sub", "nbf", "exp", "iat"));
    assertThat(names).isEqualTo(expected);
    assertThat(payload.get("iss").asText()).isEqualTo(credential.at("/issuer/id").asText());
    assertThat(payload.get("jti").asText()).isEqualTo(credential.get("id").asText());
    assertThat(payload.get("sub").asText()).isEqualTo("did:example:jane");
    assertThat(payload.get("nbf").isIntegralNumber()).isTrue();
    assertThat(Instant.ofEpochSecond(payload.get("nbf").asLong()))
        .isEqualTo(Instant.parse("2025-01-15T12:00:00Z"));
    assertThat(payload.get("nbf").asLong()).isEqualTo(1736942400L);
    assertThat(Instant.ofEpochSecond(payload.get("exp").asLong()))
        .isEqualTo(Instant.parse("2027-01-15T11:00:00Z"));
    assertThat(payload.get("iat").asLong()).isEqualTo(IAT);
    for (String field : names.subList(0, names.size() - 6)) {
      assertThat(payload.get(field)).isEqualTo(credential.get(field));
    }
  }

  @Test
  void aVcJwtOfACredentialWithAnIssuerUrlAndNoSubjectIdOrExpiry() throws Exception {
    ObjectNode credential = credential();
    credential.put("issuer", "https://badges.example.org/guild/issuers/guild.json");
    credential.remove("validUntil");
    ((ObjectNode) credential.get("credentialSubject")).remove("id");

    String jwt =
        CredentialSigner.signVcJwt(TestKeys.signing(KeyAlgorithm.RS256), KID, credential, IAT);

    ObjectNode payload = JwsVerifier.verifyVcJwt(jwt, TestKeys.publicKey(KeyAlgorithm.RS256));
    assertThat(payload.get("iss").asText())
        .isEqualTo("https://badges.example.org/guild/issuers/guild.json");
    assertThat(payload.has("sub")).isFalse();
    assertThat(payload.has("exp")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RS256", "ES256"})
  void aVcJwtVerifiesAndReturnsItsPayload(KeyAlgorithm algorithm) throws Exception {
    String jwt = CredentialSigner.signVcJwt(TestKeys.signing(algorithm), KID, credential(), IAT);
    ObjectNode payload = JwsVerifier.verifyVcJwt(jwt, TestKeys.publicKey(algorithm));
    assertThat(payload.get("name").asText()).isEqualTo("Intro");
  }

  @Test
  void aVcJwtWhoseClaimsDisagreeWithTheCredentialFails() throws Exception {
    SigningKey key = TestKeys.signing(KeyAlgorithm.RS256);
    ObjectNode payload = VcJwtClaims.payload(credential(), IAT);
    payload.put("nbf", 1736942401L);
    String header = "{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}";
    String jwt = signRaw(key, header, payload.toString());

    assertThatThrownBy(() -> JwsVerifier.verifyVcJwt(jwt, key.publicKeyInfo()))
        .isInstanceOf(VerificationException.class)
        .hasMessage("the VC-JWT claim nbf is 1736942401 but the credential says 1736942400");
  }

  @Test
  void aVcJwtWithAnExtraHeaderFails() throws Exception {
    SigningKey key = TestKeys.signing(KeyAlgorithm.RS256);
    String header = "{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"cty\":\"vc\"}";
    String jwt = signRaw(key, header, VcJwtClaims.payload(credential(), IAT).toString());
    assertThatThrownBy(() -> JwsVerifier.verifyVcJwt(jwt, key.publicKeyInfo()))
        .hasMessage("the VC-JWT header has 'cty'; only alg, kid, jwk and typ are allowed");
  }

  @Test
  void aCredentialWithoutTheFieldsAVcJwtNeedsIsRefused() throws Exception {
    SigningKey key = TestKeys.signing(KeyAlgorithm.RS256);
    ObjectNode noFrom = credential();
    noFrom.remove("validFrom");
    assertThatThrownBy(() -> CredentialSigner.signVcJwt(key, KID, noFrom, IAT))
        .hasMessage("the credential has no validFrom for the VC-JWT");
    ObjectNode local = credential().put("validFrom", "2025-01-15T12:00:00");
    assertThatThrownBy(() -> CredentialSigner.signVcJwt(key, KID, local, IAT))
        .hasMessageContaining("is not a date-time with an offset");
    assertThatThrownBy(() -> CredentialSigner.signVcJwt(key, " ", credential(), IAT))
        .hasMessageContaining("needs a kid");
  }

  @Test
  void signsTheSpecsEd25519TestVector() {
    // linked-data-proof-ob.md: SHA-256(proof) || SHA-256(document), and its signature.
    byte[] data =
        HexFormat.of()
            .parseHex(
                "3cf3c265b6c8ebb29b4d5ea310b87d2f31c79b633eff8af561d2e8c97a85c8cb"
                    + "d994aebd5e53f4af4495dbe9e1155410bae683811107c26acf83671075c163b3");
    SigningKey key =
        SigningKey.of(
            PublicKeyInfo.ed25519("vector", TestKeys.VECTOR_PUBLIC_KEY),
            TestKeys.vectorPrivateKey());

    byte[] signature = CredentialSigner.ed25519Signer(key).apply(data);

    assertThat(HexFormat.of().formatHex(signature))
        .isEqualTo(
            "17a898a91832fa58bd66433e18dc8256522bcf84382994c395c23c26cba71ff8"
                + "060a2587390e5ed20c4decec45c0c0c9eec1f7d2d1ce91e1ffc992983a74a300");
    assertThat(Multibase.encodeBase58Btc(signature))
        .isEqualTo(
            "zUSD5bjo6mYV1n9i9E6ZwUiHuj4JyZDjCDfDqoJcPi9XJrc9LYstik9mdBvutdwBdquWXjWrwJDVGJrAarvRs8uD");
    assertThat(CredentialSigner.verifyEd25519(key.publicKey(), data, signature)).isTrue();
  }

  @Test
  void ed25519RoundTripsAndATamperedMessageFails() {
    SigningKey key = TestKeys.signing(KeyAlgorithm.Ed25519);
    byte[] data = "hash data".getBytes(StandardCharsets.UTF_8);
    byte[] signature = CredentialSigner.ed25519Signer(key).apply(data);

    assertThat(signature).hasSize(64).isEqualTo(CredentialSigner.ed25519Signer(key).apply(data));
    assertThat(signature)
        .as("the JDK's Ed25519 gives the same signature")
        .isEqualTo(Keys.sign(KeyAlgorithm.Ed25519, key.privateKey(), data));
    assertThat(CredentialSigner.verifyEd25519(key.publicKey(), data, signature)).isTrue();
    assertThat(
            CredentialSigner.verifyEd25519(
                key.publicKey(), "hash dat4".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(CredentialSigner.verifyEd25519(key.publicKey(), data, new byte[3])).isFalse();
    assertThatThrownBy(
            () -> CredentialSigner.ed25519Signer(TestKeys.signing(KeyAlgorithm.RS256)).apply(data))
        .hasMessage("key 'rs256-1' is RS256, not Ed25519");
  }

  @Test
  void theJdksFirstSignaturesAndTinksLaterOnesAreTheSameBytesAsTinksAlone() throws Exception {
    SigningKey key = TestKeys.signing(KeyAlgorithm.Ed25519);
    var tink = new com.google.crypto.tink.subtle.Ed25519Sign(Keys.ed25519Seed(key.privateKey()));
    var signer = CredentialSigner.ed25519Signer(key);
    for (int i = 0; i < 3 * Ed25519Signer.SIGNED_BY_THE_JDK; i++) {
      byte[] data = ("credential " + i).repeat(i + 1).getBytes(StandardCharsets.UTF_8);
      assertThat(signer.apply(data)).as("signature %d", i).isEqualTo(tink.sign(data));
    }
  }

  @Test
  void theJdkDerivesTheSamePublicKeyFromASeedAsTink() throws Exception {
    for (int i = 0; i < 4; i++) {
      byte[] seed = new byte[32];
      java.util.Arrays.fill(seed, (byte) (17 * i + 3));
      assertThat(Keys.ed25519PublicFromSeed(seed))
          .isEqualTo(
              com.google.crypto.tink.subtle.Ed25519Sign.KeyPair.newKeyPairFromSeed(seed)
                  .getPublicKey());
    }
  }

  private static String signRaw(SigningKey key, String header, String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    byte[] signature =
        Keys.sign(key.algorithm(), key.privateKey(), input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(signature);
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
