package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.Docs.RecipientDoc;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A recipient's identity as a record writes it: exactly one of an e-mail address, URL, telephone
 * number or DID in plain form, or a hash with its salt. Shared by YAML award files, CSV rows and
 * imported assertions.
 */
public final class RecipientIdentities {
  private static final Pattern TELEPHONE = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:[A-Za-z0-9._:%-]+");
  private static final Pattern HASH = Pattern.compile("sha256\\$[0-9a-fA-F]{64}");

  private RecipientIdentities() {}

  static Optional<RecipientDoc> recipient(MapReader r, Diagnostics d) {
    List<String> given = SiteKeys.IDENTITY_KEYS.stream().filter(r::has).toList();
    if (given.size() != 1) {
      Diagnostic problem =
          Diagnostic.error(
              Code.RECIPIENT_IDENTITY,
              given.size() > 1 ? r.keyAt(given.get(1)) : r.at(),
              given.isEmpty()
                  ? "a recipient needs one identity"
                  : "a recipient has one identity, found " + String.join(" and ", given));
      d.add(
          problem.withHint("give exactly one of email, url, telephone, did, or hashed with salt"));
      return Optional.empty();
    }
    String key = given.get(0);
    Optional<String> name = r.text("name").map(Located::value);
    if (!key.equals("hashed")) {
      for (String onlyHashed : List.of("salt", "type")) {
        if (r.has(onlyHashed)) {
          d.add(
              Diagnostic.error(
                      Code.RECIPIENT_IDENTITY,
                      r.keyAt(onlyHashed),
                      "'" + onlyHashed + "' goes only with a 'hashed' identity")
                  .withHint("remove it; the salt of a plain identity is derived at build time"));
          return Optional.empty();
        }
      }
    }
    Optional<Located<String>> value = r.requiredText(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (key.equals("hashed")) {
      return hashed(r, value.get(), name, d);
    }
    return plain(key, value.get(), name, d);
  }

  /**
   * A plain identity, checked and normalised as the build hashes it: an e-mail address lower-cased,
   * a telephone number without spaces. Shared by YAML award files, CSV rows and imported
   * assertions.
   *
   * @param key {@code email}, {@code url}, {@code telephone} or {@code did}
   */
  public static Optional<RecipientDoc> plain(
      String key, Located<String> v, Optional<String> name, Diagnostics d) {
    switch (key) {
      case "email" -> {
        return ValueChecks.email(v, d)
            ? Optional.of(
                new RecipientDoc(
                    "email", v.value().toLowerCase(Locale.ROOT), Optional.empty(), name))
            : Optional.empty();
      }
      case "url" -> {
        return ValueChecks.httpUrl(v, d)
            ? Optional.of(new RecipientDoc("url", v.value(), Optional.empty(), name))
            : Optional.empty();
      }
      case "telephone" -> {
        String number = v.value().replaceAll("[\\s().-]", "");
        if (!TELEPHONE.matcher(number).matches()) {
          d.add(
              Diagnostic.error(
                      Code.INVALID_VALUE, v.at(), "'" + v.value() + "' is not a telephone number")
                  .withHint("write it in international form, such as +441234567890"));
          return Optional.empty();
        }
        return Optional.of(new RecipientDoc("telephone", number, Optional.empty(), name));
      }
      case "did" -> {
        if (!DID.matcher(v.value()).matches()) {
          d.add(
              Diagnostic.error(Code.INVALID_VALUE, v.at(), "'" + v.value() + "' is not a DID")
                  .withHint("a DID looks like did:web:example.org"));
          return Optional.empty();
        }
        return Optional.of(new RecipientDoc("id", v.value(), Optional.empty(), name));
      }
      default -> throw new IllegalArgumentException("not a plain identity: " + key);
    }
  }

  private static Optional<RecipientDoc> hashed(
      MapReader r, Located<String> hash, Optional<String> name, Diagnostics d) {
    if (!hashFormat(hash, d)) {
      return Optional.empty();
    }
    return hashedIdentity(hash, r.requiredText("salt"), r.text("type"), name, d);
  }

  static boolean hashFormat(Located<String> hash, Diagnostics d) {
    if (HASH.matcher(hash.value()).matches()) {
      return true;
    }
    d.add(
        Diagnostic.error(
                Code.INVALID_VALUE, hash.at(), "'hashed' must be sha256$ and 64 hex digits")
            .withHint("run `badgesmith award --hash` or compute sha256(identity + salt)"));
    return false;
  }

  /** A hashed identity whose hash has the right form; the salt's absence is reported already. */
  static Optional<RecipientDoc> hashedIdentity(
      Located<String> hash,
      Optional<Located<String>> salt,
      Optional<Located<String>> type,
      Optional<String> name,
      Diagnostics d) {
    List<String> types = List.of("email", "url", "telephone", "id");
    if (type.isPresent() && !types.contains(type.get().value())) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  type.get().at(),
                  "unknown identity type '" + type.get().value() + "'")
              .withHint("the type of a hashed identity is one of " + String.join(", ", types)));
      return Optional.empty();
    }
    return salt.map(
        s ->
            new RecipientDoc(
                type.map(Located::value).orElse("email"),
                hash.value().toLowerCase(Locale.ROOT),
                Optional.of(s.value()),
                name));
  }
}
