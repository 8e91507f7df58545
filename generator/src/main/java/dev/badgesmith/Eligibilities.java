package dev.badgesmith;

import dev.badgesmith.EligibleResult.Eligible;
import dev.badgesmith.EligibleResult.Qualifying;
import dev.badgesmith.EligibleResult.Recipient;
import dev.badgesmith.award.NewAward;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.EvidenceDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.pathway.EarnerKey;
import dev.badgesmith.pathway.Eligibility;
import dev.badgesmith.pathway.EligibilityFinder;
import dev.badgesmith.pathway.LiveAward;
import dev.badgesmith.pathway.StackRule;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facade's {@code eligible}: the site checked with every award file read (plain identities live
 * only there), each live award keyed by its earner ({@link EarnerKey}), and the stack badges' rules
 * matched ({@link EligibilityFinder}). Also the new award files of {@code award --eligible}.
 */
final class Eligibilities {
  private final Pipeline pipeline;
  private final Optional<String> siteSecret;
  private final Instant buildDate;

  Eligibilities(Pipeline pipeline, Optional<String> siteSecret, Instant buildDate) {
    this.pipeline = pipeline;
    this.siteSecret = siteSecret.filter(s -> !s.isEmpty());
    this.buildDate = buildDate;
  }

  /**
   * Who is eligible, for every stack badge or for {@code badge} only.
   *
   * @throws BadgesmithException when {@code badge} names no badge class, or one that requires none
   */
  EligibleResult find(Path siteDir, Optional<String> badge) {
    if (badge.isEmpty()) {
      // The check with the award cache first: a site with errors, or without a stack badge, needs
      // no award file read again, which is what makes a check of a large site take seconds.
      CheckedSite quick = pipeline.checkSite(siteDir);
      if (quick.site().isEmpty()
          || quick.report().hasErrors()
          || quick.site().get().badges().stream().noneMatch(b -> b.requirement().isPresent())) {
        return new EligibleResult(quick.report(), List.of());
      }
    }
    CheckedFiles checked = pipeline.checkEveryFile(siteDir);
    if (checked.site().isEmpty() || checked.report().hasErrors()) {
      return new EligibleResult(checked.report(), List.of());
    }
    Site site = checked.site().get();
    List<StackRule> rules = new ArrayList<>();
    for (BadgeClass b : site.badges()) {
      b.requirement()
          .ifPresent(r -> rules.add(new StackRule(b.id(), SourcePosition.startOf(b.source()), r)));
    }
    if (badge.isPresent()) {
      String id = badge.get();
      if (site.badges().stream().noneMatch(b -> b.id().equals(id))) {
        throw new BadgesmithException("no badge class '" + id + "' (badges/" + id + ".md)");
      }
      if (rules.stream().noneMatch(r -> r.badgeId().equals(id))) {
        throw new BadgesmithException(
            "the badge class '" + id + "' requires no badges: nobody becomes eligible for it");
      }
    }
    Map<String, RecipientDoc> recipients = new HashMap<>();
    Map<String, EarnerKey> stored = new HashMap<>();
    for (AwardDoc doc : checked.doc().awards()) {
      recipients.put(doc.badgeId() + "/" + doc.id(), doc.recipient());
      doc.earner().ifPresent(key -> stored.put(doc.badgeId() + "/" + doc.id(), key));
    }
    Map<String, Award> byId = new HashMap<>();
    List<LiveAward> live = new ArrayList<>();
    for (Award award : site.awards()) {
      String id = award.badgeId() + "/" + award.id();
      byId.put(id, award);
      if (isLive(award)) {
        live.add(
            new LiveAward(
                earner(award, recipients.get(id), Optional.ofNullable(stored.get(id))),
                award.badgeId(),
                award.id()));
      }
    }
    List<Eligibility> found =
        badge.isPresent()
            ? EligibilityFinder.find(rules, live, badge.get())
            : EligibilityFinder.find(rules, live);
    SiteLayout layout = new SiteLayout(site.settings());
    Map<String, String> names = new HashMap<>();
    site.badges().forEach(b -> names.put(b.id(), b.name()));
    List<Eligible> eligible = new ArrayList<>();
    for (Eligibility e : found) {
      List<Qualifying> qualifying = new ArrayList<>();
      Optional<Recipient> plain = Optional.empty();
      for (LiveAward q : e.qualifying()) {
        String id = q.badgeId() + "/" + q.awardId();
        Award award = byId.get(id);
        qualifying.add(
            new Qualifying(
                q.badgeId(),
                names.getOrDefault(q.badgeId(), q.badgeId()),
                q.awardId(),
                layout.awardPage(award).url()));
        RecipientDoc r = recipients.get(id);
        if (plain.isEmpty() && r != null && !r.prehashed()) {
          // The key an award file writes: a DID is read as the Open Badges type id.
          String type = r.type().equals("id") ? "did" : r.type();
          plain = Optional.of(new Recipient(type, r.identity(), r.name()));
        }
      }
      eligible.add(new Eligible(e.badgeId(), plain, qualifying));
    }
    return new EligibleResult(checked.report(), eligible);
  }

  /**
   * The award file of each eligible earner with a plain identity: the identity and display name as
   * an award of theirs writes them, and evidence linking the awards that qualify.
   */
  static List<NewAward> newAwards(List<Eligible> eligible, LocalDate issuedOn) {
    List<NewAward> awards = new ArrayList<>();
    for (Eligible e : eligible) {
      if (e.recipient().isEmpty()) {
        continue;
      }
      Recipient r = e.recipient().get();
      Qualifying first = e.qualifying().get(0);
      SourcePosition origin =
          SourcePosition.startOf("awards/" + first.badgeId() + "/" + first.awardId() + ".yaml");
      List<EvidenceDoc> evidence = new ArrayList<>();
      for (Qualifying q : e.qualifying()) {
        evidence.add(
            new EvidenceDoc(
                Optional.of(q.url()),
                Optional.of(q.badgeName()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
      }
      AwardDoc doc =
          new AwardDoc(
              e.badgeId(),
              "",
              origin.path(),
              origin,
              new RecipientDoc(
                  r.type().equals("did") ? "id" : r.type(),
                  r.identity(),
                  Optional.empty(),
                  r.name()),
              new Located<>(issuedOn.toString(), origin),
              Optional.empty(),
              Optional.empty(),
              evidence,
              Optional.empty());
      awards.add(
          new NewAward(
              Optional.empty(),
              dev.badgesmith.award.AwardBatch.idBase(doc, false),
              doc,
              false,
              origin,
              Optional.empty()));
    }
    return awards;
  }

  /** Neither revoked nor expired at the build date, as the award pages tell it. */
  private boolean isLive(Award award) {
    return !award.revoked()
        && award.expires().map(e -> !e.toInstant().isBefore(buildDate)).orElse(true);
  }

  /**
   * The earner of an award: from its plain identity (keyed when the site secret is set), or the
   * keyed key stored beside a hashed one; any other award is an earner of its own.
   */
  private EarnerKey earner(Award award, RecipientDoc recipient, Optional<EarnerKey> stored) {
    if (recipient == null) {
      return EarnerKey.ofAward(award.badgeId(), award.id());
    }
    if (recipient.prehashed()) {
      return stored.orElseGet(() -> EarnerKey.ofAward(award.badgeId(), award.id()));
    }
    return EarnerKey.of(siteSecret, recipient.type(), recipient.identity())
        .orElseGet(() -> EarnerKey.ofAward(award.badgeId(), award.id()));
  }
}
