package dev.badgesmith.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The key rotation the README describes, done to a copy of the example site: new keys from {@code
 * day}, the old ones ending that day and kept listed, signing switched to the new ones.
 */
public final class KeyRotation {
  public static final String NEW_RSA = "guild-rsa-2027";
  public static final String NEW_ED = "guild-ed-2027";

  private KeyRotation() {}

  /**
   * Rotates the example site's keys in {@code site}; the new private keys go to {@code keys}, a
   * folder that then holds nothing else.
   */
  public static void rotate(Path site, Path keys, String day) {
    try {
      Files.createDirectories(keys);
      for (String id : new String[] {NEW_RSA, NEW_ED}) {
        var pair =
            KeyGenerator.generate(id.equals(NEW_RSA) ? KeyAlgorithm.RS256 : KeyAlgorithm.Ed25519);
        Files.writeString(site.resolve("keys/" + id + ".pem"), pair.publicKeyPem());
        Files.writeString(keys.resolve(id + ".pem"), pair.privateKeyPem());
      }
      String yaml = Files.readString(site.resolve("site.yaml"));
      String rotated =
          yaml.replace("jwt: guild-rsa-2026", "jwt: " + NEW_RSA)
              .replace("dataIntegrity: guild-ed-2026", "dataIntegrity: " + NEW_ED)
              .replaceAll("(?m)^(      validFrom: 2024-06-01)$", "$1\n      validUntil: " + day)
              .replace(
                  "  keys:\n",
                  "  keys:\n"
                      + ("    - id: " + NEW_RSA + "\n      algorithm: RS256\n")
                      + ("      validFrom: " + day + "\n")
                      + ("    - id: " + NEW_ED + "\n      algorithm: Ed25519\n")
                      + ("      validFrom: " + day + "\n"));
      assertThat(rotated).contains("validUntil: " + day).contains(NEW_ED).contains(NEW_RSA);
      Files.writeString(site.resolve("site.yaml"), rotated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
