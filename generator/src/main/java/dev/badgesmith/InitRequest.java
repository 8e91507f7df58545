package dev.badgesmith;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A new badge site to make ({@link Badgesmith#init}); every setting left empty gets its default.
 *
 * @param site the new site's folder, new or empty
 * @param title the site's name (default: from the folder's name)
 * @param baseUrl the https:// address the site will be served at
 * @param issuerName the issuer's name (default: the title)
 * @param issuerUrl the issuer's home page (default: the base URL)
 * @param issuerEmail the issuer's contact address
 * @param signing also make an RS256 key and sign Open Badges 3.0 credentials with it
 * @param keyId with {@code signing}: the key's id
 * @param privateKeyFile with {@code signing}: where the private key goes, outside the site
 * @param badgesmithVersion the release the site's workflows run (default: this one's)
 * @param today the date of the example award
 * @param shards how many jobs the deploy workflow builds the site in (a GitHub Actions matrix of
 *     {@code build --shard K/N}, then {@code merge}); 1 for a single build job
 */
public record InitRequest(
    Path site,
    Optional<String> title,
    Optional<String> baseUrl,
    Optional<String> issuerName,
    Optional<String> issuerUrl,
    Optional<String> issuerEmail,
    boolean signing,
    Optional<String> keyId,
    Optional<Path> privateKeyFile,
    Optional<String> badgesmithVersion,
    LocalDate today,
    int shards) {
  public InitRequest {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(issuerName, "issuerName");
    Objects.requireNonNull(issuerUrl, "issuerUrl");
    Objects.requireNonNull(issuerEmail, "issuerEmail");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    Objects.requireNonNull(badgesmithVersion, "badgesmithVersion");
    Objects.requireNonNull(today, "today");
  }
}
