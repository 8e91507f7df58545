package dev.badgesmith.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One xAPI statement per award, following the Open Badges profile ({@link OpenBadgesProfile}), and
 * one voiding statement per revocation.
 *
 * <p>A revocation voids the award's statement (xAPI 1.0.3, Data, 2.3.2) rather than adding a
 * statement of its own: voiding is xAPI's one way of saying that an earlier statement no longer
 * holds, every LRS then leaves the earned statement out of its queries, and neither the profile nor
 * its recipe defines a verb for revoking. The voiding statement's actor is the issuer. An LRS that
 * never received the voided statement still accepts the voiding one (2.3.2.s2.b5).
 *
 * <p>The baked badge is attached by {@code fileUrl}, the published baked PNG, with the {@code sha2}
 * and {@code length} of its bytes: xAPI lets a statement with a {@code fileUrl} for each attachment
 * travel as plain {@code application/json} (Communication, 1.5.2.s2.b1 and 1.5.2.s4.b3), so the
 * exported file is the request body as it is, and a batch of fifty statements does not carry fifty
 * images. A revoked award's baked images are no longer published, so its statement has no
 * attachment.
 */
public final class XapiStatements {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private static final String ENGLISH = "en-US";
  private static final Comparator<EarnedAward> ORDER =
      Comparator.comparing((EarnedAward a) -> a.award().badgeId())
          .thenComparing(a -> a.award().id());

  private XapiStatements() {}

  /**
   * The statements of the request's awards.
   *
   * @throws XapiException when an award that is not revoked has no baked PNG (the site is not
   *     built)
   */
  public static XapiExport export(XapiRequest request) throws XapiException {
    Site site = request.site();
    SiteLayout layout = new SiteLayout(site.settings());
    ZoneId zone = site.settings().timeZone();
    List<EarnedAward> awards = new ArrayList<>(request.awards());
    awards.sort(ORDER);
    List<ObjectNode> statements = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    int earned = 0;
    int voided = 0;
    for (EarnedAward earnedAward : awards) {
      Award award = earnedAward.award();
      boolean issuedSince =
          onOrAfter(award.issuedOn().atZoneSameInstant(zone).toLocalDate(), request);
      boolean revokedSince =
          award.revocation().flatMap(Revocation::date).map(d -> onOrAfter(d, request)).orElse(true);
      if (!issuedSince && !(award.revoked() && revokedSince)) {
        continue;
      }
      Actors.Outcome actor = Actors.recipient(award.recipient(), earnedAward.plainIdentity());
      if (actor.actor().isEmpty()) {
        leftOut.add(new LeftOut(award.badgeId(), award.id(), words(actor.missing().orElseThrow())));
        continue;
      }
      BadgeClass badge =
          site.badge(award.badgeId())
              .orElseThrow(() -> new IllegalArgumentException("no badge class " + award.badgeId()));
      Issuer issuer =
          site.issuer(badge.issuerId())
              .orElseThrow(() -> new IllegalArgumentException("no issuer " + badge.issuerId()));
      String language = badge.language().orElse(site.settings().language());
      String assertionUrl = layout.assertionJson(award).url();
      UUID id = StatementIds.earned(assertionUrl);
      if (issuedSince) {
        statements.add(
            earned(id, actor.actor().get(), award, badge, layout, language, request.baked()));
        earned++;
      }
      if (award.revoked() && revokedSince) {
        statements.add(voiding(StatementIds.voiding(assertionUrl), id, issuer, award, zone));
        voided++;
      }
    }
    return new XapiExport(statements, earned, voided, leftOut);
  }

  private static boolean onOrAfter(LocalDate date, XapiRequest request) {
    return request.since().map(since -> !date.isBefore(since)).orElse(true);
  }

  private static ObjectNode earned(
      UUID id,
      ObjectNode actor,
      Award award,
      BadgeClass badge,
      SiteLayout layout,
      String language,
      BakedImages baked)
      throws XapiException {
    ObjectNode statement = JsonOutput.object().put("id", id.toString());
    statement.set("actor", actor);
    verb(statement, OpenBadgesProfile.EARNED, "earned");
    String badgeUrl = layout.badgeJson(badge.id()).url();
    ObjectNode object = statement.putObject("object").put("objectType", "Activity");
    object.put("id", badgeUrl);
    ObjectNode definition = object.putObject("definition");
    definition.putObject("name").put(language, badge.name());
    definition.putObject("description").put(language, badge.description());
    definition.put("type", OpenBadgesProfile.BADGE);
    definition
        .putObject("extensions")
        .putObject(OpenBadgesProfile.BADGE_CLASS_EXTENSION)
        .put("@id", badgeUrl)
        .put("image", layout.badgeImage(badge).url())
        .put("criteria", layout.badgePage(badge.id()).url())
        .put("issuer", layout.issuerJson(badge.issuerId()).url());
    statement
        .putObject("result")
        .putObject("extensions")
        .putObject(OpenBadgesProfile.ASSERTION_EXTENSION)
        .put("@id", layout.ob2Assertion(award).url());
    ObjectNode context = statement.putObject("context");
    context
        .putObject("contextActivities")
        .putArray("category")
        .addObject()
        .put("objectType", "Activity")
        .put("id", OpenBadgesProfile.RECIPE)
        .putObject("definition")
        .put("type", OpenBadgesProfile.RECIPE_TYPE);
    context.put("language", language);
    statement.put("timestamp", DATE_TIME.format(award.issuedOn()));
    if (!award.revoked()) {
      byte[] png = bakedPng(award, baked);
      ObjectNode attachment = statement.putArray("attachments").addObject();
      attachment.put("usageType", OpenBadgesProfile.BAKED_BADGE);
      attachment.putObject("display").put(language, badge.name());
      attachment.put("contentType", "image/png");
      attachment.put("length", png.length);
      attachment.put("sha2", Sha256.hex(png));
      attachment.put("fileUrl", layout.bakedPng(award).url());
    }
    return statement;
  }

  private static ObjectNode voiding(UUID id, UUID target, Issuer issuer, Award award, ZoneId zone) {
    ObjectNode statement = JsonOutput.object().put("id", id.toString());
    statement.set("actor", Actors.issuer(issuer));
    verb(statement, OpenBadgesProfile.VOIDED, "voided");
    statement.putObject("object").put("objectType", "StatementRef").put("id", target.toString());
    award
        .revocation()
        .flatMap(Revocation::date)
        .ifPresent(
            date ->
                statement.put(
                    "timestamp", DATE_TIME.format(date.atStartOfDay(zone).toOffsetDateTime())));
    return statement;
  }

  private static void verb(ObjectNode statement, String iri, String display) {
    statement.putObject("verb").put("id", iri).putObject("display").put(ENGLISH, display);
  }

  private static byte[] bakedPng(Award award, BakedImages baked) throws XapiException {
    Optional<byte[]> png;
    try {
      png = baked.png(award);
    } catch (IOException e) {
      throw new XapiException(
          "cannot read the baked badge of award " + where(award) + ": " + e.getMessage());
    }
    return png.orElseThrow(
        () ->
            new XapiException(
                "no baked badge for award "
                    + where(award)
                    + ": build the site first, the statements attach the published baked PNG"));
  }

  private static String where(Award award) {
    return award.badgeId() + "/" + award.id();
  }

  private static String words(Actors.Missing missing) {
    switch (missing) {
      case HASHED:
        return "the recipient is held hashed only";
      case NO_XAPI_IDENTIFIER:
        return "xAPI has no identifier for the recipient's identity type";
      default:
        return "the identity given does not hash to the award's recipient";
    }
  }
}
