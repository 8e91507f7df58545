package dev.badgesmith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.testing.TestSites;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewOriginTest {

  @Test
  void movesEveryUrlToTheOriginAndKeepsTheBaseUrlsPath(@TempDir Path tmp) throws Exception {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);

    Report report =
        Badgesmith.builder()
            .threads(1)
            .previewOrigin(URI.create("http://127.0.0.1:4000"))
            .build()
            .build(site, tmp.resolve("out"));

    assertThat(report.hasErrors()).isFalse();
    assertThat(Files.readString(tmp.resolve("out/manifest.json")))
        .contains("\"baseUrl\": \"http://127.0.0.1:4000/guild/\"");
    assertThat(TestSites.read(tmp.resolve("out")))
        .allSatisfy(
            (path, bytes) ->
                assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(path)
                    .doesNotContain("badges.example.org"));
  }

  @Test
  void aLockedSiteIsHeldToItsRealUrlsNotThePreviews(@TempDir Path tmp) throws Exception {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    assertThat(Badgesmith.builder().build().lock(site).hasErrors()).isFalse();
    assertThat(site.resolve("published.lock")).exists();

    Report report =
        Badgesmith.builder()
            .previewOrigin(URI.create("http://127.0.0.1:4000"))
            .build()
            .build(site, tmp.resolve("out"));

    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    assertThat(report.lock().orElseThrow().altered()).isEmpty();
  }

  @Test
  void acceptsOnlyAnOrigin() {
    assertThatThrownBy(() -> Badgesmith.builder().previewOrigin(URI.create("http://127.0.0.1/x/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an origin");
  }
}
