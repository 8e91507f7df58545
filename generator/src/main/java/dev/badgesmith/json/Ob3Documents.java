package dev.badgesmith.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Evidence;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.SiteLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Open Badges 3.0 documents, unsigned: the OpenBadgeCredential of an award and the Achievement of a
 * badge class. Multi-valued properties are always arrays and {@code Image} and {@code
 * IdentityObject} types plain strings, as the 1EdTech JSON Schema wants.
 */
public final class Ob3Documents {
  public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
  public static final String OB_CONTEXT =
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  /**
   * The Open Badges 3.0 extensions context: it defines {@code 1EdTechJsonSchemaValidator2019}, the
   * type of {@code credentialSchema}, which no other context does (the 1EdTech examples name it
   * whenever they use that type).
   */
  public static final String OB_EXTENSIONS =
      "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

  /** The contexts of every credential, in order: what canonicalising one needs. */
  public static final List<String> CONTEXTS = List.of(VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS);

  public static final String SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

  /** The 1EdTech JSON Schema of an EndorsementCredential. */
  public static final String ENDORSEMENT_SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json";

  private static final Pattern IN_LANGUAGE =
      Pattern.compile("[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");

  private final SiteLayout layout;

  public Ob3Documents(SiteLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  /**
   * The credential of one award.
   *
   * @param issuerId the issuer's id in credentials: its DID or its profile URL
   * @param subjectId a public id of the recipient (a DID), when the site publishes one
   * @param status the {@code credentialStatus} entry, when the site publishes a status list
   */
  public ObjectNode credential(
      Award award,
      BadgeClass badge,
      Issuer issuer,
      String issuerId,
      Optional<String> subjectId,
      Optional<ObjectNode> status) {
    ObjectNode json = JsonOutput.object();
    ArrayNode context = json.putArray("@context");
    CONTEXTS.forEach(context::add);
    json.put("id", layout.credentialJson(award).url());
    ArrayNode type = json.putArray("type");
    type.add("VerifiableCredential");
    type.add("OpenBadgeCredential");
    json.set("issuer", profile(issuer, issuerId));
    json.put("validFrom", Ob2Documents.dateTime(award.issuedOn()));
    award.expires().ifPresent(e -> json.put("validUntil", Ob2Documents.dateTime(e)));
    json.put("name", badge.name());
    ObjectNode subject = json.putObject("credentialSubject");
    subjectId.ifPresent(id -> subject.put("id", id));
    subject.putArray("type").add("AchievementSubject");
    ObjectNode identifier = subject.putArray("identifier").addObject();
    identifier.put("type", "IdentityObject");
    identifier.put("identityHash", award.recipient().identity());
    identifier.put("identityType", identityType(award.recipient().type()));
    identifier.put("hashed", true);
    identifier.put("salt", award.recipient().salt());
    subject.set("achievement", achievement(badge));
    award.narrative().ifPresent(n -> subject.put("narrative", n));
    if (!award.evidence().isEmpty()) {
      ArrayNode evidence = json.putArray("evidence");
      for (Evidence e : award.evidence()) {
        ObjectNode item = evidence.addObject();
        e.url().ifPresent(u -> item.put("id", u));
        item.putArray("type").add("Evidence");
        put(item, "name", e.name());
        put(item, "description", e.description());
        put(item, "narrative", e.narrative());
        put(item, "genre", e.genre());
        put(item, "audience", e.audience());
      }
    }
    ObjectNode schema = json.putArray("credentialSchema").addObject();
    schema.put("id", SCHEMA);
    schema.put("type", "1EdTechJsonSchemaValidator2019");
    status.ifPresent(s -> json.set("credentialStatus", s));
    return json;
  }

  /**
   * An endorsement as an EndorsementCredential, unsigned.
   *
   * @param name how wallets list it: who endorses what
   * @param issuerId the endorser's id in credentials: its DID or its controller document's URL
   * @param subjectId the id of what it endorses, as Open Badges 3.0 names it
   */
  public ObjectNode endorsementCredential(
      Endorsement endorsement,
      String name,
      Issuer endorser,
      String issuerId,
      String subjectId,
      ObjectNode status) {
    ObjectNode json = JsonOutput.object();
    ArrayNode context = json.putArray("@context");
    CONTEXTS.forEach(context::add);
    json.put("id", layout.endorsementCredential(endorsement.id()).url());
    ArrayNode type = json.putArray("type");
    type.add("VerifiableCredential");
    type.add("EndorsementCredential");
    json.put("name", name);
    json.set("issuer", profile(endorser, issuerId));
    json.put("validFrom", Ob2Documents.dateTime(endorsement.issuedOn()));
    ObjectNode subject = json.putObject("credentialSubject");
    subject.put("id", subjectId);
    subject.putArray("type").add("EndorsementSubject");
    subject.put("endorsementComment", endorsement.claim());
    ObjectNode schema = json.putArray("credentialSchema").addObject();
    schema.put("id", ENDORSEMENT_SCHEMA);
    schema.put("type", "1EdTechJsonSchemaValidator2019");
    json.set("credentialStatus", status);
    return json;
  }

  /** The Achievement of a badge class, as embedded in its credentials. */
  public ObjectNode achievement(BadgeClass badge) {
    ObjectNode json = JsonOutput.object();
    json.put("id", layout.achievementJson(badge.id()).url());
    json.putArray("type").add("Achievement");
    json.put("achievementType", "Badge");
    json.put("name", badge.name());
    json.put("description", badge.description());
    ObjectNode criteria = json.putObject("criteria");
    criteria.put("id", layout.badgePage(badge.id()).url());
    if (!badge.criteria().isBlank()) {
      criteria.put("narrative", badge.criteria());
    }
    ObjectNode image = json.putObject("image");
    image.put("id", layout.badgePng(badge).url());
    image.put("type", "Image");
    badge.imageAlt().ifPresent(alt -> image.put("caption", alt));
    if (!badge.tags().isEmpty()) {
      ArrayNode tags = json.putArray("tag");
      badge.tags().forEach(tags::add);
    }
    if (!badge.alignments().isEmpty()) {
      ArrayNode alignments = json.putArray("alignment");
      for (Alignment a : badge.alignments()) {
        ObjectNode item = alignments.addObject();
        item.putArray("type").add("Alignment");
        item.put("targetName", a.targetName());
        item.put("targetUrl", a.targetUrl());
        put(item, "targetDescription", a.targetDescription());
        put(item, "targetFramework", a.targetFramework());
        put(item, "targetCode", a.targetCode());
        put(item, "targetType", a.targetType());
      }
    }
    badge
        .language()
        .filter(l -> IN_LANGUAGE.matcher(l).matches())
        .ifPresent(l -> json.put("inLanguage", l));
    return json;
  }

  /** The issuer as an embedded Profile: validators reject a bare URL here. */
  public ObjectNode profile(Issuer issuer, String issuerId) {
    ObjectNode json = JsonOutput.object();
    json.put("id", issuerId);
    json.putArray("type").add("Profile");
    json.put("name", issuer.name());
    json.put("url", issuer.url());
    json.put("email", issuer.email());
    issuer.description().ifPresent(d -> json.put("description", d));
    issuer
        .image()
        .ifPresent(
            i -> {
              ObjectNode image = json.putObject("image");
              image.put("id", layout.issuerImage(issuer).url());
              image.put("type", "Image");
            });
    return json;
  }

  /** An award's entry in the revocation status list. */
  public ObjectNode statusEntry(int index, String statusListCredential) {
    ObjectNode json = JsonOutput.object();
    json.put("id", statusListCredential + "#" + index);
    json.put("type", "BitstringStatusListEntry");
    json.put("statusPurpose", "revocation");
    json.put("statusListIndex", Integer.toString(index));
    json.put("statusListCredential", statusListCredential);
    return json;
  }

  /**
   * The BitstringStatusList credential, unsigned: bit {@code i} (the high bit of byte {@code i / 8}
   * first) is set when the award at index {@code i} is revoked.
   */
  public ObjectNode statusListCredential(
      String id, String issuerId, String validFrom, BitSet revoked, int size) {
    ObjectNode json = JsonOutput.object();
    json.putArray("@context").add(VC_CONTEXT);
    json.put("id", id);
    ArrayNode type = json.putArray("type");
    type.add("VerifiableCredential");
    type.add("BitstringStatusListCredential");
    json.put("issuer", issuerId);
    json.put("validFrom", validFrom);
    ObjectNode subject = json.putObject("credentialSubject");
    subject.put("id", id + "#list");
    subject.put("type", "BitstringStatusList");
    subject.put("statusPurpose", "revocation");
    subject.put("encodedList", encodedList(revoked, size));
    return json;
  }

  /** The 1EdTech revocation list: the revoked credentials by id, with the reason. */
  public ObjectNode credentialRevocations(
      String issuerId, List<Award> revoked, List<Endorsement> revokedEndorsements) {
    ObjectNode json = JsonOutput.object();
    json.put("id", layout.credentialRevocations().url());
    json.put("issuer", issuerId);
    ArrayNode entries = json.putArray("revokedCredential");
    for (Award award : revoked) {
      ObjectNode entry = entries.addObject();
      entry.put("id", layout.credentialJson(award).url());
      entry.put("revoked", true);
      entry.put("revocationReason", award.revocation().orElseThrow().reason());
    }
    for (Endorsement endorsement : revokedEndorsements) {
      ObjectNode entry = entries.addObject();
      entry.put("id", layout.endorsementCredential(endorsement.id()).url());
      entry.put("revoked", true);
      entry.put("revocationReason", endorsement.revocation().orElseThrow().reason());
    }
    return json;
  }

  /** {@code u} and the unpadded base64url of the GZIP-compressed bitstring (multibase). */
  static String encodedList(BitSet revoked, int size) {
    byte[] bits = new byte[size / 8];
    revoked.stream().forEach(i -> bits[i / 8] |= (byte) (0x80 >>> (i % 8)));
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    // Java's GZIP header has no time stamp or file name, so the same list gives the same bytes.
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(bits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
  }

  /** Open Badges 3.0 names identity types differently from 2.0. */
  static String identityType(String ob2Type) {
    return ob2Type.equals("email") ? "emailAddress" : "identifier";
  }

  private static void put(ObjectNode node, String key, Optional<String> value) {
    value.ifPresent(v -> node.put(key, v));
  }
}
