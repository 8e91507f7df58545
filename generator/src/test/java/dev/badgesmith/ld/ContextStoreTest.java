package dev.badgesmith.ld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextStoreTest {
  private static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  /** Every context a published document names, and its reference copy under the shared specs. */
  private static final Map<String, String> SHIPPED =
      Map.of(
          "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
          "clr/context-2.0.1.json",
          "https://www.w3.org/ns/credentials/v2",
          "w3c/credentials-v2.jsonld",
          OB3,
          "ob3/context-3.0.3.json",
          "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
          "ob3/extensions.json",
          "https://w3id.org/security/data-integrity/v2",
          "w3c/data-integrity-v2.jsonld",
          "https://w3id.org/security/multikey/v1",
          "w3c/multikey-v1.jsonld",
          "https://www.w3.org/ns/did/v1",
          "w3c/did-v1.jsonld",
          "https://w3id.org/openbadges/v2",
          "ob2/context.json");

  @Test
  void shipsEveryPinnedContextWithItsDigest() {
    ContextStore store = new ContextStore();

    for (String url : SHIPPED.keySet()) {
      assertThat(ContextStore.pinnedSha256(url))
          .as(url)
          .contains(ContextStore.sha256(store.bytes(url)));
      assertThat(store.context(url).getJsonContent()).as(url).isPresent();
    }
  }

  @Test
  void shipsTheReferenceCopiesUnaltered() throws IOException {
    Path spec = TestSites.spec();
    assumeTrue(
        Files.isDirectory(spec.resolve("w3c")),
        "skipped: the reference contexts are not at " + spec + " (../shared/spec is absent)");
    ContextStore store = new ContextStore();

    for (Map.Entry<String, String> shipped : SHIPPED.entrySet()) {
      assertThat(store.bytes(shipped.getKey()))
          .as(shipped.getKey())
          .isEqualTo(Files.readAllBytes(spec.resolve(shipped.getValue())));
    }
  }

  @Test
  void definesTheTypeOfCredentialSchemaInTheExtensionsContext() {
    String extensions =
        new String(
            new ContextStore().bytes("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"),
            java.nio.charset.StandardCharsets.UTF_8);

    assertThat(extensions).contains("\"1EdTechJsonSchemaValidator2019\"");
  }

  @Test
  void parsesEachContextOnce() {
    ContextStore store = new ContextStore();

    assertThat(store.context(OB3)).isSameAs(store.context(OB3));
  }

  @Test
  void refusesAContextItDoesNotShip() {
    ContextStore store = new ContextStore();

    assertThatThrownBy(() -> store.context("https://example.org/other-context.json"))
        .isInstanceOf(ContextException.class)
        .hasMessageContaining("never fetches a context")
        .hasMessageContaining(OB3);
  }
}
