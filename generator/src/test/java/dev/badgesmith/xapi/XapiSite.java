package dev.badgesmith.xapi;

import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.ImageFile;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Recipient;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteSettings;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small site in Java, its awards with the plain identities their files would hold. */
final class XapiSite {
  static final String BASE_URL = "https://guild.example.org/badges/";

  private XapiSite() {}

  static Site site(List<EarnedAward> awards) {
    Issuer issuer =
        new Issuer(
            "guild",
            "Example Guild",
            "https://guild.example.org/",
            "badges@guild.example.org",
            Optional.empty(),
            Optional.empty(),
            "issuers/guild.yaml");
    BadgeClass mentor =
        new BadgeClass(
            "mentor",
            "Mentor",
            "Guided three newcomers through their first project.",
            "guild",
            new ImageFile("badges/mentor.svg", "svg"),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.of("de"),
            "Mentor three newcomers.",
            "badges/mentor.md");
    BadgeClass speaker =
        new BadgeClass(
            "speaker",
            "Speaker",
            "Gave a talk at a meetup.",
            "guild",
            new ImageFile("badges/speaker.png", "png"),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            "Give a talk.",
            "badges/speaker.md");
    SiteSettings settings =
        new SiteSettings(
            "Guild Badges",
            Optional.empty(),
            BASE_URL,
            "guild",
            "en",
            ZoneId.of("Europe/Berlin"),
            SiteSettings.DEFAULT_PNG_SIZE,
            SiteSettings.DEFAULT_MAX_IMAGE_BYTES,
            Optional.empty(),
            dev.badgesmith.model.PageSettings.DEFAULT);
    return new Site(
        settings,
        List.of(issuer),
        List.of(mentor, speaker),
        awards.stream().map(EarnedAward::award).toList());
  }

  /** An award whose file holds the identity in plain: the model has only its hash. */
  static EarnedAward plain(String badgeId, String id, String type, String identity, String issued) {
    return plain(badgeId, id, type, identity, issued, Optional.empty());
  }

  static EarnedAward plain(
      String badgeId,
      String id,
      String type,
      String identity,
      String issued,
      Optional<Revocation> revocation) {
    String salt = IdentityHash.salt(Optional.empty(), badgeId, id);
    Recipient recipient =
        new Recipient(
            type,
            IdentityHash.hash(identity.toLowerCase(java.util.Locale.ROOT), salt),
            salt,
            Optional.of("Earner " + id));
    return new EarnedAward(
        award(badgeId, id, recipient, issued, revocation), Optional.of(identity));
  }

  /** An award whose file gives the recipient already hashed. */
  static EarnedAward hashed(String badgeId, String id, String issued) {
    Recipient recipient =
        new Recipient("email", "sha256$" + "ab".repeat(32), "s", Optional.empty());
    return new EarnedAward(
        award(badgeId, id, recipient, issued, Optional.empty()), Optional.empty());
  }

  static Revocation revoked(String date) {
    return new Revocation("Issued in error", Optional.of(LocalDate.parse(date)));
  }

  /** The awards most tests use: one of each kind of recipient, one revoked, one hashed. */
  static List<EarnedAward> awards() {
    List<EarnedAward> awards = new ArrayList<>();
    awards.add(plain("mentor", "ada", "email", "Ada@Example.org", "2026-03-01T10:00:00+01:00"));
    awards.add(
        plain(
            "mentor", "bob", "url", "https://Bob.example.net/about", "2026-03-02T10:00:00+01:00"));
    awards.add(plain("speaker", "cy", "id", "did:web:cy.example.com", "2026-04-01T18:30:00+02:00"));
    awards.add(
        plain(
            "speaker",
            "dee",
            "email",
            "dee@example.org",
            "2026-02-10T12:00:00+01:00",
            Optional.of(revoked("2026-05-04"))));
    awards.add(hashed("speaker", "eve", "2026-04-02T09:00:00+02:00"));
    awards.add(plain("speaker", "fay", "telephone", "+4930123456", "2026-04-03T09:00:00+02:00"));
    return awards;
  }

  /** A stand-in baked PNG per award: its bytes name the award. */
  static BakedImages baked() {
    return award ->
        Optional.of(
            ("PNG of " + award.badgeId() + "/" + award.id()).getBytes(StandardCharsets.UTF_8));
  }

  private static Award award(
      String badgeId,
      String id,
      Recipient recipient,
      String issued,
      Optional<Revocation> revocation) {
    return new Award(
        badgeId,
        id,
        recipient,
        OffsetDateTime.parse(issued),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        revocation,
        "awards/" + badgeId + "/" + id + ".yaml");
  }
}
