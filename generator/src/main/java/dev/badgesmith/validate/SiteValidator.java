package dev.badgesmith.validate;

import static dev.badgesmith.validate.Suggestions.withSuggestion;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.Severity;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.framework.CaseFrameworks;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.load.Dates;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.BadgeDoc;
import dev.badgesmith.load.Docs.IssuerDoc;
import dev.badgesmith.load.Docs.SettingsDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Endorsements;
import dev.badgesmith.model.Evidence;
import dev.badgesmith.model.ImageFile;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.SigningSettings;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteSettings;
import dev.badgesmith.model.Translations;
import dev.badgesmith.pathway.RequirementCheck;
import dev.badgesmith.pathway.StackRule;
import dev.badgesmith.source.SiteSources;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a loaded site across files (references, images, ids two files claim) and turns it into the
 * model: dates resolved in the site's time zone, recipients hashed, expiry computed. Each check of
 * its own concern is a class of its own: the signing keys ({@link SigningChecks}), images ({@link
 * ImageChecks}), recipients' hashes ({@link RecipientHashes}) and static files that would overwrite
 * generated ones ({@link OutputCollisions}).
 */
public final class SiteValidator {
  private final RecipientHashes recipients;
  private final Instant buildDate;
  private final ImageInspector inspector;

  /**
   * @param saltSecret the site secret recipients' salts are derived from, when set
   * @param buildDate what the build takes as now: an award issued later is not valid yet
   * @param inspector the image checks of the run, which may keep what each SVG's check found
   */
  public SiteValidator(Optional<String> saltSecret, Instant buildDate, ImageInspector inspector) {
    this.recipients = new RecipientHashes(saltSecret.filter(s -> !s.isEmpty()));
    this.buildDate = Objects.requireNonNull(buildDate, "buildDate");
    this.inspector = Objects.requireNonNull(inspector, "inspector");
  }

  /**
   * The model, or empty when there is any error (all of them reported).
   *
   * @param known awards of files the loader did not read, validated before against the same
   *     settings, issuers and badge classes: they join the site as they are, and only checks across
   *     awards (ids two of them claim) see them
   */
  public Optional<Site> validate(
      SiteSources sources, SiteDoc doc, List<Award> known, Diagnostics diagnostics) {
    Run run = new Run(sources, doc, List.copyOf(known), diagnostics);
    Optional<Site> site = run.site();
    return diagnostics.hasErrors() ? Optional.empty() : site;
  }

  private final class Run {
    private final SiteSources sources;
    private final SiteDoc doc;
    private final List<Award> known;
    private final Diagnostics d;
    private long maxImageBytes = SiteSettings.DEFAULT_MAX_IMAGE_BYTES;
    private boolean publishesEarnerIds;

    private final SigningChecks keys;
    private final ImageChecks images;
    private final AlignmentChecks aligned;
    private final CaseFrameworks frameworks;

    Run(SiteSources sources, SiteDoc doc, List<Award> known, Diagnostics d) {
      this.sources = sources;
      this.doc = doc;
      this.known = known;
      this.d = d;
      SitePaths paths = new SitePaths(sources.root(), d);
      this.keys = new SigningChecks(paths, d);
      this.images = new ImageChecks(paths, d, inspector);
      this.frameworks = new CaseFrameworks(doc.frameworks());
      this.aligned =
          new AlignmentChecks(
              frameworks, sources.frameworks().size() == doc.frameworks().size(), d);
    }

    Optional<Site> site() {
      DuplicateIds.files(sources.issuers(), "issuer", d);
      DuplicateIds.files(
          sources.awards().stream().filter(f -> !f.hasExtension("csv")).toList(), "award", d);
      DuplicateIds.rows(sources, doc, known, d);
      DuplicateIds.files(sources.endorsements(), "endorsement", d);
      staticFiles();
      Optional<SiteSettings> settings = doc.settings().flatMap(this::settings);
      settings.ifPresent(s -> maxImageBytes = s.maxImageBytes());
      publishesEarnerIds = settings.map(s -> s.pages().publishesEarnerIds()).orElse(false);
      List<Issuer> issuers =
          doc.issuers().stream().map(this::issuer).flatMap(Optional::stream).toList();
      Optional<String> defaultIssuer =
          settings.map(SiteSettings::defaultIssuer).filter(s -> !s.isEmpty());
      // The rules of stack badges are checked together: a cycle spans several files.
      List<Diagnostic> rules =
          RequirementCheck.check(
              doc.badgeIds(), doc.badges().stream().flatMap(b -> b.requires().stream()).toList());
      rules.forEach(d::add);
      // A badge class naming one that does not exist is left out, as any unresolved reference is.
      Set<String> unresolved = new HashSet<>();
      rules.stream()
          .filter(p -> p.code() == Code.UNKNOWN_BADGE && p.severity() == Severity.ERROR)
          .forEach(p -> unresolved.add(p.path()));
      List<BadgeClass> badges =
          doc.badges().stream()
              .map(b -> badge(b, defaultIssuer).filter(x -> !unresolved.contains(b.path())))
              .flatMap(Optional::stream)
              .toList();
      Map<String, BadgeClass> badgesById = new HashMap<>();
      badges.forEach(b -> badgesById.put(b.id(), b));
      ZoneId zone = settings.map(SiteSettings::timeZone).orElse(ZoneOffset.UTC);
      List<Award> awards = new ArrayList<>();
      Optional<SigningSettings> signing = settings.flatMap(SiteSettings::signing);
      for (AwardDoc a : doc.awards()) {
        Optional<Award> award = award(a, badgesById, zone);
        award.ifPresent(awards::add);
        award.ifPresent(w -> signing.ifPresent(g -> keyPeriods(a, w, g)));
      }
      if (!known.isEmpty()) {
        // Checked before, against the same settings and badge classes. In file order, as if read
        // now: a stable sort keeps a CSV file's rows in their order.
        awards.addAll(known);
        awards.sort(java.util.Comparator.comparing(Award::source));
      }
      // Every award's key, read now or known, with the language it is written in: the keys are
      // what endorsements may name.
      Map<String, String> awardLanguages = awardLanguages(awards, settings);
      Endorsements endorsements =
          new EndorsementChecks(doc, d)
              .endorsements(
                  issuers,
                  badges,
                  java.util.Collections.unmodifiableSet(awardLanguages.keySet()),
                  zone,
                  buildDate);
      Translations translations =
          new TranslationChecks(doc, sources.translations().stream().map(f -> f.path()).toList(), d)
              .translations(
                  settings.map(SiteSettings::languages).orElse(List.of("en")), awardLanguages);
      return settings.map(
          s -> new Site(s, issuers, badges, awards, frameworks, endorsements, translations));
    }

    private Optional<SiteSettings> settings(SettingsDoc s) {
      String base =
          s.baseUrl().value().endsWith("/") ? s.baseUrl().value() : s.baseUrl().value() + "/";
      String issuer = "";
      if (s.issuer().isPresent()) {
        Located<String> named = s.issuer().get();
        if (knownIssuer(named)) {
          issuer = named.value();
        }
      } else if (doc.issuerIds().size() == 1) {
        issuer = doc.issuerIds().get(0);
      } else if (doc.issuerIds().isEmpty()) {
        d.add(
            Diagnostic.error(
                    Code.UNKNOWN_ISSUER, SourcePosition.startOf(s.path()), "the site has no issuer")
                .withHint("add issuers/<issuer-id>.yaml with name, url and email"));
      }
      ZoneId zone = s.timeZone().map(z -> ZoneId.of(z.value())).orElse(ZoneOffset.UTC);
      return Optional.of(
          new SiteSettings(
              s.title(),
              s.description(),
              base,
              issuer,
              s.language(),
              zone,
              s.pngSize(),
              s.maxImageBytes(),
              s.signing().flatMap(g -> keys.signing(g, zone)),
              s.pages(),
              s.languages()));
    }

    private boolean knownIssuer(Located<String> id) {
      if (doc.issuerIds().contains(id.value())) {
        return true;
      }
      d.add(
          withSuggestion(
              Diagnostic.error(Code.UNKNOWN_ISSUER, id.at(), "no issuer '" + id.value() + "'"),
              id.value(),
              doc.issuerIds(),
              "issuers/" + id.value() + ".yaml"));
      return false;
    }

    private Optional<Issuer> issuer(IssuerDoc i) {
      Optional<ImageFile> image = Optional.empty();
      if (i.image().isPresent()) {
        image = images.image(i.image().get(), maxImageBytes);
        if (image.isEmpty()) {
          return Optional.empty();
        }
      }
      return Optional.of(
          new Issuer(i.id(), i.name(), i.url(), i.email(), i.description(), image, i.path()));
    }

    private Optional<BadgeClass> badge(BadgeDoc b, Optional<String> defaultIssuer) {
      // Every check runs, so one run reports all of a badge class's problems.
      boolean ok = true;
      String issuer = "";
      if (b.issuer().isPresent()) {
        ok = knownIssuer(b.issuer().get());
        issuer = b.issuer().get().value();
      } else if (defaultIssuer.isPresent()) {
        issuer = defaultIssuer.get();
      } else {
        if (doc.issuerIds().size() > 1 && doc.settings().isPresent()) {
          d.add(
              Diagnostic.error(
                      Code.MISSING_FIELD,
                      b.frontMatterAt(),
                      "the badge class names no issuer and the " + "site has no default issuer")
                  .withHint("add 'issuer: <issuer-id>' here or in site.yaml"));
        }
        ok = false;
      }
      Optional<List<Alignment>> alignments = aligned.alignments(b.alignments());
      ok &= alignments.isPresent();
      Optional<ImageFile> image = images.badgeDesign(b, maxImageBytes);
      if (!ok || image.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new BadgeClass(
              b.id(),
              b.name(),
              b.description(),
              issuer,
              image.get(),
              b.imageAlt(),
              b.tags(),
              alignments.get(),
              b.validFor(),
              b.requires().map(r -> r.requirement().badgeIds()).orElse(List.of()),
              b.requires().map(StackRule::requirement),
              // On a site in several languages, each badge class says which it is written in.
              b.language()
                  .or(
                      () ->
                          doc.settings()
                              .filter(s -> s.languages().size() > 1)
                              .map(s -> s.languages().get(0))),
              b.criteria(),
              b.path()));
    }

    /** The language each award is written in, by its {@code <badge-id>/<award-id>}. */
    private Map<String, String> awardLanguages(
        List<Award> awards, Optional<SiteSettings> settings) {
      String fallback = settings.map(SiteSettings::defaultLanguage).orElse("en");
      Map<String, String> languages = new HashMap<>();
      awards.forEach(a -> languages.put(a.badgeId() + "/" + a.id(), a.language().orElse(fallback)));
      // An award that failed validation still has its file: its translations are not reported.
      doc.awards().forEach(a -> languages.putIfAbsent(a.badgeId() + "/" + a.id(), fallback));
      return languages;
    }

    /** See {@link SigningChecks#keyPeriods}. */
    private void keyPeriods(AwardDoc doc, Award award, SigningSettings signing) {
      keys.keyPeriods(doc, award, signing);
    }

    private Optional<Award> award(AwardDoc a, Map<String, BadgeClass> badges, ZoneId zone) {
      BadgeClass badge = badges.get(a.badgeId());
      if (badge == null) {
        if (!doc.badgeIds().contains(a.badgeId())) {
          d.add(
              withSuggestion(
                  Diagnostic.error(
                      Code.UNKNOWN_BADGE,
                      SourcePosition.startOf(a.path()),
                      "no badge class '" + a.badgeId() + "' for this award"),
                  a.badgeId(),
                  doc.badgeIds(),
                  "badges/" + a.badgeId() + ".md"));
        }
        return Optional.empty();
      }
      if (!existingTimes(a, zone)) {
        return Optional.empty();
      }
      OffsetDateTime issuedOn = Dates.resolve(a.issuedOn().value(), zone).orElseThrow();
      if (issuedOn.toInstant().isAfter(buildDate)) {
        d.add(
            Diagnostic.warning(
                    Code.ISSUED_IN_FUTURE,
                    a.issuedOn().at(),
                    "the award is issued on "
                        + a.issuedOn().value()
                        + ", after today (the build date): its credential is not valid until"
                        + " then")
                .withHint(
                    "give the date it was earned; a scheduled award is published on the day,"
                        + " by a build on or after it"));
      }
      Optional<OffsetDateTime> expires =
          a.expires()
              .map(e -> Dates.resolve(e.value(), zone).orElseThrow())
              .or(() -> badge.validFor().map(issuedOn::plus));
      if (expires.isPresent() && !expires.get().isAfter(issuedOn)) {
        SourcePosition at = a.expires().map(Located::at).orElse(a.issuedOn().at());
        d.add(
            Diagnostic.error(
                    Code.EXPIRES_BEFORE_ISSUED, at, "the award expires before it is issued")
                .withHint("'expires' must be later than 'issuedOn'"));
        return Optional.empty();
      }
      Optional<Revocation> revocation =
          a.revoked()
              .map(r -> new Revocation(r.reason(), r.date().flatMap(x -> Dates.date(x.value()))));
      Optional<Located<String>> revokedOn = a.revoked().flatMap(r -> r.date());
      if (revocation
          .flatMap(Revocation::date)
          .filter(issuedOn.toLocalDate()::isAfter)
          .isPresent()) {
        d.add(
            Diagnostic.error(
                    Code.REVOKED_BEFORE_ISSUED,
                    revokedOn.orElseThrow().at(),
                    "the award is revoked on "
                        + revokedOn.get().value()
                        + ", before it is issued ("
                        + a.issuedOn().value()
                        + ")")
                .withHint("a revocation's date is on or after the issue date"));
        return Optional.empty();
      }
      List<Evidence> evidence =
          a.evidence().stream()
              .map(
                  e ->
                      new Evidence(
                          e.url(),
                          e.name(),
                          e.description(),
                          e.narrative(),
                          e.genre(),
                          e.audience()))
              .toList();
      return Optional.of(
          new Award(
              badge.id(), // one text per badge class, not one per award
              a.id(),
              recipients.recipient(a, a.recipient(), publishesEarnerIds),
              issuedOn,
              expires,
              a.narrative(),
              evidence,
              revocation,
              a.path(),
              awardLanguage(a)));
    }

    /**
     * The language an award is written in, when it names one: one of the site's, other than the
     * default (which it need not name).
     */
    private Optional<String> awardLanguage(AwardDoc a) {
      if (a.language().isEmpty()) {
        return Optional.empty();
      }
      Located<String> language = a.language().get();
      List<String> languages =
          doc.settings().map(SettingsDoc::languages).orElse(List.of(language.value()));
      if (!languages.contains(language.value())) {
        d.add(
            Diagnostic.error(
                    Code.TRANSLATION_LANGUAGE,
                    language.at(),
                    "an award in " + language.value() + ", which the site does not list")
                .withHint(
                    "add "
                        + language.value()
                        + " to 'languages' in site.yaml (now "
                        + String.join(", ", languages)
                        + "), or write the award in one of them"));
        return Optional.empty();
      }
      return Optional.of(language.value()).filter(l -> !l.equals(languages.get(0)));
    }

    /**
     * Whether each local date-time of the award exists in the site's time zone: one in a daylight
     * saving gap (02:30 on the day clocks jump to 03:00) names no instant, and Java would move it
     * silently.
     */
    private boolean existingTimes(AwardDoc a, ZoneId zone) {
      boolean ok = true;
      for (Located<String> date :
          Stream.concat(Stream.of(a.issuedOn()), a.expires().stream()).toList()) {
        if (Dates.inGap(date.value(), zone)) {
          d.add(
              Diagnostic.error(
                      Code.INVALID_DATE,
                      date.at(),
                      "'"
                          + date.value()
                          + "' does not exist in "
                          + zone
                          + ": the clocks skip that time when daylight saving time begins")
                  .withHint("give a time outside the gap, or an offset such as +01:00"));
          ok = false;
        }
      }
      return ok;
    }

    private void staticFiles() {
      OutputCollisions.check(sources.staticFiles(), d);
    }
  }
}
