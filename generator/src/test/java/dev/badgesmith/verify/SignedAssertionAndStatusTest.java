package dev.badgesmith.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.SigningKey;
import dev.badgesmith.verify.Check.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Open Badges 2.0 signed assertions (which the build does not publish yet) against documents held
 * in memory, and the extension point for Open Badges 3.0 status entries.
 */
class SignedAssertionAndStatusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://issuer.example.org/";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  private final Map<String, byte[]> web = new HashMap<>();
  private final Resolver resolver =
      url -> {
        byte[] bytes = web.get(url);
        if (bytes == null) {
          throw new ResolveException(ResolveException.Reason.NOT_FOUND, "nothing at " + url);
        }
        return bytes;
      };

  private void publish(String path, String json) {
    web.put(BASE + path, json.getBytes(UTF_8));
  }

  private String signedAssertion(KeyGenerator.PemKeyPair pair, String revocationList)
      throws Exception {
    publish(
        "issuer.json",
        """
        {"@context":"https://w3id.org/openbadges/v2","type":"Issuer","id":"%sissuer.json",
         "name":"Issuer","publicKey":"%skey.json"%s}"""
            .formatted(BASE, BASE, revocationList));
    publish(
        "badge.json",
        """
        {"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"%sbadge.json",
         "issuer":"%sissuer.json"}"""
            .formatted(BASE, BASE));
    publish(
        "key.json",
        JSON.writeValueAsString(
            Map.of(
                "type",
                "CryptographicKey",
                "id",
                BASE + "key.json",
                "owner",
                BASE + "issuer.json",
                "publicKeyPem",
                pair.publicKeyPem())));
    ObjectNode assertion = JSON.createObjectNode();
    assertion.put("@context", "https://w3id.org/openbadges/v2");
    assertion.put("type", "Assertion");
    assertion.put("id", "urn:uuid:2f6d1b8e-8d1a-4a5e-9c55-1d0c6f1b2a11");
    ObjectNode recipient = assertion.putObject("recipient");
    recipient.put("type", "email");
    recipient.put("hashed", true);
    recipient.put("salt", "pepper");
    recipient.put("identity", IdentityHash.hash("kim@example.org", "pepper"));
    assertion.put("badge", BASE + "badge.json");
    assertion
        .putObject("verification")
        .put("type", "SignedBadge")
        .put("creator", BASE + "key.json");
    assertion.put("issuedOn", "2025-01-15T12:00:00Z");
    SigningKey key =
        SigningKey.of(
            PublicKeyInfo.fromPem("k", pair.publicKeyPem()),
            PrivateKeys.fromPem(pair.privateKeyPem()));
    return CredentialSigner.signCompactJws(key, JSON.writeValueAsBytes(assertion));
  }

  private static KeyGenerator.PemKeyPair key() {
    return KeyGenerator.generate(KeyAlgorithm.RS256);
  }

  private VerificationReport verify(String input, Verifier.Builder builder) {
    return builder
        .resolver(resolver)
        .clock(CLOCK)
        .build()
        .verify(input.getBytes(UTF_8), "input", Optional.of("kim@example.org"));
  }

  @Test
  void aSignedAssertionVerifiesWithTheIssuersCryptographicKey() throws Exception {
    VerificationReport report = verify(signedAssertion(key(), ""), Verifier.builder());
    VerifierTest.assertPasses(report);
    assertThat(VerifierTest.step(report, Step.ISSUER_AND_KEY).message())
        .isEqualTo(
            "the issuer "
                + BASE
                + "issuer.json owns "
                + BASE
                + "key.json; its site publishes no validity period for it");
  }

  @Test
  void aSignedAssertionInTheRevocationListFailsAtStatus() throws Exception {
    String jws = signedAssertion(key(), ",\"revocationList\":\"" + BASE + "revocations.json\"");
    publish(
        "revocations.json",
        """
        {"type":"RevocationList","id":"%srevocations.json","revokedAssertions":[
          {"id":"urn:uuid:2f6d1b8e-8d1a-4a5e-9c55-1d0c6f1b2a11","revocationReason":"Cheated"}]}"""
            .formatted(BASE));
    Check failed = VerifierTest.failure(verify(jws, Verifier.builder()));
    assertThat(failed.line())
        .isEqualTo("FAIL status: revoked: Cheated (in " + BASE + "revocations.json)");
  }

  @Test
  void aSignedAssertionByAnotherKeyFailsAtProof() throws Exception {
    String jws = signedAssertion(key(), "");
    signedAssertion(key(), ""); // the issuer now publishes another key at the same URL
    assertThat(VerifierTest.failure(verify(jws, Verifier.builder())).step()).isEqualTo(Step.PROOF);
  }

  @Test
  void aCredentialStatusEntryGoesToTheStatusMethodForItsType() throws Exception {
    // Unsigned: the proof step fails, and the status step still reports on its own.
    ObjectNode credential = JSON.createObjectNode();
    credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    credential.put("validFrom", "2025-01-15T12:00:00Z");
    credential
        .putObject("credentialStatus")
        .put("type", "ExampleStatusEntry")
        .put("statusListIndex", "7");
    String text = JSON.writeValueAsString(credential);

    assertThat(VerifierTest.step(verify(text, Verifier.builder()), Step.STATUS).line())
        .isEqualTo(
            "FAIL status: cannot read a credentialStatus of type 'ExampleStatusEntry',"
                + " so revocation is unknown");

    StatusMethod revokedAtSeven =
        new StatusMethod() {
          @Override
          public String type() {
            return "ExampleStatusEntry";
          }

          @Override
          public Check check(ObjectNode entry, ObjectNode c, StatusContext context) {
            return entry.path("statusListIndex").asText().equals("7")
                ? Check.failed(Step.STATUS, "revoked: bit 7 is set")
                : Check.passed(
                    Step.STATUS, "bit " + entry.path("statusListIndex").asText() + " is clear");
          }
        };
    assertThat(
            VerifierTest.step(
                    verify(text, Verifier.builder().statusMethod(revokedAtSeven)), Step.STATUS)
                .line())
        .isEqualTo("FAIL status: revoked: bit 7 is set");
  }
}
