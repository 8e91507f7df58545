package dev.badgesmith.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.testing.TestSites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolversTest {
  @Test
  void didWebNamesItsDocumentAndSite() {
    assertThat(DidWeb.documentUrl("did:web:alice.github.io:badges#key-1"))
        .isEqualTo("https://alice.github.io/badges/did.json");
    assertThat(DidWeb.documentUrl("did:web:badges.example.org"))
        .isEqualTo("https://badges.example.org/.well-known/did.json");
    assertThat(DidWeb.documentUrl("did:web:localhost%3A8443:a:b"))
        .isEqualTo("https://localhost:8443/a/b/did.json");
    assertThat(DidWeb.siteUrl("did:web:badges.example.org"))
        .isEqualTo("https://badges.example.org/");
    assertThat(DidWeb.siteUrl("did:web:alice.github.io:badges"))
        .isEqualTo("https://alice.github.io/badges/");
  }

  @Test
  void theSiteFolderAnswersOnlyForItsOwnUrls(@TempDir Path tmp) throws Exception {
    Path site =
        TestSites.unpack(
            tmp.resolve("out"),
            """
            -- manifest.json
            {"generator":"Badgesmith","baseUrl":"https://badges.example.org/"}
            -- .well-known/did.json
            {"id":"did:web:badges.example.org"}
            -- keys/k.json
            {}
            """);
    TestSites.write(tmp.resolve("secret.json"), "{}");
    SiteFolderResolver resolver = new SiteFolderResolver(site);

    assertThat(resolver.fetch("https://badges.example.org/keys/k.json#frag")).isNotEmpty();
    assertThat(new String(resolver.fetch("did:web:badges.example.org#key-1")))
        .contains("did:web:badges.example.org");
    assertThatThrownBy(() -> resolver.fetch("https://badges.example.org/../secret.json"))
        .extracting(e -> ((ResolveException) e).reason())
        .isEqualTo(ResolveException.Reason.OUT_OF_REACH);
    assertThatThrownBy(() -> resolver.fetch("https://other.example.org/keys/k.json"))
        .extracting(e -> ((ResolveException) e).reason())
        .isEqualTo(ResolveException.Reason.OUT_OF_REACH);
    assertThatThrownBy(() -> resolver.fetch("https://badges.example.org/keys/gone.json"))
        .extracting(e -> ((ResolveException) e).reason())
        .isEqualTo(ResolveException.Reason.NOT_FOUND);
  }

  @Test
  void aFolderWithoutAManifestIsNoBuiltSite(@TempDir Path tmp) {
    assertThatThrownBy(() -> new SiteFolderResolver(tmp))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("no manifest.json");
  }
}
