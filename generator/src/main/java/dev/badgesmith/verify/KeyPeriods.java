package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.verify.Check.Step;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validity periods a Badgesmith site gives its keys ({@code validFrom}, {@code validUntil} and
 * {@code revoked} in {@code site.yaml}), read where the site publishes them: {@code
 * verify/data.js}, the data of its verify page. No standard key document says when a key may sign
 * (the {@code expires} and {@code revoked} of Controlled Identifiers say when proofs may no longer
 * be verified, which would undo a key rotation), so the command reads the site's own statement, as
 * the page does, and applies the page's rule: a badge verifies when its key was valid at the time
 * it was signed, however long ago that was, and a revoked key verifies nothing.
 */
final class KeyPeriods {
  private static final String DATA = "verify/data.js";

  /** A key's period as the site writes it; either end may be open. */
  record Period(String id, Optional<String> from, Optional<String> until, boolean revoked) {
    String describe() {
      return (from.map(f -> "from " + f).orElse("from the start"))
          + until.map(u -> " until " + u).orElse(", with no end");
    }
  }

  private final Documents documents;
  private final Map<String, Optional<JsonNode>> sites = new ConcurrentHashMap<>();

  KeyPeriods(Documents documents) {
    this.documents = documents;
  }

  /**
   * Whether the key was valid when it signed: passes (saying so) or fails; passes with a note when
   * the key's site publishes no periods (a site not built by Badgesmith).
   *
   * @param key the key's name as the badge gives it (a DID URL, or an https URL under {@code
   *     keys/})
   * @param signed when the badge says it was signed
   * @param what the member that said so ({@code proof created}, {@code validFrom}, {@code
   *     issuedOn})
   * @param controls the first half of the step's message: who controls the key, already checked
   */
  Check check(String key, Optional<String> signed, String what, String controls) {
    return check(key, signed, what, controls, false);
  }

  /**
   * As {@link #check}, for a signature that says not when it was made (an Open Badges 2.0 JWS): it
   * was made no earlier than the badge's date, so only a date at or after the key's end fails. A
   * date before the key's start is what a key rotation gives, when the new key signs every earlier
   * badge again.
   */
  Check checkUndated(String key, Optional<String> dated, String what, String controls) {
    return check(key, dated, what, controls, true);
  }

  private Check check(
      String key, Optional<String> signed, String what, String controls, boolean undated) {
    Optional<Period> period = period(key);
    if (period.isEmpty()) {
      return Check.passed(
          Step.ISSUER_AND_KEY, controls + "; its site publishes no validity period for it");
    }
    Period p = period.get();
    if (p.revoked()) {
      return Check.failed(Step.ISSUER_AND_KEY, "the key " + key + " is revoked by its site");
    }
    Instant at;
    try {
      at = Documents.instant(signed.orElse(""));
    } catch (DateTimeParseException e) {
      return Check.failed(
          Step.ISSUER_AND_KEY,
          "cannot tell when it was signed: its "
              + what
              + " is "
              + signed.map(s -> "'" + s + "', not a date").orElse("missing"));
    }
    String when = what + " " + signed.orElseThrow();
    Optional<Instant> from;
    Optional<Instant> until;
    try {
      from = p.from().map(Documents::instant);
      until = p.until().map(Documents::instant);
    } catch (DateTimeParseException e) {
      return Check.failed(
          Step.ISSUER_AND_KEY,
          "the validity period its site gives the key "
              + p.id()
              + " is not a date: "
              + p.describe());
    }
    if (from.isPresent() && at.isBefore(from.get()) && undated) {
      return Check.passed(
          Step.ISSUER_AND_KEY,
          controls
              + ", valid "
              + p.describe()
              + "; the JWS says not when it was signed, and its "
              + when
              + " predates the key: signed again after a key rotation");
    }
    if (from.isPresent() && at.isBefore(from.get())) {
      return Check.failed(
          Step.ISSUER_AND_KEY,
          "signed ("
              + when
              + ") before the key "
              + p.id()
              + " was valid: it is valid "
              + p.describe());
    }
    if (until.isPresent() && !at.isBefore(until.get())) {
      return Check.failed(
          Step.ISSUER_AND_KEY,
          "signed ("
              + when
              + ") after the key "
              + p.id()
              + " expired: it is valid "
              + p.describe());
    }
    return Check.passed(
        Step.ISSUER_AND_KEY, controls + ", valid when it signed (" + when + "): " + p.describe());
  }

  /** The period the key's site gives it, if that site publishes verify data naming it. */
  Optional<Period> period(String key) {
    Optional<String> site = siteOf(key);
    if (site.isEmpty()) {
      return Optional.empty();
    }
    Optional<JsonNode> data = sites.computeIfAbsent(site.get(), this::load);
    if (data.isEmpty()) {
      return Optional.empty();
    }
    for (String list : new String[] {"keys", "revokedKeys"}) {
      for (JsonNode entry : data.get().path(list)) {
        if (Documents.strings(entry.get("names")).contains(key)) {
          return Optional.of(
              new Period(
                  entry.path("id").asText(key),
                  Documents.text(entry, "validFrom"),
                  Documents.text(entry, "validUntil"),
                  list.equals("revokedKeys")));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The folder of the site that publishes a key: a did:web's, or the one above an https key's
   * {@code keys/} folder, where Badgesmith puts key documents.
   */
  static Optional<String> siteOf(String key) {
    if (DidWeb.isDidWeb(key)) {
      return Optional.of(DidWeb.siteUrl(DidWeb.withoutFragment(key)));
    }
    int keys = key.lastIndexOf("/keys/");
    return key.startsWith("https://") && keys > "https://".length()
        ? Optional.of(key.substring(0, keys + 1))
        : Optional.empty();
  }

  /** The JSON of a site's verify data: one assignment of an object literal, in JSON. */
  private Optional<JsonNode> load(String site) {
    try {
      String script = new String(documents.resolver().fetch(site + DATA), StandardCharsets.UTF_8);
      int start = script.indexOf('{');
      int end = script.lastIndexOf('}');
      if (start < 0 || end < start) {
        return Optional.empty();
      }
      return Documents.parseObject(
              script.substring(start, end + 1).getBytes(StandardCharsets.UTF_8))
          .map(JsonNode.class::cast);
    } catch (ResolveException e) {
      return Optional.empty();
    }
  }
}
