package dev.badgesmith.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Dates;
import dev.badgesmith.load.Docs.EvidenceDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Docs.RevocationDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.load.RecipientIdentities;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an Open Badges assertion of version 2.0, 1.1 or 1.0 (see the notes on versions in the
 * README): the recipient as an IdentityObject or, in 1.0, a hash string with a {@code salt} beside
 * it; {@code issuedOn} or 1.0's {@code issued_on}, as ISO 8601 or Unix time; {@code verification}
 * or 1.x's {@code verify}; evidence as a URL, an Evidence object or a list of either.
 */
final class AssertionReader {
  private static final Pattern SHA256 = Pattern.compile("sha256\\$[0-9a-fA-F]{64}");
  private static final Pattern ANY_HASH = Pattern.compile("(sha256|sha1|md5)\\$[0-9a-fA-F]+");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,12}");
  private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-][0-9]{2})([0-9]{2})$");
  private static final List<String> TYPES = List.of("email", "url", "telephone", "id");

  private final JsonDocument doc;
  private final String base;
  private final Diagnostics d;

  private AssertionReader(JsonDocument doc, String base, Diagnostics d) {
    this.doc = doc;
    this.base = base;
    this.d = d;
  }

  /**
   * @param base the JSON Pointer of the assertion in the document: empty, or an item of a list
   */
  static Optional<ImportedAssertion> read(JsonDocument doc, String base, Diagnostics d) {
    return new AssertionReader(doc, base, d).read();
  }

  private JsonNode node(String pointer) {
    return doc.root().at(base + pointer);
  }

  private SourcePosition at(String pointer) {
    SourcePosition own = doc.position(base + pointer);
    return own.equals(SourcePosition.startOf(doc.source())) ? doc.position(base) : own;
  }

  private Optional<String> text(String pointer) {
    JsonNode n = node(pointer);
    return n.isTextual() && !n.asText().isBlank()
        ? Optional.of(n.asText().strip())
        : Optional.empty();
  }

  private Optional<ImportedAssertion> read() {
    JsonNode root = node("");
    SourcePosition start = at("");
    if (!root.isObject()) {
      d.add(
          Diagnostic.error(
              Code.NOT_AN_ASSERTION, start, "not an Open Badges assertion: not a JSON object"));
      return Optional.empty();
    }
    String context = context(root.path("@context"));
    if (types(root.path("type")).stream()
        .anyMatch(t -> t.equals("VerifiableCredential") || t.equals("OpenBadgeCredential"))) {
      d.add(
          Diagnostic.error(
                  Code.NOT_AN_ASSERTION,
                  start,
                  "an Open Badges 3.0 credential; only 1.x and 2.0 assertions are imported")
              .withHint("import the Open Badges 2.0 assertion of the same award, if it has one"));
      return Optional.empty();
    }
    if (root.path("revoked").asBoolean(false) && root.path("recipient").isMissingNode()) {
      d.add(
          Diagnostic.error(
                  Code.NOT_AN_ASSERTION,
                  start,
                  "this assertion is revoked, and its published form keeps no recipient or badge")
              .withHint("import the earner's baked image or an export of the assertion instead"));
      return Optional.empty();
    }
    if (root.path("recipient").isMissingNode() || root.path("badge").isMissingNode()) {
      d.add(
          Diagnostic.error(
                  Code.NOT_AN_ASSERTION,
                  start,
                  "not an Open Badges assertion: it has no "
                      + (root.path("recipient").isMissingNode() ? "'recipient'" : "'badge'"))
              .withHint(
                  "give an Open Badges 2.0 or 1.x assertion, as a JSON file, a URL or a baked image"));
      return Optional.empty();
    }
    String version =
        context.contains("/v2") || root.has("verification")
            ? "Open Badges 2.0"
            : context.contains("/v1") || root.path("recipient").isObject()
                ? "Open Badges 1.1"
                : "Open Badges 1.0";
    Optional<RecipientDoc> recipient = recipient(root);
    Optional<Located<String>> issuedOn =
        root.has("issuedOn") ? date("/issuedOn", true) : date("/issued_on", true);
    Optional<Located<String>> expires = date("/expires", false);
    List<EvidenceDoc> evidence = evidence();
    Optional<RevocationDoc> revoked = Optional.empty();
    if (root.path("revoked").asBoolean(false)) {
      revoked =
          Optional.of(
              new RevocationDoc(
                  text("/revocationReason").orElse("Revoked by the issuer"), Optional.empty()));
    }
    JsonNode badge = root.path("badge");
    Optional<String> badgeClassId = badge.isTextual() ? text("/badge") : text("/badge/id");
    Optional<String> badgeClassName = badge.isObject() ? text("/badge/name") : Optional.empty();
    Optional<String> id = text("/id").or(() -> text("/uid")).or(() -> text("/verify/url"));
    if (recipient.isEmpty() || issuedOn.isEmpty() || d.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(
        new ImportedAssertion(
            version,
            id,
            badgeClassId,
            badgeClassName,
            at("/badge"),
            start,
            recipient.get(),
            issuedOn.get(),
            expires,
            text("/narrative"),
            evidence,
            revoked));
  }

  private static String context(JsonNode context) {
    if (context.isArray()) {
      StringBuilder all = new StringBuilder();
      context.forEach(c -> all.append(c.isTextual() ? c.asText() : "").append(' '));
      return all.toString();
    }
    return context.asText("");
  }

  private static List<String> types(JsonNode type) {
    List<String> types = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type.isTextual()) {
      types.add(type.asText());
    }
    return types;
  }

  /**
   * The recipient: a hashed identity keeps its hash and salt; a plain one is checked as the build
   * checks a plain identity in an award file, and is hashed when written.
   */
  private Optional<RecipientDoc> recipient(JsonNode root) {
    JsonNode r = root.path("recipient");
    Optional<String> name = text("/extensions:recipientProfile/name");
    String type;
    String identity;
    boolean hashed;
    Optional<String> salt;
    String identityAt;
    if (r.isTextual()) {
      // Open Badges 1.0: the identity itself, a hash with the salt beside it, or an address.
      type = "email";
      identity = r.asText().strip();
      hashed = ANY_HASH.matcher(identity).matches();
      salt = text("/salt");
      identityAt = "/recipient";
    } else if (r.isObject()) {
      type = text("/recipient/type").orElse("email");
      identity = text("/recipient/identity").orElse("");
      JsonNode flag = r.path("hashed");
      hashed = flag.asBoolean(false) || flag.asText("").equalsIgnoreCase("true");
      salt = r.path("salt").isValueNode() ? Optional.of(r.path("salt").asText()) : Optional.empty();
      identityAt = "/recipient/identity";
      if (!TYPES.contains(type)) {
        d.add(
            Diagnostic.error(
                    Code.INVALID_VALUE,
                    at("/recipient/type"),
                    "unknown identity type '" + type + "'")
                .withHint("an IdentityObject's type is one of " + String.join(", ", TYPES)));
        return Optional.empty();
      }
    } else {
      d.add(
          Diagnostic.error(
              Code.WRONG_TYPE,
              at("/recipient"),
              "'recipient' must be an IdentityObject or, in Open Badges 1.0, a text"));
      return Optional.empty();
    }
    if (identity.isEmpty()) {
      d.add(Diagnostic.error(Code.MISSING_FIELD, at(identityAt), "the recipient has no identity"));
      return Optional.empty();
    }
    if (!hashed) {
      Located<String> plain = new Located<>(identity, at(identityAt));
      return RecipientIdentities.plain(type.equals("id") ? "did" : type, plain, name, d)
          .map(p -> new RecipientDoc(type, p.identity(), Optional.empty(), name));
    }
    if (!SHA256.matcher(identity).matches()) {
      String algorithm = identity.contains("$") ? identity.substring(0, identity.indexOf('$')) : "";
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  at(identityAt),
                  ANY_HASH.matcher(identity).matches()
                      ? "the identity is hashed with " + algorithm + ", which cannot be republished"
                      : "'" + identity + "' is not an identity hash")
              .withHint(
                  "Badgesmith publishes sha256$ hashes; without the plain identity, another hash"
                      + " cannot be made from it"));
      return Optional.empty();
    }
    if (salt.isEmpty() || salt.get().isEmpty()) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  at(identityAt),
                  "the hashed identity has no salt, which Badgesmith needs to publish it")
              .withHint(
                  "import the assertion with the identity as text, or award the badge anew with"
                      + " `badgesmith award --hash`"));
      return Optional.empty();
    }
    return Optional.of(new RecipientDoc(type, identity.toLowerCase(Locale.ROOT), salt, name));
  }

  /** A date as the site writes one: ISO 8601 text is kept; Unix time becomes UTC date-time. */
  private Optional<Located<String>> date(String pointer, boolean required) {
    JsonNode n = node(pointer);
    SourcePosition where = at(pointer);
    if (n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      if (required) {
        d.add(
            Diagnostic.error(
                Code.MISSING_FIELD, where, "the assertion has no '" + pointer.substring(1) + "'"));
      }
      return Optional.empty();
    }
    String text = n.asText().strip();
    if (n.isNumber() || NUMBER.matcher(text).matches()) {
      long seconds = n.isNumber() ? n.asLong() : Long.parseLong(text);
      return Optional.of(
          new Located<>(
              DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                  Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC)),
              where));
    }
    if (Dates.isDate(text)) {
      return Optional.of(new Located<>(text, where));
    }
    try {
      // Some issuers wrote offsets without a colon, such as +0000.
      String colon = COMPACT_OFFSET.matcher(text).replaceFirst("$1:$2");
      return Optional.of(
          new Located<>(
              DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(colon)), where));
    } catch (DateTimeParseException e) {
      d.add(
          Diagnostic.error(Code.INVALID_DATE, where, "'" + text + "' is not a date")
              .withHint("Open Badges dates are ISO 8601, such as 2016-12-31T23:59:59Z"));
      return Optional.empty();
    }
  }

  private List<EvidenceDoc> evidence() {
    JsonNode evidence = node("/evidence");
    List<String> pointers = new ArrayList<>();
    if (evidence.isArray()) {
      for (int i = 0; i < evidence.size(); i++) {
        pointers.add("/evidence/" + i);
      }
    } else if (!evidence.isMissingNode() && !evidence.isNull()) {
      pointers.add("/evidence");
    }
    List<EvidenceDoc> found = new ArrayList<>();
    for (String pointer : pointers) {
      JsonNode e = node(pointer);
      Optional<String> url = e.isTextual() ? text(pointer) : text(pointer + "/id");
      if (url.isPresent() && !url.get().matches("(?i)https?://\\S+")) {
        d.add(
            Diagnostic.warning(
                    Code.INVALID_URL,
                    at(e.isTextual() ? pointer : pointer + "/id"),
                    "evidence '" + url.get() + "' is not an http or https URL; it is left out")
                .withHint("award files link evidence by http or https URLs only"));
        url = Optional.empty();
      }
      EvidenceDoc doc =
          new EvidenceDoc(
              url,
              text(pointer + "/name"),
              text(pointer + "/description"),
              text(pointer + "/narrative"),
              text(pointer + "/genre"),
              text(pointer + "/audience"));
      if (url.isPresent()
          || doc.name().isPresent()
          || doc.narrative().isPresent()
          || doc.description().isPresent()) {
        found.add(doc);
      }
    }
    return found;
  }
}
