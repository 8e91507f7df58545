package dev.badgesmith.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EarnerKeyTest {
  private static final String SECRET = "correct horse battery staple";

  @Test
  void emailAddressesAreTrimmedAndLowerCased() {
    assertThat(Identities.normalise("email", "  Ada.Lovelace@Example.ORG\n"))
        .contains("ada.lovelace@example.org");
    assertThat(Identities.normalise("email", "no-at-sign")).isEmpty();
    assertThat(Identities.normalise("email", "a@b@c")).isEmpty();
    assertThat(Identities.normalise("email", "@example.org")).isEmpty();
  }

  @Test
  void urlsAreNormalisedOnlyAsFarAsRfc3986Guarantees() {
    assertThat(Identities.normalise("url", "HTTPS://Ada.Example.ORG:443"))
        .contains("https://ada.example.org/");
    assertThat(Identities.normalise("url", "http://ada.example.org:80/a/./b/../c"))
        .contains("http://ada.example.org/a/c");
    assertThat(Identities.normalise("url", "https://ada.example.org:8443/%7eada/%c3%a9?q=%2f#x"))
        .contains("https://ada.example.org:8443/~ada/%C3%A9?q=%2F#x");
    // Different pages, for all a generic rule can know.
    assertThat(Identities.normalise("url", "https://ada.example.org/me/"))
        .isNotEqualTo(Identities.normalise("url", "https://ada.example.org/me"));
    assertThat(Identities.normalise("url", "http://ada.example.org/"))
        .isNotEqualTo(Identities.normalise("url", "https://ada.example.org/"));
    assertThat(Identities.normalise("url", "/relative/path")).isEmpty();
    assertThat(Identities.normalise("url", "mailto:ada@example.org")).isEmpty();
    assertThat(Identities.normalise("url", "https://exa mple.org/")).isEmpty();
  }

  @Test
  void telephoneNumbersAreE164() {
    assertThat(Identities.normalise("telephone", "+44 (20) 7946-0958")).contains("+442079460958");
    assertThat(Identities.normalise("telephone", "+1.555.010.9999")).contains("+15550109999");
    assertThat(Identities.normalise("telephone", "020 7946 0958")).isEmpty();
    assertThat(Identities.normalise("telephone", "+0123")).isEmpty();
    assertThat(Identities.normalise("telephone", "+1234567890123456")).isEmpty();
  }

  @Test
  void didsAreKeptAsWritten() {
    assertThat(Identities.normalise("id", "did:web:Ada.Example")).contains("did:web:Ada.Example");
    assertThat(EarnerKey.plain("did", "did:key:z6Mk")).contains(new EarnerKey("id:did:key:z6Mk"));
    assertThat(Identities.normalise("id", "did:web: spaced")).isEmpty();
    assertThat(Identities.normalise("fax", "123")).isEmpty();
  }

  @Test
  void plainKeysNameTheTypeSoEqualTextOfTwoTypesDiffers() {
    assertThat(EarnerKey.plain("email", "Ada@Example.org"))
        .contains(new EarnerKey("email:ada@example.org"));
    assertThat(EarnerKey.plain("url", "https://x.example/"))
        .isNotEqualTo(EarnerKey.plain("id", "https://x.example/"));
  }

  @Test
  void keyedKeysMatchAcrossSpellingsAndDifferBySecret() {
    EarnerKey one = EarnerKey.keyed(SECRET, "email", "Ada@Example.org ").orElseThrow();
    EarnerKey two = EarnerKey.keyed(SECRET, "email", "ada@example.org").orElseThrow();
    assertThat(one).isEqualTo(two);
    assertThat(one.value()).matches("hmac-sha256:[0-9a-f]{64}").doesNotContain("ada");
    assertThat(one.isKeyed()).isTrue();
    assertThat(EarnerKey.keyed("another secret", "email", "ada@example.org"))
        .isNotEqualTo(Optional.of(one));
    assertThat(EarnerKey.keyed(SECRET, "url", "ada@example.org")).isEmpty();
    assertThat(EarnerKey.stored(one.value())).contains(one);
    assertThat(EarnerKey.stored("sha256$" + "0".repeat(64))).isEmpty();
  }

  @Test
  void aKeyedKeyIsAnHmacUnderAKeyDerivedFromTheSecret() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes("UTF-8"), "HmacSHA256"));
    byte[] derived = mac.doFinal("badgesmith earner key v1".getBytes("UTF-8"));
    mac.init(new javax.crypto.spec.SecretKeySpec(derived, "HmacSHA256"));
    String expected =
        java.util.HexFormat.of().formatHex(mac.doFinal("email:ada@example.org".getBytes("UTF-8")));
    assertThat(EarnerKey.keyed(SECRET, "email", "ada@example.org"))
        .contains(new EarnerKey("hmac-sha256:" + expected));
  }

  @Test
  void theMachinesKeyIsKeyedOnlyWithASecret() {
    assertThat(EarnerKey.of(Optional.empty(), "email", "Ada@example.org"))
        .contains(new EarnerKey("email:ada@example.org"));
    assertThat(EarnerKey.of(Optional.of(""), "email", "Ada@example.org"))
        .contains(new EarnerKey("email:ada@example.org"));
    assertThat(EarnerKey.of(Optional.of(SECRET), "email", "Ada@example.org"))
        .isEqualTo(EarnerKey.keyed(SECRET, "email", "ada@example.org"));
    assertThatThrownBy(() -> EarnerKey.keyed("", "email", "a@b.c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAwardWithoutAKnownEarnerIsAnEarnerOfItsOwn() {
    EarnerKey key = EarnerKey.ofAward("mentor", "ada");
    assertThat(key.value()).isEqualTo("award:mentor/ada");
    assertThat(key.isAwardOnly()).isTrue();
    assertThat(key.isKeyed()).isFalse();
  }

  @Test
  void aKnownAddressFindsItsSaltedHashes() {
    // The spec's example: a@example.com with the salt Kosher.
    String hash = "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399";
    assertThat(Identities.hashMatches("email", "a@example.com", hash, "Kosher")).isTrue();
    assertThat(Identities.hashMatches("email", " A@Example.com", hash, "Kosher")).isTrue();
    assertThat(Identities.hashMatches("email", "a@example.com", hash.toUpperCase(), "Kosher"))
        .isTrue();
    assertThat(Identities.hashMatches("email", "b@example.com", hash, "Kosher")).isFalse();
    assertThat(Identities.hashMatches("email", "a@example.com", hash, "Kosher2")).isFalse();
    assertThat(Identities.hashMatches("email", "a@example.com", "md5$abc", "Kosher")).isFalse();
    String phone = dev.badgesmith.hash.IdentityHash.hash("+442079460958", "s");
    assertThat(Identities.hashMatches("telephone", "+44 20 7946 0958", phone, "s")).isTrue();
  }
}
