package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.BakeException;
import dev.badgesmith.bake.Baked;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.ld.Canonicalizer;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.ld.DataIntegrity;
import dev.badgesmith.verify.Check.Step;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies an Open Badges document as a relying party would, step by step: its {@code format}, its
 * {@code proof}, its {@code issuer and key}, its {@code status}, its {@code expiry} and, when
 * asked, its {@code recipient}. Takes a baked PNG or SVG, a JSON document (an Open Badges 2.0
 * hosted Assertion or an Open Badges 3.0 credential with an embedded proof), an Open Badges 2.0
 * signed assertion (compact JWS) or a VC-JWT. Everything it points at is fetched through a {@link
 * Resolver}: a built site folder, or the live site.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder()
 *     .resolver(new SiteFolderResolver(Path.of("public")))
 *     .clock(Clock.systemUTC())
 *     .build();
 * VerificationReport report = verifier.verify(bytes, "jane.png", Optional.empty());
 * }</pre>
 */
public final class Verifier {
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final int MAX_DEPTH = 2;

  private final Documents documents;
  private final Clock clock;
  private final Ob2Checks ob2;
  private final Ob3Checks ob3;

  private Verifier(Builder builder) {
    this.documents = new Documents(builder.resolver);
    this.clock = builder.clock;
    this.ob2 = new Ob2Checks(documents, this);
    this.ob3 =
        new Ob3Checks(
            documents,
            new DataIntegrity(new Canonicalizer(new ContextStore())),
            Map.copyOf(builder.statusMethods),
            this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fetches {@code url} through the resolver, then verifies what it holds. */
  public VerificationReport verifyUrl(String url, Optional<String> recipient) {
    byte[] bytes;
    try {
      bytes = documents.resolver().fetch(url);
    } catch (ResolveException e) {
      Steps steps = new Steps(0);
      steps.fail(Step.FORMAT, e.getMessage());
      return steps.report(url, recipient.isPresent());
    }
    return verify(bytes, url, recipient);
  }

  /**
   * Verifies a baked image, a JSON document, a JWS or a JWT.
   *
   * @param input names the input in the report (a file name or URL)
   * @param recipient an identity (e-mail address, URL, telephone number, DID) the badge must be for
   */
  public VerificationReport verify(byte[] bytes, String input, Optional<String> recipient) {
    return verify(bytes, input, recipient, 0);
  }

  /** Status lists are credentials with a status of their own: {@code depth} bounds the chain. */
  VerificationReport verify(byte[] bytes, String input, Optional<String> recipient, int depth) {
    Objects.requireNonNull(bytes, "bytes");
    Steps steps = new Steps(depth);
    if (depth > MAX_DEPTH) {
      steps.fail(Step.FORMAT, "status lists nested deeper than " + MAX_DEPTH);
      return steps.report(input, recipient.isPresent());
    }
    detect(bytes, "", steps, recipient);
    return steps.report(input, recipient.isPresent());
  }

  /** What status methods get: the resolver, and verification one level deeper. */
  StatusMethod.StatusContext statusContext(int depth) {
    return new StatusMethod.StatusContext() {
      @Override
      public Resolver resolver() {
        return documents.resolver();
      }

      @Override
      public VerificationReport verifyCredential(byte[] json, String url) {
        return verify(json, url, Optional.empty(), depth + 1);
      }
    };
  }

  private void detect(byte[] bytes, String carrier, Steps steps, Optional<String> recipient) {
    if (isImage(bytes)) {
      List<Baked> found;
      try {
        found = BakedImages.extract(bytes);
      } catch (BakeException e) {
        steps.fail(Step.FORMAT, "a corrupt image: " + e.getMessage());
        return;
      }
      if (found.isEmpty()) {
        steps.fail(Step.FORMAT, "an image that carries no Open Badges data");
        return;
      }
      // One image, one badge: a second payload would be a second, unrelated claim.
      Baked baked = found.get(0);
      String where =
          ", baked in "
              + baked.format().toUpperCase(Locale.ROOT)
              + " ("
              + baked.carrier()
              + (found.size() > 1 ? "; " + (found.size() - 1) + " more payload(s) ignored" : "")
              + ")";
      String payload = baked.payload().strip();
      if (baked.version() == BadgeVersion.OB2 && payload.startsWith("https://")) {
        ob2.hostedByUrl(payload, where, steps, recipient);
        return;
      }
      detect(payload.getBytes(StandardCharsets.UTF_8), where, steps, recipient);
      return;
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{")) {
      Optional<ObjectNode> json = Documents.parseObject(bytes);
      if (json.isEmpty()) {
        steps.fail(Step.FORMAT, "not valid JSON" + carrier);
        return;
      }
      json(json.get(), carrier, steps, recipient);
    } else if (COMPACT_JWS.matcher(text).matches()) {
      jws(text, carrier, steps, recipient);
    } else {
      steps.fail(
          Step.FORMAT,
          "neither a baked PNG or SVG, a JSON document, a JWS nor a JWT"
              + carrier.replace(", ", " "));
    }
  }

  private void json(ObjectNode json, String carrier, Steps steps, Optional<String> recipient) {
    List<String> types = Documents.strings(json.get("type"));
    if (types.contains("ClrCredential")) {
      steps.pass(Step.FORMAT, "CLR 2.0 learner record with an embedded proof" + carrier);
      ob3.embedded(json, steps, recipient);
      LearnerRecordChecks.credentials(json, steps, this, recipient);
    } else if (types.contains("VerifiableCredential") || types.contains("OpenBadgeCredential")) {
      steps.pass(Step.FORMAT, "Open Badges 3.0 credential with an embedded proof" + carrier);
      ob3.embedded(json, steps, recipient);
    } else if (types.contains("Endorsement")) {
      ob2.endorsement(json, carrier, steps);
    } else if (types.contains("Assertion") || json.path("revoked").asBoolean(false)) {
      ob2.hosted(json, carrier, steps, recipient);
    } else {
      steps.fail(
          Step.FORMAT,
          "a JSON document that is neither an Open Badges 2.0 Assertion nor a verifiable"
              + " credential"
              + carrier);
    }
  }

  private void jws(String jws, String carrier, Steps steps, Optional<String> recipient) {
    String[] parts = jws.split("\\.");
    Optional<ObjectNode> header = Documents.jwsPart(parts[0]);
    Optional<ObjectNode> payload = Documents.jwsPart(parts[1]);
    if (header.isEmpty() || payload.isEmpty()) {
      steps.fail(Step.FORMAT, "a compact JWS whose header or payload is not a JSON object");
      return;
    }
    JsonNode credential = Documents.credentialOf(payload.get());
    List<String> types = Documents.strings(credential.get("type"));
    String alg = header.get().path("alg").asText("?");
    if (types.contains("ClrCredential")) {
      steps.pass(Step.FORMAT, "CLR 2.0 learner record as a VC-JWT (" + alg + ")" + carrier);
      ob3.jwt(jws, header.get(), steps, recipient);
      LearnerRecordChecks.credentials(credential, steps, this, recipient);
    } else if (types.contains("VerifiableCredential")) {
      steps.pass(Step.FORMAT, "Open Badges 3.0 credential as a VC-JWT (" + alg + ")" + carrier);
      ob3.jwt(jws, header.get(), steps, recipient);
    } else if (types.contains("Assertion")) {
      steps.pass(Step.FORMAT, "Open Badges 2.0 signed assertion, a JWS (" + alg + ")" + carrier);
      ob2.signed(jws, payload.get(), steps, recipient);
    } else {
      steps.fail(
          Step.FORMAT, "a JWS whose payload is neither an Assertion nor a verifiable credential");
    }
  }

  private static boolean isImage(byte[] bytes) {
    if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N') {
      return true;
    }
    for (byte b : bytes) {
      if (!Character.isWhitespace(b) && b != (byte) 0xef && b != (byte) 0xbb && b != (byte) 0xbf) {
        return b == '<';
      }
    }
    return false;
  }

  /** The {@code expiry} step: {@code from} must have come, {@code until} must not. */
  void expiry(JsonNode document, String fromMember, String untilMember, Steps steps) {
    Optional<Instant> from;
    Optional<Instant> until;
    try {
      from = Documents.instant(document, fromMember);
      until = Documents.instant(document, untilMember);
    } catch (DateTimeParseException e) {
      steps.fail(Step.EXPIRY, "a date that is not ISO 8601: " + e.getParsedString());
      return;
    }
    Instant now = clock.instant();
    if (from.isPresent() && now.isBefore(from.get())) {
      steps.fail(Step.EXPIRY, "not valid yet: " + fromMember + " is " + from.get());
    } else if (until.isPresent() && !now.isBefore(until.get())) {
      steps.fail(Step.EXPIRY, "expired: " + untilMember + " was " + until.get());
    } else {
      steps.pass(
          Step.EXPIRY,
          from.map(f -> fromMember + " " + f).orElse("no " + fromMember)
              + until.map(u -> ", " + untilMember + " " + u).orElse(", no expiry"));
    }
  }

  /** A claim on the recipient: a hashed or plain identity. */
  record Identity(String value, boolean hashed, String salt, String type) {}

  /** The {@code recipient} step: one of the identities is the one given. */
  static void recipient(Optional<String> given, List<Identity> identities, Steps steps) {
    if (given.isEmpty()) {
      return;
    }
    if (identities.isEmpty()) {
      steps.fail(Step.RECIPIENT, "the badge names no recipient identity to compare with");
      return;
    }
    String identity = given.get().strip();
    Set<String> candidates = new LinkedHashSet<>();
    candidates.add(identity);
    if (identity.startsWith("mailto:")) {
      candidates.add(identity.substring("mailto:".length()));
    }
    // Addresses are lower-cased when hashed, so one typed with capitals still matches.
    for (String candidate : List.copyOf(candidates)) {
      candidates.add(candidate.toLowerCase(Locale.ROOT));
    }
    for (Identity claim : identities) {
      for (String candidate : candidates) {
        boolean match =
            claim.hashed()
                ? claim.value().toLowerCase(Locale.ROOT).startsWith("sha256$")
                    && IdentityHash.hash(candidate, claim.salt()).equalsIgnoreCase(claim.value())
                : candidate.equals(claim.value());
        if (match) {
          steps.pass(
              Step.RECIPIENT,
              "awarded to "
                  + identity
                  + (claim.hashed() ? " (its salted SHA-256 hash matches)" : ""));
          return;
        }
      }
    }
    steps.fail(Step.RECIPIENT, "not awarded to " + identity + ": no recipient identity matches");
  }

  /** Configures where documents come from, the clock, status methods. */
  public static final class Builder {
    private Resolver resolver;
    private Clock clock;
    private final Map<String, StatusMethod> statusMethods = new LinkedHashMap<>();

    private Builder() {
      statusMethod(new BitstringStatusListMethod());
      statusMethod(new RevocationListMethod());
    }

    /** Where URLs are fetched: a {@link SiteFolderResolver} offline, an {@link HttpResolver}. */
    public Builder resolver(Resolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** The time expiry is checked against. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Reads one type of {@code credentialStatus} entry, beside the standard ones ({@code
     * BitstringStatusListEntry}, {@code 1EdTechRevocationList}); a later method for a type replaces
     * the earlier.
     */
    public Builder statusMethod(StatusMethod method) {
      statusMethods.put(method.type(), method);
      return this;
    }

    public Verifier build() {
      if (resolver == null || clock == null) {
        throw new IllegalStateException("a verifier needs a resolver and a clock");
      }
      return new Verifier(this);
    }
  }
}
