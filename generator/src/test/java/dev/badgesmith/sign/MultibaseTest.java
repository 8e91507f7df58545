package dev.badgesmith.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultibaseTest {
  @Test
  void encodesTheTestVectorPublicKeyAsTheSpecPublishesIt() {
    assertThat(Multibase.ed25519PublicKey(TestKeys.VECTOR_PUBLIC_KEY))
        .isEqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
    assertThat(PublicKeyInfo.ed25519("vector", TestKeys.VECTOR_PUBLIC_KEY).toMultibase())
        .isEqualTo("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
  }

  @Test
  void decodesTheTestVectorBackToTheRawKey() {
    assertThat(Multibase.decodeEd25519PublicKey("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"))
        .isEqualTo(TestKeys.VECTOR_PUBLIC_KEY);
  }

  @Test
  void keepsLeadingZeroBytesAsOnes() {
    byte[] bytes = HexFormat.of().parseHex("0000ff00");
    assertThat(Multibase.encodeBase58Btc(bytes)).isEqualTo("z11LQX");
    assertThat(Multibase.decodeBase58Btc("z11LQX")).isEqualTo(bytes);
    assertThat(Multibase.decodeBase58Btc("z")).isEmpty();
    assertThat(Multibase.encodeBase58Btc(new byte[] {0})).isEqualTo("z1");
  }

  @Test
  void encodesTheBase58ReferenceExample() {
    // draft-msporny-base58: "Hello World!" -> 2NEpo7TZRRrLZSi2U
    assertThat(
            Multibase.encodeBase58Btc(
                "Hello World!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isEqualTo("z2NEpo7TZRRrLZSi2U");
  }

  @Test
  void rejectsCharactersOutsideTheAlphabetAndOtherBases() {
    assertThatThrownBy(() -> Multibase.decodeBase58Btc("z0OIl"))
        .hasMessageContaining("'0' is not a base58btc character");
    assertThatThrownBy(() -> Multibase.decodeBase58Btc("mAAAA"))
        .hasMessageContaining("starts with 'z'");
  }
}
