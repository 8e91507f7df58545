package dev.badgesmith;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The site {@link Badgesmith#init} made.
 *
 * @param files every file written into the site, relative to it, in order
 * @param badgesmith the Badgesmith its workflows run, in words
 * @param badgesmithRef the ref of the Badgesmith GitHub Action its workflows use
 * @param signing the key made, when asked for
 */
public record InitResult(
    Path site,
    List<String> files,
    String badgesmith,
    String badgesmithRef,
    Optional<Signing> signing) {
  public InitResult {
    Objects.requireNonNull(site, "site");
    files = List.copyOf(files);
    Objects.requireNonNull(badgesmith, "badgesmith");
    Objects.requireNonNull(badgesmithRef, "badgesmithRef");
    Objects.requireNonNull(signing, "signing");
  }

  /**
   * The signing key made for the site.
   *
   * @param privateKeyFile where its private half was written, outside the site
   * @param environmentVariable where a build reads the private key, {@code BADGESMITH_KEY_<ID>}
   */
  public record Signing(Path privateKeyFile, String environmentVariable) {
    public Signing {
      Objects.requireNonNull(privateKeyFile, "privateKeyFile");
      Objects.requireNonNull(environmentVariable, "environmentVariable");
    }
  }
}
