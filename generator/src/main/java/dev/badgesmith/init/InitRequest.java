package dev.badgesmith.init;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.sign.PrivateKeys;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code badgesmith init} makes: a new badge site in {@code site}, with the settings the user
 * gave and sensible defaults for the rest. Made by {@link #builder(Path)}.
 *
 * @param issuerId the issuer's file name, a slug of its name
 * @param signing a key to generate, with where its private half goes (outside the site)
 * @param today the date of the example award; time is an input, never read from a clock here
 * @param badgesmith the Badgesmith the site's workflows run
 * @param shards how many jobs the deploy workflow builds the site in, merged by one more; 1 for a
 *     single build job
 */
public record InitRequest(
    Path site,
    String title,
    String baseUrl,
    String issuerId,
    String issuerName,
    String issuerUrl,
    String issuerEmail,
    Optional<Signing> signing,
    LocalDate today,
    BadgesmithPin badgesmith,
    int shards) {
  /** More jobs than GitHub runs at once for a free account gain nothing. */
  public static final int MAX_SHARDS = 20;

  /** The key {@code init --signing} makes: RS256, for VC-JWTs. */
  public record Signing(String keyId, Path privateKeyFile) {
    public Signing {
      PrivateKeys.requireKeyId(keyId);
      Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    }

    /** {@code BADGESMITH_KEY_<ID>}, where CI passes the private key. */
    public String environmentVariable() {
      return PrivateKeys.environmentVariable(keyId);
    }
  }

  public InitRequest {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(issuerId, "issuerId");
    Objects.requireNonNull(issuerName, "issuerName");
    Objects.requireNonNull(issuerUrl, "issuerUrl");
    Objects.requireNonNull(issuerEmail, "issuerEmail");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(badgesmith, "badgesmith");
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new BadgesmithException("--shards must be from 1 to " + MAX_SHARDS + ", not " + shards);
    }
  }

  public static Builder builder(Path site) {
    return new Builder(site);
  }

  /** A lower-case slug of a text: letters and digits, runs of anything else as one '-'. */
  static String slug(String text) {
    String ascii =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /** Options as given; every one left unset gets its default in {@link #build()}. */
  public static final class Builder {
    /** The key id of {@code --signing} when none is given. */
    public static final String DEFAULT_KEY_ID = "rsa-1";

    private final Path site;
    private String title;
    private String baseUrl;
    private String issuerName;
    private String issuerUrl;
    private String issuerEmail;
    private boolean signing;
    private String keyId;
    private Path privateKeyFile;
    private LocalDate today;
    private String badgesmithVersion;
    private int shards = 1;

    private Builder(Path site) {
      this.site = Objects.requireNonNull(site, "site").toAbsolutePath().normalize();
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder issuerName(String issuerName) {
      this.issuerName = issuerName;
      return this;
    }

    public Builder issuerUrl(String issuerUrl) {
      this.issuerUrl = issuerUrl;
      return this;
    }

    public Builder issuerEmail(String issuerEmail) {
      this.issuerEmail = issuerEmail;
      return this;
    }

    /** Generates a signing key; without a file, its private half goes beside the site. */
    public Builder signing(boolean signing) {
      this.signing = signing;
      return this;
    }

    public Builder keyId(String keyId) {
      this.keyId = keyId;
      return this;
    }

    public Builder privateKeyFile(Path privateKeyFile) {
      this.privateKeyFile = privateKeyFile;
      return this;
    }

    public Builder today(LocalDate today) {
      this.today = today;
      return this;
    }

    /** The release the workflows run, {@code 1.2.3}; by default the running one's. */
    public Builder badgesmithVersion(String badgesmithVersion) {
      this.badgesmithVersion = badgesmithVersion;
      return this;
    }

    /** How many jobs the deploy workflow builds the site in; 1 by default. */
    public Builder shards(int shards) {
      this.shards = shards;
      return this;
    }

    /**
     * @throws BadgesmithException for options that cannot make a site: a key option without {@code
     *     --signing}, an issuer name with no letter or digit, a version that is no release, or none
     *     when the running Badgesmith is a development build that recorded no commit
     */
    public InitRequest build() {
      String folder = site.getFileName() == null ? "" : site.getFileName().toString();
      String folderSlug = slug(folder).isEmpty() ? "badges" : slug(folder);
      String siteTitle = given(title).orElseGet(() -> titleOf(folderSlug));
      String url = given(baseUrl).orElse("https://example.github.io/" + folderSlug + "/");
      String issuer = given(issuerName).orElse(siteTitle);
      String issuerSlug = slug(issuer);
      if (issuerSlug.isEmpty()) {
        throw new BadgesmithException(
            "the issuer name '" + issuer + "' has no letter or digit to name its file after");
      }
      if (!signing && (keyId != null || privateKeyFile != null)) {
        throw new BadgesmithException("--key-id and --private-key go with --signing");
      }
      Optional<Signing> key = Optional.empty();
      if (signing) {
        String id = given(keyId).orElse(DEFAULT_KEY_ID);
        Path file =
            privateKeyFile != null
                ? privateKeyFile.toAbsolutePath().normalize()
                : site.resolveSibling(folderSlug + "-keys")
                    .resolve(PrivateKeys.requireKeyId(id) + ".pem");
        key = Optional.of(new Signing(id, file));
      }
      return new InitRequest(
          site,
          siteTitle,
          url,
          issuerSlug,
          issuer,
          given(issuerUrl).orElse(url),
          given(issuerEmail).orElse("badges@example.org"),
          key,
          Objects.requireNonNull(today, "today"),
          given(badgesmithVersion).map(BadgesmithPin::release).orElseGet(BadgesmithPin::running),
          shards);
    }

    private static Optional<String> given(String value) {
      return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** "my-badges" gives "My Badges". */
    private static String titleOf(String slug) {
      StringBuilder title = new StringBuilder();
      for (String word : slug.split("-")) {
        if (!title.isEmpty()) {
          title.append(' ');
        }
        title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
      return title.toString();
    }
  }
}
