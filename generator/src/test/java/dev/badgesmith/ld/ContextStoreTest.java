package dev.badgesmith.ld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContextStoreTest {
  private static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  @Test
  void shipsEveryPinnedContextWithItsDigest() {
    ContextStore store = new ContextStore();

    for (ContextStore.PinnedContext pin : ContextStore.pinned()) {
      assertThat(ContextStore.sha256(store.bytes(pin.url()))).as(pin.url()).isEqualTo(pin.sha256());
      assertThat(store.context(pin.url()).getJsonContent()).as(pin.url()).isPresent();
    }
  }

  @Test
  void shipsTheReferenceCopiesUnaltered() throws IOException {
    Path spec = TestSites.spec();
    assumeTrue(
        Files.isDirectory(spec.resolve("w3c")),
        "skipped: the reference contexts are not at " + spec + " (../shared/spec is absent)");
    ContextStore store = new ContextStore();

    for (ContextStore.PinnedContext pin : ContextStore.pinned()) {
      assertThat(store.bytes(pin.url()))
          .as(pin.url())
          .isEqualTo(Files.readAllBytes(spec.resolve(pin.file())));
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
