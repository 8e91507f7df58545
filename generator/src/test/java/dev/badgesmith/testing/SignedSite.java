package dev.badgesmith.testing;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The minimal site with a second award, signed with did:web (a VC-JWT key and an Ed25519 key for
 * embedded proofs), its private keys made anew and kept in an environment beside it.
 */
public record SignedSite(Path folder, Map<String, String> environment) {
  public static SignedSite unpack(Path dir) {
    Path site = TestSites.unpack(dir, TestSites.MINIMAL);
    TestSites.unpack(
        site,
        """
        -- site.yaml
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          issuerId: did
          jwt: rsa-1
          dataIntegrity: ed-1
          keys:
            - id: rsa-1
              algorithm: RS256
            - id: ed-1
              algorithm: Ed25519
        -- awards/intro/ada.yaml
        recipient:
          email: ada@example.org
        issuedOn: 2024-01-10
        """);
    Map<String, String> environment = new HashMap<>();
    for (var key : Map.of("rsa-1", KeyAlgorithm.RS256, "ed-1", KeyAlgorithm.Ed25519).entrySet()) {
      var pair = KeyGenerator.generate(key.getValue());
      TestSites.write(site.resolve("keys/" + key.getKey() + ".pem"), pair.publicKeyPem());
      environment.put(PrivateKeys.environmentVariable(key.getKey()), pair.privateKeyPem());
    }
    return new SignedSite(site, Map.copyOf(environment));
  }

  /** A generator that holds the site's private keys. */
  public Badgesmith.Builder generator() {
    return Badgesmith.builder().environment(environment);
  }

  /**
   * Builds the site into {@code out} as it would be deployed at {@code origin} (its path kept),
   * with no diagnostic.
   */
  public void buildAt(URI origin, Path out) {
    Report report = generator().previewOrigin(origin).build().build(folder, out);
    if (!report.diagnostics().isEmpty()) {
      throw new AssertionError("the signed site has diagnostics: " + report.diagnostics());
    }
  }
}
