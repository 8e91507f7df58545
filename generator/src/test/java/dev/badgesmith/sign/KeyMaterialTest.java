package dev.badgesmith.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyMaterialTest {
  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void readsGeneratedPemPairsAndDetectsTheAlgorithm(KeyAlgorithm algorithm) {
    KeyGenerator.PemKeyPair pair = TestKeys.pair(algorithm);
    assertThat(pair.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(pair.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");

    PublicKeyInfo publicKey = PublicKeyInfo.fromPem("k", pair.publicKeyPem());
    SigningKey key = SigningKey.of(publicKey, PrivateKeys.fromPem(pair.privateKeyPem()));

    assertThat(publicKey.algorithm()).isEqualTo(algorithm);
    assertThat(key.algorithm()).isEqualTo(algorithm);
  }

  @Test
  void generatesRsaKeysOf3072Bits() {
    PublicKeyInfo key = TestKeys.publicKey(KeyAlgorithm.RS256);
    assertThat(((java.security.interfaces.RSAPublicKey) key.key()).getModulus().bitLength())
        .isEqualTo(3072);
  }

  @Test
  void readsLegacyPkcs1AndSec1PrivateKeys() {
    for (KeyAlgorithm algorithm : new KeyAlgorithm[] {KeyAlgorithm.RS256, KeyAlgorithm.ES256}) {
      KeyGenerator.PemKeyPair pair = TestKeys.pair(algorithm);
      byte[] pkcs8 = pemBody(pair.privateKeyPem());
      String label = algorithm == KeyAlgorithm.RS256 ? "RSA PRIVATE KEY" : "EC PRIVATE KEY";
      String legacy = Pem.encode(label, TestKeys.unwrapPkcs8(pkcs8));

      SigningKey key =
          SigningKey.of(
              PublicKeyInfo.fromPem("legacy", pair.publicKeyPem()), PrivateKeys.fromPem(legacy));

      assertThat(key.algorithm()).isEqualTo(algorithm);
    }
  }

  @Test
  void refusesAPrivateKeyThatIsNotThePublicKeysOtherHalf() {
    // RSA and Ed25519 pairs are compared, EC pairs sign a probe: each way must tell them apart.
    for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
      KeyGenerator.PemKeyPair other = KeyGenerator.generate(algorithm);
      String published = TestKeys.pair(algorithm).publicKeyPem();
      assertThatThrownBy(
              () ->
                  SigningKey.of(
                      PublicKeyInfo.fromPem("k-1", published),
                      PrivateKeys.fromPem(other.privateKeyPem())))
          .as(algorithm.toString())
          .isInstanceOf(KeyException.class)
          .hasMessageStartingWith(
              "the private key given for 'k-1' does not belong to its public key");
      assertThat(
              SigningKey.of(
                      PublicKeyInfo.fromPem("k-1", other.publicKeyPem()),
                      PrivateKeys.fromPem(other.privateKeyPem()))
                  .algorithm())
          .isEqualTo(algorithm);
    }
  }

  @Test
  void refusesAKeyOfAnotherAlgorithmThanDeclared() {
    String rsa = TestKeys.pair(KeyAlgorithm.RS256).publicKeyPem();
    assertThatThrownBy(() -> PublicKeyInfo.fromPem("k", KeyAlgorithm.ES256, rsa))
        .isInstanceOf(KeyException.class)
        .hasMessage("public key 'k' is an RS256 key, but ES256 was declared");
    assertThatThrownBy(
            () ->
                SigningKey.of(
                    TestKeys.publicKey(KeyAlgorithm.ES256),
                    PrivateKeys.fromPem(TestKeys.pair(KeyAlgorithm.RS256).privateKeyPem())))
        .hasMessageContaining("is an RS256 key, but ES256 was declared");
  }

  @Test
  void refusesSmallRsaKeysAndOtherCurves() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(1024);
    String small = Pem.encode("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded());
    assertThatThrownBy(() -> PublicKeyInfo.fromPem("k", small))
        .hasMessage("the RSA key has 1024 bits; RS256 needs at least 2048");

    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
    String p384 = Pem.encode("PUBLIC KEY", ec.generateKeyPair().getPublic().getEncoded());
    assertThatThrownBy(() -> PublicKeyInfo.fromPem("k", p384))
        .hasMessage("the EC key is not on the P-256 curve, the only one ES256 allows");
  }

  @Test
  void explainsWhichFormsAreAccepted() {
    assertThatThrownBy(() -> PrivateKeys.fromPem("not a key"))
        .hasMessageStartingWith("no PEM block in the private key");
    assertThatThrownBy(
            () -> PrivateKeys.fromPem(Pem.encode("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3})))
        .hasMessageStartingWith("the private key is encrypted; give it unencrypted");
    assertThatThrownBy(() -> PrivateKeys.fromPem(TestKeys.pair(KeyAlgorithm.RS256).publicKeyPem()))
        .hasMessageContaining("is not a private key Badgesmith reads; give a PKCS#8 key");
    assertThatThrownBy(
            () -> PublicKeyInfo.fromPem("k", TestKeys.pair(KeyAlgorithm.RS256).privateKeyPem()))
        .hasMessageContaining("never publish a private key");
  }

  @Test
  void neverPrintsPrivateMaterial() {
    SigningKey key = TestKeys.signing(KeyAlgorithm.RS256);
    KeyGenerator.PemKeyPair pair = TestKeys.pair(KeyAlgorithm.RS256);
    String privateBase64 = Base64.getEncoder().encodeToString(key.privateKey().getEncoded());

    assertThat(key.toString())
        .isEqualTo("SigningKey[id=rs256-1, algorithm=RS256, private key hidden]");
    assertThat(pair.toString())
        .doesNotContain("PRIVATE KEY")
        .doesNotContain(privateBase64.substring(0, 40));
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void publishesAJwkWithPublicMembersOnly(KeyAlgorithm algorithm) {
    Map<String, Object> jwk =
        TestKeys.publicKey(algorithm).toJwk("https://example.org/keys/k.json");

    assertThat(jwk).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    assertThat(jwk)
        .containsEntry("kid", "https://example.org/keys/k.json")
        .containsEntry("use", "sig");
    assertThat(jwk).containsEntry("alg", algorithm.jwsName());
    switch (algorithm) {
      case RS256 -> assertThat(jwk.keySet()).containsExactly("kty", "n", "e", "kid", "alg", "use");
      case ES256 ->
          assertThat(jwk.keySet()).containsExactly("kty", "crv", "x", "y", "kid", "alg", "use");
      case Ed25519 ->
          assertThat(jwk.keySet()).containsExactly("kty", "crv", "x", "kid", "alg", "use");
    }
    assertThat(
            PrivateKeys.containsPrivateKey(
                TestKeys.publicKey(algorithm).toJwkJson("k").getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void readsThePublishedJwkBackAsTheSameKey(KeyAlgorithm algorithm) {
    PublicKeyInfo key = TestKeys.publicKey(algorithm);
    PublicKeyInfo read = PublicKeyInfo.fromJwk("fallback", key.toJwkJson("key-1"));
    assertThat(read.id()).isEqualTo("key-1");
    assertThat(read.algorithm()).isEqualTo(algorithm);
    assertThat(read.key().getEncoded()).isEqualTo(key.key().getEncoded());
  }

  @Test
  void refusesAJwkWithAPrivatePartOrThatIsNoJwk() {
    assertThatThrownBy(
            () ->
                PublicKeyInfo.fromJwk(
                    "k",
                    "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
                        + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\","
                        + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}"))
        .isInstanceOf(KeyException.class)
        .hasMessageContaining("private");
    assertThatThrownBy(() -> PublicKeyInfo.fromJwk("k", "{}"))
        .isInstanceOf(KeyException.class)
        .hasMessageStartingWith("not a JWK");
  }

  @Test
  void theEd25519JwkHoldsTheRawKey() {
    Map<String, Object> jwk = PublicKeyInfo.ed25519("v", TestKeys.VECTOR_PUBLIC_KEY).toJwk("v");
    assertThat(jwk)
        .containsEntry("kty", "OKP")
        .containsEntry("crv", "Ed25519")
        .containsEntry(
            "x", Base64.getUrlEncoder().withoutPadding().encodeToString(TestKeys.VECTOR_PUBLIC_KEY))
        .containsEntry("kid", "v");
  }

  @Test
  void derivesTheTestVectorPublicKeyFromItsSeed() {
    PrivateKey seed = TestKeys.vectorPrivateKey();
    SigningKey key = SigningKey.of(PublicKeyInfo.ed25519("v", TestKeys.VECTOR_PUBLIC_KEY), seed);
    assertThat(key.publicKeyInfo().toMultibase())
        .isEqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
  }

  @Test
  void recognisesPemPrivateKeysOfEveryKind() {
    for (String label :
        new String[] {
          "PRIVATE KEY",
          "RSA PRIVATE KEY",
          "EC PRIVATE KEY",
          "ENCRYPTED PRIVATE KEY",
          "OPENSSH PRIVATE KEY"
        }) {
      String pem = "some text\n" + Pem.encode(label, new byte[] {1, 2, 3}) + "more text\n";
      assertThat(PrivateKeys.containsPrivateKey(bytes(pem))).as(label).isTrue();
    }
    assertThat(
            PrivateKeys.containsPrivateKey(
                bytes(TestKeys.pair(KeyAlgorithm.ES256).privateKeyPem())))
        .isTrue();
  }

  @Test
  void recognisesPrivateJwksAloneOrInASet() {
    assertThat(
            PrivateKeys.containsPrivateKey(
                bytes("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"a\",\"d\":\"b\"}")))
        .isTrue();
    assertThat(PrivateKeys.containsPrivateKey(bytes("{\"keys\":[{\"kty\":\"EC\",\"d\" : \"b\"}]}")))
        .isTrue();
  }

  @Test
  void doesNotMistakePublicKeysOrOtherFilesForPrivateKeys() {
    assertThat(
            PrivateKeys.containsPrivateKey(bytes(TestKeys.pair(KeyAlgorithm.RS256).publicKeyPem())))
        .isFalse();
    assertThat(
            PrivateKeys.containsPrivateKey(bytes("{\"kty\":\"RSA\",\"n\":\"a\",\"e\":\"AQAB\"}")))
        .isFalse();
    assertThat(PrivateKeys.containsPrivateKey(bytes("{\"d\":\"a date, not a key\"}"))).isFalse();
    assertThat(PrivateKeys.containsPrivateKey(bytes("name: \"d\"\nnot: [json"))).isFalse();
    assertThat(PrivateKeys.containsPrivateKey(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}))
        .isFalse();
  }

  @Test
  void readsKeysFromTheEnvironmentByConvention() {
    String pem = TestKeys.pair(KeyAlgorithm.ES256).privateKeyPem();
    assertThat(PrivateKeys.environmentVariable("rsa-1")).isEqualTo("BADGESMITH_KEY_RSA_1");
    assertThat(PrivateKeys.fromEnvironment(Map.of("BADGESMITH_KEY_ES_1", pem), "es-1")).isPresent();
    assertThat(
            PrivateKeys.fromEnvironment(
                Map.of("BADGESMITH_KEY_ES_1", pem.replace("\n", "\\n")), "es-1"))
        .as("a PEM kept on one line")
        .isPresent();
    assertThat(PrivateKeys.fromEnvironment(Map.of(), "es-1")).isEmpty();
    assertThatThrownBy(
            () -> PrivateKeys.fromEnvironment(Map.of("BADGESMITH_KEY_ES_1", "oops"), "es-1"))
        .hasMessageStartingWith("$BADGESMITH_KEY_ES_1: no PEM block");
    assertThatThrownBy(() -> PrivateKeys.environmentVariable("Bad Id"))
        .hasMessageStartingWith("invalid key id 'Bad Id'");
  }

  @Test
  void readsAKeyFileAndNamesTheFileWhenItCannot(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path file = tmp.resolve("key.pem");
    java.nio.file.Files.writeString(file, TestKeys.pair(KeyAlgorithm.RS256).privateKeyPem());
    assertThat(PrivateKeys.fromFile(file).getAlgorithm()).isEqualTo("RSA");
    assertThatThrownBy(() -> PrivateKeys.fromFile(tmp.resolve("missing.pem")))
        .hasMessageStartingWith("cannot read the private key file " + tmp.resolve("missing.pem"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] pemBody(String pem) {
    return Pem.blocks(pem).get(0).der();
  }
}
