package dev.badgesmith;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A signing key pair made for a site by {@link Badgesmith#keygen}.
 *
 * @param algorithm {@code RS256}, {@code ES256} or {@code Ed25519}
 * @param publicKeyFile the public key, written into the site's keys folder
 * @param privateKeyPem the private key, when it was asked for rather than written to a file
 * @param variable the environment variable that gives a build the private key
 */
public record GeneratedKey(
    String algorithm, Path publicKeyFile, Optional<String> privateKeyPem, String variable) {
  public GeneratedKey {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(publicKeyFile, "publicKeyFile");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    Objects.requireNonNull(variable, "variable");
  }
}
