package dev.badgesmith.pages;

import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Endorsements;
import dev.badgesmith.model.ImageFile;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.PageSettings;
import dev.badgesmith.model.Recipient;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteSettings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Small sites built in Java, as the loader would hand them to the renderers. */
public final class SampleSite {
  static final String BASE_URL = "https://user.github.io/repo/";
  static final String HASH_1 = "sha256$" + "1a".repeat(32);
  static final String HASH_2 = "sha256$" + "2b".repeat(32);
  static final String HASH_3 = "sha256$" + "3c".repeat(32);

  /** An earner's URL that tries to break out of the attribute and text it is printed in. */
  static final String HOSTILE_EARNER = "https://evil.example/\"><script>alert(14)</script>";

  static final List<String> SALTS = List.of("salt-one-4f1d", "salt-two-8e2c", "salt-three-0b7a");

  private SampleSite() {}

  /** One issuer, two badge classes (the second stacks on the first), three awards, one revoked. */
  public static Site small() {
    Issuer issuer =
        new Issuer(
            "example-org",
            "Example Org",
            "https://example.org/",
            "badges@example.org",
            Optional.of("We teach *Rust*."),
            Optional.empty(),
            "issuers/example-org.yaml");
    BadgeClass basics =
        badge(
            "rust-basics",
            "Rust Basics",
            "Writes and tests small Rust programs.",
            "The earner:\n\n"
                + "- wrote a **CLI tool**\n"
                + "- passed the [quiz](https://example.org/quiz)\n\n"
                + "| Part | Weight |\n"
                + "|---|---|\n"
                + "| Code | 60% |\n"
                + "| Quiz | 40% |\n",
            List.of(),
            Optional.empty());
    BadgeClass advanced =
        new BadgeClass(
            "rust-advanced",
            "Rust Advanced",
            "Builds concurrent Rust services.",
            "example-org",
            new ImageFile("badges/rust-advanced.png", "png"),
            Optional.of("A gear on an orange shield"),
            List.of("rust", "concurrency"),
            List.of(
                new Alignment(
                    "Concurrent programming",
                    "https://skills.example.net/concurrency",
                    Optional.of("Designs programs that run safely on many threads."),
                    Optional.of("Example Skills Framework"),
                    Optional.of("ESF-42"))),
            Optional.of(Period.ofYears(2)),
            List.of("rust-basics"),
            Optional.empty(),
            Optional.of("en"),
            "Ship a service that handles **1000** requests a second.",
            "badges/rust-advanced.md");
    List<Award> awards =
        List.of(
            award(
                "rust-advanced",
                "2026-ada",
                HASH_1,
                SALTS.get(0),
                Optional.of("Ada L."),
                Optional.empty()),
            award(
                "rust-basics",
                "2026-ada",
                HASH_2,
                SALTS.get(1),
                Optional.empty(),
                Optional.empty()),
            award(
                "rust-basics",
                "2026-bob",
                HASH_3,
                SALTS.get(2),
                Optional.empty(),
                Optional.of(
                    new Revocation("Issued in error", Optional.of(LocalDate.of(2026, 4, 2))))));
    return new Site(settings("Example Badges"), List.of(issuer), List.of(advanced, basics), awards);
  }

  /** A site whose content tries to inject markup and script everywhere it can. */
  static Site hostile() {
    Issuer issuer =
        new Issuer(
            "evil",
            "<script>alert('issuer')</script>",
            "javascript:alert('issuer')",
            "evil@example.org",
            Optional.of("# <script>alert(15)</script>\n\n[x](javascript:alert(16))"),
            Optional.empty(),
            "issuers/evil.yaml");
    BadgeClass badge =
        new BadgeClass(
            "evil",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>",
            "evil",
            new ImageFile("badges/evil.svg", "svg"),
            Optional.of("\" onload=\"alert(3)"),
            List.of("<b>tag</b>"),
            List.of(
                new Alignment(
                    "<i>skill</i>",
                    "javascript:alert(4)",
                    Optional.of("<script>alert(5)</script>"),
                    Optional.of("<u>framework</u>"),
                    Optional.of("<code>"))),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            "<script>alert(6)</script>\n\n"
                + "[click](javascript:alert(7)) ![img](javascript:alert(8))\n\n"
                + "<a href=\"javascript:alert(9)\">raw</a>",
            "badges/evil.md");
    OffsetDateTime issued = OffsetDateTime.parse("2026-03-01T09:30:00+01:00");
    Award award =
        new Award(
            "evil",
            "a1",
            new Recipient(
                "url",
                HASH_1,
                SALTS.get(0),
                Optional.of("<script>alert(10)</script>"),
                Optional.of(HOSTILE_EARNER)),
            issued,
            Optional.of(issued.minusDays(1).plusMonths(2)),
            Optional.of("## <script>alert(17)</script>\n\n<img src=x onerror=alert(18)>"),
            List.of(),
            Optional.empty(),
            "awards/evil/a1.yaml");
    SiteSettings settings =
        new SiteSettings(
            "</title><script>alert(11)</script>",
            Optional.of("\"><script>alert(12)</script>"),
            BASE_URL,
            "evil",
            "en\"><script>alert(13)</script>",
            ZoneId.of("UTC"),
            SiteSettings.DEFAULT_PNG_SIZE,
            SiteSettings.DEFAULT_MAX_IMAGE_BYTES,
            Optional.empty(),
            new PageSettings(true, true, false, true, List.of(), true));
    Endorsement endorsement =
        new Endorsement(
            "evil-endorses",
            "evil",
            new Endorsement.Target(Endorsement.Kind.BADGE, "evil"),
            "<script>alert(19)</script>\n\n[x](javascript:alert(20)) *well*",
            issued,
            Optional.empty(),
            "endorsements/evil-endorses.yaml");
    Endorsements endorsements =
        new Endorsements(
            List.of(endorsement),
            List.of(
                new Endorsements.Received(
                    Endorsement.Kind.BADGE,
                    "evil",
                    "https://x.example/\"><script>alert(21)</script>")));
    return new Site(
        settings,
        List.of(issuer),
        List.of(badge),
        List.of(award),
        new dev.badgesmith.framework.CaseFrameworks(List.of()),
        endorsements);
  }

  static SiteSettings settings(String title) {
    return new SiteSettings(
        title,
        Optional.of("Badges of the Example Org courses."),
        BASE_URL,
        "example-org",
        "en",
        ZoneId.of("Europe/Berlin"),
        SiteSettings.DEFAULT_PNG_SIZE,
        SiteSettings.DEFAULT_MAX_IMAGE_BYTES,
        Optional.empty(),
        PageSettings.DEFAULT);
  }

  private static BadgeClass badge(
      String id,
      String name,
      String description,
      String criteria,
      List<String> requires,
      Optional<Period> validFor) {
    return new BadgeClass(
        id,
        name,
        description,
        "example-org",
        new ImageFile("badges/" + id + ".svg", "svg"),
        Optional.empty(),
        List.of(),
        List.of(),
        validFor,
        requires,
        Optional.empty(),
        Optional.empty(),
        criteria,
        "badges/" + id + ".md");
  }

  private static Award award(
      String badgeId,
      String id,
      String hash,
      String salt,
      Optional<String> name,
      Optional<Revocation> revocation) {
    OffsetDateTime issued = OffsetDateTime.parse("2026-03-01T09:30:00+01:00");
    return new Award(
        badgeId,
        id,
        new Recipient("email", hash, salt, name),
        issued,
        Optional.of(issued.plusYears(2)),
        Optional.empty(),
        List.of(),
        revocation,
        "awards/" + badgeId + "/" + id + ".yaml");
  }
}
