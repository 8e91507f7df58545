package dev.badgesmith.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.json.ClrDocuments;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.pathway.Association;
import dev.badgesmith.pathway.ClrAssociations;
import dev.badgesmith.pathway.StackRule;
import dev.badgesmith.sign.Signatures;
import dev.badgesmith.write.OutputSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Learner records: a Comprehensive Learner Record 2.0 {@code ClrCredential} of one earner, holding
 * their Open Badges 3.0 credentials exactly as the site publishes them (each keeps its own proof),
 * the achievements of the pathways they are on and how those stack ({@link ClrAssociations}),
 * signed by the site's issuer as its credentials are.
 *
 * <p>Every build makes the records again from the awards (no record is kept from an earlier build),
 * so a changed, new or revoked award shows in its earner's record at once; the credentials inside
 * are signed through the same {@link Signatures} as the awards', so they are the published bytes.
 */
public final class LearnerRecords {
  /** The order of a record's credentials: by date of issue, then badge and award id. */
  public static final Comparator<Award> OLDEST_FIRST =
      Comparator.comparing((Award a) -> a.issuedOn().toInstant())
          .thenComparing(Award::badgeId)
          .thenComparing(Award::id);

  private final Site site;
  private final SiteLayout layout;
  private final Ob3Publisher ob3;

  LearnerRecords(Site site, SiteLayout layout, Ob3Publisher ob3) {
    this.site = site;
    this.layout = layout;
    this.ob3 = ob3;
  }

  /**
   * A learner record's files.
   *
   * @param json the ClrCredential with an embedded Data Integrity proof, when the site adds them;
   *     else unsigned, for reading
   * @param jwt the ClrCredential as a VC-JWT, when the site signs JWTs
   */
  public record Record(byte[] json, Optional<byte[]> jwt) {}

  /**
   * The record of a learner known only to the maintainer (any recipient, e-mail included), built as
   * the build builds an earner's: never written into a site.
   *
   * @param indexes every award's status list index, as the build pins them
   * @param awards the learner's awards; revoked ones are left out
   * @param publicId the learner's URL or DID, when the site made it public; else the record names
   *     them as their newest credential does, by its salted hash
   */
  public static Record transcript(
      Site site,
      Credentials credentials,
      StatusIndexes indexes,
      List<Award> awards,
      Optional<String> publicId) {
    SiteLayout layout = new SiteLayout(site.settings());
    Ob3Publisher ob3 = new Ob3Publisher(site, layout, credentials, Signatures.DIRECT, indexes);
    LearnerRecords records = new LearnerRecords(site, layout, ob3);
    List<Award> held = awards.stream().filter(a -> !a.revoked()).sorted(OLDEST_FIRST).toList();
    Optional<JsonNode> identifier = Optional.empty();
    if (publicId.isEmpty() && !held.isEmpty()) {
      Award newest = held.get(held.size() - 1);
      BadgeClass badge = site.badge(newest.badgeId()).orElseThrow();
      Issuer issuer = site.issuer(badge.issuerId()).orElseThrow();
      identifier =
          Optional.of(
              ob3.documents()
                  .credential(
                      newest,
                      badge,
                      issuer,
                      ob3.issuerId(issuer.id()),
                      Optional.empty(),
                      Optional.empty())
                  .path("credentialSubject")
                  .path("identifier")
                  .path(0));
    }
    String ids = String.join("\n", held.stream().map(a -> layout.credentialJson(a).url()).toList());
    return records.record(
        unpublishedId(site.settings().baseUrl() + "\n" + ids),
        new ClrDocuments.Subject(publicId, identifier),
        held);
  }

  /** Writes the record of every earner with a page, beside it. */
  void publish(Map<String, String> earnerSlugs, OutputSink out) throws IOException {
    Map<String, List<Award>> byEarner = new TreeMap<>();
    for (Award award : site.awards()) {
      Optional<String> id = award.recipient().publicId();
      if (id.isPresent() && earnerSlugs.containsKey(id.get()) && !award.revoked()) {
        byEarner.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(award);
      }
    }
    // Each record is canonicalised and signed on its own: on every thread, not one after another.
    byEarner.entrySet().parallelStream()
        .forEach(
            earner -> {
              String slug = earnerSlugs.get(earner.getKey());
              List<Award> awards = earner.getValue().stream().sorted(OLDEST_FIRST).toList();
              Record record =
                  record(
                      layout.earnerClr(slug).url(),
                      new ClrDocuments.Subject(Optional.of(earner.getKey()), Optional.empty()),
                      awards);
              try {
                out.write(layout.earnerClr(slug).file(), record.json());
                if (record.jwt().isPresent()) {
                  out.write(layout.earnerClrJwt(slug).file(), record.jwt().get());
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** The signed record of {@code awards}, oldest first, none revoked. */
  private Record record(String id, ClrDocuments.Subject subject, List<Award> awards) {
    if (awards.isEmpty()) {
      throw new IllegalArgumentException("a learner record holds at least one award");
    }
    Credentials credentials = ob3.credentials();
    boolean proofs = credentials.dataIntegrityKey().isPresent();
    List<JsonNode> held = new ArrayList<>();
    Set<String> badges = new LinkedHashSet<>();
    OffsetDateTime newest = awards.get(0).issuedOn();
    for (Award award : awards) {
      BadgeClass badge = site.badge(award.badgeId()).orElseThrow();
      Map<String, byte[]> files = ob3.credential(award, badge).files();
      // As published: the credential with its embedded proof, else its VC-JWT (a JWT-only site's
      // JSON form carries no proof of its own).
      held.add(
          proofs
              ? readTree(files.get(layout.credentialJson(award).file()))
              : TextNode.valueOf(
                  new String(
                      files.get(layout.credentialJwt(award).file()), StandardCharsets.US_ASCII)));
      badges.add(award.badgeId());
      if (award.issuedOn().toInstant().isAfter(newest.toInstant())) {
        newest = award.issuedOn();
      }
    }
    List<Association> associations = associations(badges);
    Set<String> named = new LinkedHashSet<>();
    associations.forEach(
        a -> {
          named.add(a.sourceId());
          named.add(a.targetId());
        });
    List<ObjectNode> achievements = new ArrayList<>();
    for (BadgeClass badge : site.badges()) {
      if (named.contains(layout.achievementJson(badge.id()).url())) {
        achievements.add(ob3.documents().achievement(badge));
      }
    }
    String learner =
        awards.stream()
            .sorted(OLDEST_FIRST.reversed())
            .flatMap(a -> a.recipient().name().stream())
            .findFirst()
            .or(subject::id)
            .orElse("a learner");
    Issuer issuer = site.issuer(site.settings().defaultIssuer()).orElseThrow();
    ObjectNode unsigned =
        ClrDocuments.credential(
            id,
            "Learner record of " + learner,
            "The badges "
                + learner
                + " earned at "
                + site.settings().title()
                + ", each as issued, and how they stack.",
            ob3.documents().profile(issuer, ob3.issuerId(issuer.id())),
            Ob2Documents.dateTime(newest),
            subject,
            held,
            achievements,
            ClrAssociations.toJson(associations));
    // The two signatures read the same record, which neither changes: made at once.
    OffsetDateTime signed = newest;
    Optional<Beside<byte[]>> jwt =
        credentials.jwt().isPresent()
            ? Optional.of(Beside.start(() -> ob3.vcJwt(unsigned, signed)))
            : Optional.empty();
    byte[] json = proofs ? ob3.embeddedProof(unsigned, signed) : JsonOutput.bytes(unsigned);
    return new Record(json, jwt.map(Beside::result));
  }

  /**
   * The associations of the pathways an earner is on: of each stack badge they hold, or hold a
   * badge its requirement names.
   */
  private List<Association> associations(Set<String> held) {
    List<StackRule> rules = new ArrayList<>();
    for (BadgeClass badge : site.badges()) {
      if (badge.requirement().isEmpty()) {
        continue;
      }
      boolean on =
          held.contains(badge.id())
              || badge.requirement().get().badgeIds().stream().anyMatch(held::contains);
      if (on) {
        rules.add(
            new StackRule(
                badge.id(), SourcePosition.startOf(badge.source()), badge.requirement().get()));
      }
    }
    return ClrAssociations.of(
        rules, id -> layout.achievementJson(id).url(), id -> site.badge(id).isPresent());
  }

  /** A {@code urn:uuid:} named by its text, for a record that has no address. */
  private static String unpublishedId(String name) {
    ByteBuffer bytes = ByteBuffer.wrap(Sha256.of(name));
    long high = (bytes.getLong() & ~0xf000L) | 0x8000L; // version 8: name-based, custom hash
    long low = (bytes.getLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return "urn:uuid:" + new UUID(high, low);
  }

  private static JsonNode readTree(byte[] json) {
    try {
      return Jackson.json().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a credential just made is not JSON", e);
    }
  }
}
