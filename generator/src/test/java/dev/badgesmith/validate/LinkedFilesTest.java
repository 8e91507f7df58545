package dev.badgesmith.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file the site names may not lead out of the site folder through a link. */
class LinkedFilesTest {

  @Test
  void aDesignOrPublicKeyThatLinksOutOfTheSiteIsRefused(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.unpack(
        site,
        """
        -- site.yaml
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          jwt: rsa-1
          keys:
            - id: rsa-1
              algorithm: RS256
        -- badges/intro.md
        ---
        name: Intro
        description: Took the intro.
        image: art/intro.svg
        ---
        """);
    Path outside = tmp.resolve("elsewhere");
    TestSites.write(outside.resolve("intro.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    TestSites.write(
        outside.resolve("rsa-1.pem"), "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n");
    Files.createDirectories(site.resolve("art"));
    Files.createSymbolicLink(site.resolve("art/intro.svg"), outside.resolve("intro.svg"));
    Files.createDirectories(site.resolve("keys"));
    Files.createSymbolicLink(site.resolve("keys/rsa-1.pem"), outside.resolve("rsa-1.pem"));

    assertThat(Badgesmith.builder().build().check(site).diagnostics())
        .extracting(Diagnostic::message)
        .contains(
            "the image 'art/intro.svg' is outside the site folder",
            "the public key 'keys/rsa-1.pem' is outside the site folder");
  }
}
