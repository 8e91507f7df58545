package dev.badgesmith.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Endorsements;
import dev.badgesmith.model.Evidence;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.SiteLayout;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Open Badges 2.0 hosted documents: Issuer profile, BadgeClass and Assertion, each with an
 * {@code id} that is exactly the URL it is served at (validators fetch the id and compare).
 */
public final class Ob2Documents {
  public static final String CONTEXT = "https://w3id.org/openbadges/v2";

  /** Seconds always and {@code Z} for UTC: what validators' date-time patterns accept. */
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private final SiteLayout layout;
  private final Endorsements endorsements;

  public Ob2Documents(SiteLayout layout) {
    this(layout, Endorsements.NONE);
  }

  /**
   * @param endorsements what the site's issuers endorse and what others endorse of it: issuer and
   *     badge class documents list them
   */
  public Ob2Documents(SiteLayout layout, Endorsements endorsements) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.endorsements = Objects.requireNonNull(endorsements, "endorsements");
  }

  public static String dateTime(OffsetDateTime time) {
    return DATE_TIME.format(time);
  }

  public ObjectNode issuer(Issuer issuer) {
    ObjectNode json = document("Issuer", layout.issuerJson(issuer.id()).url());
    language(json);
    json.put("name", issuer.name());
    json.put("url", issuer.url());
    json.put("email", issuer.email());
    issuer.description().ifPresent(d -> json.put("description", d));
    issuer.image().ifPresent(i -> json.put("image", layout.issuerImage(issuer).url()));
    // Only this site's assertions verify as this issuer's, even where the host serves others too.
    ObjectNode verification = json.putObject("verification");
    verification.put("type", "VerificationObject");
    if (endorsements.by(issuer.id()).isEmpty()) {
      verification.put("startsWith", layout.assertionsPrefix().url());
    } else {
      // Its hosted endorsements verify as its own too: startsWith may name several prefixes.
      verification
          .putArray("startsWith")
          .add(layout.assertionsPrefix().url())
          .add(layout.endorsementsPrefix().url());
    }
    json.put("revocationList", layout.revocationList(issuer.id()).url());
    signingKey().ifPresent(k -> json.putArray("publicKey").add(layout.cryptographicKey(k).url()));
    endorsementList(json, Endorsement.Kind.ISSUER, issuer.id());
    return json;
  }

  /**
   * The endorsements of a badge class or issuer, by URL: those the site gives (not revoked), then
   * those others host, as listed.
   */
  private void endorsementList(ObjectNode json, Endorsement.Kind kind, String id) {
    List<String> urls = new java.util.ArrayList<>();
    endorsements.givenOf(kind, id).stream()
        .filter(e -> !e.revoked())
        .forEach(e -> urls.add(layout.endorsementJson(e.id()).url()));
    urls.addAll(endorsements.receivedOf(kind, id));
    if (!urls.isEmpty()) {
      ArrayNode list = json.putArray("endorsement");
      urls.forEach(list::add);
    }
  }

  /**
   * A hosted Endorsement and its claim; for a revoked one, the short form that says so. The claim
   * has no {@code type}: {@code EndorsementClaim} names the class in the specification, but no
   * context term defines it, and JSON-LD processors in safe mode reject an undefined type.
   *
   * @param claimId the id of what it endorses, as Open Badges 2.0 names it
   */
  public ObjectNode endorsement(Endorsement endorsement, String claimId) {
    String id = layout.endorsementJson(endorsement.id()).url();
    if (endorsement.revocation().isPresent()) {
      ObjectNode json = JsonOutput.object();
      json.put("@context", CONTEXT);
      json.put("id", id);
      json.put("revoked", true);
      json.put("revocationReason", endorsement.revocation().get().reason());
      return json;
    }
    ObjectNode json = document("Endorsement", id);
    json.put("issuer", layout.issuerJson(endorsement.endorserId()).url());
    ObjectNode claim = json.putObject("claim");
    claim.put("id", claimId);
    claim.put("endorsementComment", endorsement.claim());
    json.put("issuedOn", dateTime(endorsement.issuedOn()));
    json.putObject("verification").put("type", "HostedBadge");
    return json;
  }

  /** The id of what an endorsement names, in Open Badges 2.0: its document, or its URL. */
  public String endorsedId(Endorsement.Target target) {
    if (target.external()) {
      return target.ref();
    }
    return switch (target.kind()) {
      case BADGE -> layout.badgeJson(target.ref()).url();
      case ISSUER -> layout.issuerJson(target.ref()).url();
      case AWARD -> {
        int slash = target.ref().indexOf('/');
        yield assertionId(target.ref().substring(0, slash), target.ref().substring(slash + 1));
      }
    };
  }

  /** The issuer's RevocationList: every revoked assertion of its badge classes, with the reason. */
  public ObjectNode revocationList(Issuer issuer, List<Award> revoked) {
    ObjectNode json = document("RevocationList", layout.revocationList(issuer.id()).url());
    json.put("issuer", layout.issuerJson(issuer.id()).url());
    ArrayNode entries = json.putArray("revokedAssertions");
    for (Award award : revoked) {
      ObjectNode entry = entries.addObject();
      entry.put("id", assertionId(award));
      entry.put("revocationReason", award.revocation().orElseThrow().reason());
    }
    return json;
  }

  public ObjectNode badgeClass(BadgeClass badge) {
    return badgeClass(badge, List.of());
  }

  /**
   * A badge class in the language of this layout, on a site in several languages.
   *
   * @param versions the languages the badge class is written or translated in: the others are named
   *     as its alternate language versions
   */
  public ObjectNode badgeClass(BadgeClass badge, List<String> versions) {
    ObjectNode json = document("BadgeClass", layout.badgeJson(badge.id()).url());
    if (layout.settings().multilingual()) {
      // The language its texts are in: the default's, where a translation is missing.
      json.put("@language", badge.language().orElse(layout.settings().language()));
    }
    json.put("name", badge.name());
    json.put("description", badge.description());
    json.put("image", layout.badgeImage(badge).url());
    ObjectNode criteria = json.putObject("criteria");
    criteria.put("id", layout.badgePage(badge.id()).url());
    if (!badge.criteria().isBlank()) {
      criteria.put("narrative", badge.criteria());
    }
    json.put("issuer", layout.issuerJson(badge.issuerId()).url());
    if (!badge.tags().isEmpty()) {
      ArrayNode tags = json.putArray("tags");
      badge.tags().forEach(tags::add);
    }
    if (!badge.alignments().isEmpty()) {
      ArrayNode alignments = json.putArray("alignment");
      for (Alignment a : badge.alignments()) {
        ObjectNode item = alignments.addObject();
        item.put("targetName", a.targetName());
        item.put("targetUrl", a.targetUrl());
        put(item, "targetDescription", a.targetDescription());
        put(item, "targetFramework", a.targetFramework());
        put(item, "targetCode", a.targetCode());
      }
    }
    endorsementList(json, Endorsement.Kind.BADGE, badge.id());
    List<String> others =
        versions.stream().filter(l -> !l.equals(layout.settings().language())).toList();
    if (!others.isEmpty()) {
      // Open Badges 2.0's way to the same badge class in other languages: related, each with its
      // @language.
      ArrayNode related = json.putArray("related");
      for (String other : others) {
        {
          ObjectNode version = related.addObject();
          version.put("id", layout.inLanguage(layout.badgeJson(badge.id()), other).url());
          version.put("type", "BadgeClass");
          version.put("@language", other);
        }
      }
    }
    return json;
  }

  /**
   * The language of a document's texts ({@code @language}, as Open Badges 2.0 names it for every
   * document), on a site in several languages; a site in one says it in its pages.
   */
  private void language(ObjectNode json) {
    if (layout.settings().multilingual()) {
      json.put("@language", layout.settings().language());
    }
  }

  /** The hosted assertion; for a revoked award, the short form that says so. */
  public ObjectNode assertion(Award award, BadgeClass badge) {
    String id = assertionId(award);
    // A signed assertion cannot be changed once given out: its revocation is in the issuer's list.
    if (award.revocation().isPresent() && signingKey().isEmpty()) {
      ObjectNode json = JsonOutput.object();
      json.put("@context", CONTEXT);
      json.put("id", id);
      json.put("revoked", true);
      json.put("revocationReason", award.revocation().get().reason());
      return json;
    }
    ObjectNode json = document("Assertion", id);
    language(json);
    ObjectNode recipient = json.putObject("recipient");
    recipient.put("type", identityType(award.recipient().type()));
    recipient.put("hashed", true);
    recipient.put("salt", award.recipient().salt());
    recipient.put("identity", award.recipient().identity());
    json.put("badge", layout.badgeJson(badge.id()).url());
    ObjectNode verification = json.putObject("verification");
    if (signingKey().isPresent()) {
      verification.put("type", "SignedBadge");
      verification.put("creator", layout.cryptographicKey(signingKey().get()).url());
    } else {
      verification.put("type", "HostedBadge");
    }
    json.put("issuedOn", dateTime(award.issuedOn()));
    award.expires().ifPresent(e -> json.put("expires", dateTime(e)));
    json.put("image", layout.bakedPng(award).url());
    award.narrative().ifPresent(n -> json.put("narrative", n));
    if (!award.evidence().isEmpty()) {
      ArrayNode evidence = json.putArray("evidence");
      for (Evidence e : award.evidence()) {
        ObjectNode item = evidence.addObject();
        put(item, "id", e.url());
        item.put("type", "Evidence");
        put(item, "name", e.name());
        put(item, "description", e.description());
        put(item, "narrative", e.narrative());
        put(item, "genre", e.genre());
        put(item, "audience", e.audience());
      }
    }
    return json;
  }

  /** The CryptographicKey document signed assertions name as their {@code creator}. */
  public ObjectNode cryptographicKey(String keyId, String ownerIssuer, String publicKeyPem) {
    ObjectNode json = document("CryptographicKey", layout.cryptographicKey(keyId).url());
    json.put("owner", layout.issuerJson(ownerIssuer).url());
    json.put("publicKeyPem", publicKeyPem);
    return json;
  }

  /**
   * A hosted assertion's id is its URL. A signed one's is a {@code urn:uuid} that follows from the
   * award, with the bits of a version 4 UUID (validators accept no other form), so it never changes
   * between builds.
   */
  public String assertionId(Award award) {
    return assertionId(award.badgeId(), award.id());
  }

  /** {@link #assertionId(Award)} of an award by its badge class's and its own id. */
  private String assertionId(String badgeId, String awardId) {
    if (signingKey().isEmpty()) {
      return layout.assertionJson(badgeId, awardId).url();
    }
    byte[] digest;
    digest = Sha256.of("badgesmith-ob2:" + badgeId + "/" + awardId);
    digest[6] = (byte) ((digest[6] & 0x0f) | 0x40);
    digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(digest);
    return "urn:uuid:" + new java.util.UUID(bytes.getLong(), bytes.getLong());
  }

  /** The key of signed assertions, when the site signs them. */
  private Optional<String> signingKey() {
    return layout.ob2Signed()
        ? layout.settings().signing().flatMap(s -> s.jwtKey())
        : Optional.empty();
  }

  private static ObjectNode document(String type, String id) {
    ObjectNode json = JsonOutput.object();
    json.put("@context", CONTEXT);
    json.put("type", type);
    json.put("id", id);
    return json;
  }

  private static void put(ObjectNode node, String key, Optional<String> value) {
    value.ifPresent(v -> node.put(key, v));
  }

  /**
   * The IdentityObject type of a recipient. Open Badges 2.0 knows {@code email}, {@code url} and
   * {@code telephone}, each a term of its context; a DID is the URI that names the recipient, so it
   * is published as {@code url} (schema:url): the type {@code id} would be the {@code @id} keyword,
   * which JSON-LD rejects as a type and no OB 2.0 validator or backpack reads.
   */
  static String identityType(String type) {
    return type.equals("id") ? "url" : type;
  }
}
