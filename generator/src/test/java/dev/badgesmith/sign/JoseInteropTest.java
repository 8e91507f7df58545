package dev.badgesmith.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.testing.NodePackages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our JWS and VC-JWTs verify with jose (npm), an implementation nobody here wrote. */
class JoseInteropTest {
  private static final Path SCRIPT = Path.of("src/test/node/verify-jose.mjs");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Optional<Path> jose;

  @TempDir Path tmp;

  @BeforeAll
  static void installJose() {
    jose = NodePackages.install("target/node-jose", "jose@6");
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RS256", "ES256"})
  void joseVerifiesAnOb2SignedAssertionWithThePublishedPem(KeyAlgorithm algorithm)
      throws Exception {
    assumeTrue(jose.isPresent(), "node and npm with the jose package are needed (see the log)");
    SigningKey key = TestKeys.signing(algorithm);
    String assertion =
        "{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"urn:uuid:7\",\"name\":\"Zoë\"}";
    String jws = CredentialSigner.signCompactJws(key, assertion.getBytes(StandardCharsets.UTF_8));

    JsonNode result = verify("jws", algorithm, TestKeys.pair(algorithm).publicKeyPem(), jws);

    assertThat(result.at("/header").toString())
        .isEqualTo("{\"alg\":\"" + algorithm.jwsName() + "\"}");
    assertThat(result.at("/payload").asText()).isEqualTo(assertion);
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RS256", "ES256"})
  void joseVerifiesAVcJwtWithThePublishedJwkAndReadsTheSameClaims(KeyAlgorithm algorithm)
      throws Exception {
    assumeTrue(jose.isPresent(), "node and npm with the jose package are needed (see the log)");
    SigningKey key = TestKeys.signing(algorithm);
    String kid = "https://badges.example.org/guild/keys/" + key.id() + ".json";
    ObjectNode credential = CredentialSignerTest.credential();
    String jwt = CredentialSigner.signVcJwt(key, kid, credential, 1736942400L);

    JsonNode result = verify("jwt", algorithm, key.publicKeyInfo().toJwkJson(kid), jwt);

    assertThat(result.at("/header/kid").asText()).isEqualTo(kid);
    assertThat(result.at("/header/typ").asText()).isEqualTo("JWT");
    JsonNode claims = result.get("payload");
    assertThat(claims.get("iss").asText()).isEqualTo(credential.at("/issuer/id").asText());
    assertThat(claims.get("jti").asText()).isEqualTo(credential.get("id").asText());
    assertThat(claims.get("sub").asText())
        .isEqualTo(credential.at("/credentialSubject/id").asText());
    assertThat(claims.get("nbf").asLong()).isEqualTo(1736942400L);
    assertThat(claims.get("exp").asLong()).isEqualTo(1800010800L);
    assertThat(claims.get("credentialSubject")).isEqualTo(credential.get("credentialSubject"));
  }

  private JsonNode verify(String mode, KeyAlgorithm algorithm, String key, String token)
      throws Exception {
    Path keyFile = Files.writeString(tmp.resolve("key"), key);
    Path tokenFile = Files.writeString(tmp.resolve("token"), token);
    String output =
        NodePackages.run(
            SCRIPT,
            jose.orElseThrow().toString(),
            mode,
            algorithm.jwsName(),
            keyFile.toString(),
            tokenFile.toString());
    return MAPPER.readTree(output);
  }
}
