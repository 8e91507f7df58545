package dev.badgesmith.award;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.jackson.Jackson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes one award file, {@code awards/<badge>/<award>.yaml}: what a maintainer would write by
 * hand, so a pull request that adds it reads the same. It never replaces a file.
 */
public final class AwardWriter {
  static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final YAMLMapper YAML = Jackson.awardYaml();

  private AwardWriter() {}

  /**
   * An award file to write: its path, relative to the site folder, and its text.
   *
   * @param path {@code awards/<badge>/<award>.yaml}
   */
  public record AwardFile(String path, String text) {}

  /**
   * The file of a new award, not written yet.
   *
   * @throws BadgesmithException when the badge class does not exist, the id is not a slug, or the
   *     file exists
   */
  public static AwardFile file(Path site, AwardRequest request, SecureRandom random) {
    if (!Files.isRegularFile(site.resolve("badges").resolve(request.badgeId() + ".md"))) {
      throw new BadgesmithException(
          "no badge class '" + request.badgeId() + "' (badges/" + request.badgeId() + ".md)");
    }
    String id = request.awardId().orElseGet(() -> derivedId(site, request));
    if (!SLUG.matcher(id).matches()) {
      throw new BadgesmithException(
          "'" + id + "' is not a valid award id: lowercase letters, digits and '-'");
    }
    String path = "awards/" + request.badgeId() + "/" + id + ".yaml";
    if (Files.exists(site.resolve(path))) {
      throw new BadgesmithException(path + " exists already; choose another --id");
    }
    return new AwardFile(path, yaml(request, random));
  }

  /**
   * Writes the file of a new award, unchecked: for a new site, which is checked whole after.
   *
   * @return the new file, relative to the site folder
   * @throws BadgesmithException when the badge class does not exist, the id is not a slug, or the
   *     file exists
   */
  public static String write(Path site, AwardRequest request, SecureRandom random) {
    AwardFile award = file(site, request, random);
    Path file = site.resolve(award.path());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, award.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadgesmithException("cannot write " + award.path() + ": " + e.getMessage(), e);
    }
    return award.path();
  }

  static String yaml(AwardRequest request, SecureRandom random) {
    Map<String, Object> recipient = new LinkedHashMap<>();
    if (request.hash()) {
      String saltHex = randomSalt(random);
      recipient.put("hashed", IdentityHash.hash(normalised(request), saltHex));
      recipient.put("salt", saltHex);
      recipient.put("type", request.identityKey().equals("did") ? "id" : request.identityKey());
    } else {
      recipient.put(request.identityKey(), request.identity().strip());
    }
    request.name().ifPresent(n -> recipient.put("name", n));
    Map<String, Object> award = new LinkedHashMap<>();
    award.put("recipient", recipient);
    award.put("issuedOn", request.issuedOn().toString());
    request.narrative().ifPresent(n -> award.put("narrative", n));
    if (!request.evidence().isEmpty()) {
      award.put("evidence", request.evidence().stream().map(url -> Map.of("url", url)).toList());
    }
    if (request.hash()) {
      request.earner().ifPresent(key -> award.put("earner", key.value()));
    }
    try {
      return YAML.writeValueAsString(award);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of text always serialises", e);
    }
  }

  /** A new salt for an identity stored hashed: 32 hex digits, so it cannot be guessed. */
  static String randomSalt(SecureRandom random) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  /** The identity as the build hashes it: an address lower-cased, a number without spaces. */
  static String normalised(AwardRequest request) {
    String identity = request.identity().strip();
    return switch (request.identityKey()) {
      case "email" -> identity.toLowerCase(Locale.ROOT);
      case "telephone" -> identity.replaceAll("[\\s().-]", "");
      default -> identity;
    };
  }

  /** An id from the name, else the recipient; with -2, -3... when it is taken. */
  private static String derivedId(Path site, AwardRequest request) {
    String base =
        request
            .name()
            .map(AwardWriter::slug)
            .filter(s -> !s.isEmpty())
            .orElseGet(() -> request.hash() ? "award" : slug(localPart(request)));
    if (base.isEmpty()) {
      base = "award";
    }
    Path folder = site.resolve("awards").resolve(request.badgeId());
    String id = base;
    for (int n = 2; Files.exists(folder.resolve(id + ".yaml")); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private static String localPart(AwardRequest request) {
    return localPart(request.identityKey(), request.identity());
  }

  /** The part of an identity that makes a readable id: an address's local part, a URL's end. */
  static String localPart(String key, String identity) {
    int at = identity.indexOf('@');
    if (key.equals("email") && at > 0) {
      return identity.substring(0, at);
    }
    List<String> parts = List.of(identity.split("[/:]+"));
    return parts.isEmpty() ? "" : parts.get(parts.size() - 1);
  }

  static String slug(String text) {
    String ascii =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
