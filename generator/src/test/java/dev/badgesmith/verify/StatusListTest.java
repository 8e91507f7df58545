package dev.badgesmith.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.ld.Canonicalizer;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.ld.DataIntegrity;
import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.SigningKey;
import dev.badgesmith.verify.Check.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials with a credentialStatus, and the signed lists they point at, held in memory. */
class StatusListTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DID = "did:web:issuer.example.org";
  private static final String BASE = "https://issuer.example.org/";
  private static final String LIST = BASE + "status/1.json";

  private final Map<String, byte[]> web = new HashMap<>();
  private DataIntegrity suite;
  private SigningKey key;

  @BeforeEach
  void publishTheIssuersDid() throws IOException {
    suite = new DataIntegrity(new Canonicalizer(new ContextStore()));
    var pair = KeyGenerator.generate(KeyAlgorithm.Ed25519);
    key =
        SigningKey.of(
            PublicKeyInfo.fromPem("k", pair.publicKeyPem()),
            PrivateKeys.fromPem(pair.privateKeyPem()));
    String multibase = PublicKeyInfo.fromPem("k", pair.publicKeyPem()).toMultibase();
    web.put(
        BASE + ".well-known/did.json",
        """
        {"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],
         "id":"%1$s",
         "verificationMethod":[{"id":"%1$s#k","type":"Multikey","controller":"%1$s",
                                "publicKeyMultibase":"%2$s"}],
         "assertionMethod":["%1$s#k"]}"""
            .formatted(DID, multibase)
            .getBytes(UTF_8));
  }

  private ObjectNode signed(String json) throws IOException {
    return suite.addProof(
        (ObjectNode) JSON.readTree(json),
        DID + "#k",
        "2025-01-15T12:00:00Z",
        CredentialSigner.ed25519Signer(key));
  }

  private ObjectNode credential(String status) throws IOException {
    return signed(
        """
        {"@context":["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                     "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"],
         "id":"%1$sc/1.json","type":["VerifiableCredential","OpenBadgeCredential"],
         "issuer":{"id":"%2$s","type":["Profile"],"name":"Issuer"},
         "validFrom":"2025-01-15T12:00:00Z","name":"Intro",
         "credentialSubject":{"type":["AchievementSubject"],
           "achievement":{"id":"%1$sa.json","type":["Achievement"],"name":"Intro",
                          "description":"Took the intro.","criteria":{"narrative":"Finish it."}}},
         "credentialStatus":%3$s}"""
            .formatted(BASE, DID, status));
  }

  private void publishList(int revokedIndex) throws IOException {
    byte[] bits = new byte[BitstringStatusListMethod.MIN_BITS / 8];
    if (revokedIndex >= 0) {
      bits[revokedIndex / 8] |= (byte) (0x80 >> (revokedIndex % 8));
    }
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(bits);
    }
    String encoded =
        "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip.toByteArray());
    ObjectNode list =
        signed(
            """
            {"@context":["https://www.w3.org/ns/credentials/v2"],
             "id":"%1$s","type":["VerifiableCredential","BitstringStatusListCredential"],
             "issuer":"%2$s","validFrom":"2025-01-01T00:00:00Z",
             "credentialSubject":{"id":"%1$s#list","type":"BitstringStatusList",
                                  "statusPurpose":"revocation","encodedList":"%3$s"}}"""
                .formatted(LIST, DID, encoded));
    web.put(LIST, JSON.writeValueAsBytes(list));
  }

  private static final String ENTRY =
      """
      {"id":"%1$s#7","type":"BitstringStatusListEntry","statusPurpose":"revocation",
       "statusListIndex":"7","statusListCredential":"%1$s"}"""
          .formatted(LIST);

  private VerificationReport verify(ObjectNode credential) throws IOException {
    Resolver resolver =
        url -> {
          byte[] bytes = web.get(url.startsWith("did:") ? DidWeb.documentUrl(url) : url);
          if (bytes == null) {
            throw new ResolveException(ResolveException.Reason.NOT_FOUND, "nothing at " + url);
          }
          return bytes;
        };
    return Verifier.builder()
        .resolver(resolver)
        .clock(VerifierTest.MID_2026)
        .build()
        .verify(JSON.writeValueAsBytes(credential), "credential", Optional.empty());
  }

  @Test
  void aClearBitInTheSignedListPasses() throws IOException {
    publishList(8);
    VerificationReport report = verify(credential(ENTRY));
    VerifierTest.assertPasses(report);
    assertThat(VerifierTest.step(report, Step.STATUS).message())
        .isEqualTo("not revoked: entry 7 of " + LIST);
  }

  @Test
  void aSetBitFailsAtStatus() throws IOException {
    publishList(7);
    assertThat(VerifierTest.failure(verify(credential(ENTRY))).line())
        .isEqualTo("FAIL status: revoked: entry 7 of " + LIST);
  }

  @Test
  void aListThatDoesNotVerifyFailsAtStatus() throws IOException {
    publishList(-1);
    ObjectNode list = (ObjectNode) JSON.readTree(web.get(LIST));
    publishList(7);
    ObjectNode revoked = (ObjectNode) JSON.readTree(web.get(LIST));
    // The clear list's proof on the revoked list's bits: a forged "not revoked".
    ((ObjectNode) revoked.get("credentialSubject"))
        .put("encodedList", list.path("credentialSubject").path("encodedList").asText());
    web.put(LIST, JSON.writeValueAsBytes(revoked));
    Check failed = VerifierTest.failure(verify(credential(ENTRY)));
    assertThat(failed.step()).isEqualTo(Step.STATUS);
    assertThat(failed.message())
        .startsWith("the status list " + LIST + " does not verify: FAIL proof:");
  }

  @Test
  void aCredentialInTheOneEdTechRevocationListFailsAtStatus() throws IOException {
    web.put(
        BASE + "revocations.json",
        """
        {"id":"%1$srevocations.json","issuer":"%2$s","revokedCredential":[
          {"id":"%1$sc/1.json","revoked":true,"revocationReason":"Issued in error"}]}"""
            .formatted(BASE, DID)
            .getBytes(UTF_8));
    ObjectNode credential =
        credential(
            """
            {"id":"%srevocations.json","type":"1EdTechRevocationList"}"""
                .formatted(BASE));
    assertThat(VerifierTest.failure(verify(credential)).line())
        .isEqualTo("FAIL status: revoked: Issued in error (in " + BASE + "revocations.json)");
  }
}
