package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.badgesmith.testing.NodePackages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The theme's vendored jsonld.js is the npm package's own browser bundle, byte for byte, and its
 * licences come with it. Skips when node or npm is absent.
 */
class VendoredLibraryTest {
  private static final String VERSION = "9.0.0";

  @Test
  void theVendoredBundleIsJsonldsOwnDistFile() throws IOException {
    Optional<Path> node = NodePackages.install("target/node-jsonld", "jsonld@" + VERSION);
    assumeTrue(node.isPresent(), "skipped: node and npm are needed to fetch jsonld " + VERSION);
    Path dist = node.get().resolve("node_modules/jsonld/dist/jsonld.min.js");
    assertThat(resource("jsonld.min.js")).isEqualTo(Files.readAllBytes(dist));
    assertThat(
            Files.readString(
                node.get().resolve("node_modules/jsonld/package.json"), StandardCharsets.UTF_8))
        .contains("\"version\": \"" + VERSION + "\"");
  }

  @Test
  void itsLicencesAreBesideItUnderTheNameItsFirstLinePointsTo() throws IOException {
    String bundle = new String(resource("jsonld.min.js"), StandardCharsets.UTF_8);
    assertThat(bundle.lines().findFirst().orElseThrow())
        .isEqualTo("/*! For license information please see jsonld.min.js.LICENSE.txt */");
    String licences = new String(resource("jsonld.min.js.LICENSE.txt"), StandardCharsets.UTF_8);
    assertThat(licences)
        .contains("jsonld " + VERSION, "New BSD License (3-clause)", "Digital Bazaar")
        .contains("rdf-canonize", "Apache License", "core-js", "lru-cache", "setimmediate");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        VendoredLibraryTest.class
            .getClassLoader()
            .getResourceAsStream(PageRenderer.THEME + PageRenderer.VENDOR + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
