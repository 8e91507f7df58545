package dev.badgesmith.validate;

import dev.badgesmith.bake.PngSignature;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.Severity;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.diag.Spelling;
import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.ImageProblem;
import dev.badgesmith.load.Dates;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.BadgeDoc;
import dev.badgesmith.load.Docs.IssuerDoc;
import dev.badgesmith.load.Docs.KeyDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Docs.SettingsDoc;
import dev.badgesmith.load.Docs.SigningDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.model.Alignment;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Evidence;
import dev.badgesmith.model.ImageFile;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.PublishedKey;
import dev.badgesmith.model.Recipient;
import dev.badgesmith.model.Revocation;
import dev.badgesmith.model.SigningSettings;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteSettings;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.source.FileNames;
import dev.badgesmith.source.SiteScanner;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a loaded site across files (references, images, ids two files claim) and turns it into the
 * model: dates resolved in the site's time zone, recipients hashed, expiry computed.
 */
public final class SiteValidator {
  /** Output folders the generator owns; files in static/ may not land in them. */
  private static final List<String> GENERATED =
      List.of(
          "issuers/",
          "badges/",
          "achievements/",
          "assertions/",
          "credentials/",
          "keys/",
          "status/",
          "assets/",
          "earners/",
          "tags/",
          "skills/",
          ".well-known/");

  private static final Set<String> GENERATED_FILES =
      Set.of(
          "index.html",
          "manifest.json",
          "404.html",
          "did.json",
          ".nojekyll",
          "revocations.json",
          "sitemap.xml",
          "robots.txt",
          "feed.xml");

  private static final ImageInspector INSPECTOR = new ImageInspector();

  private final Optional<String> saltSecret;
  private final Instant buildDate;

  /**
   * @param saltSecret the site secret recipients' salts are derived from, when set
   * @param buildDate what the build takes as now: an award issued later is not valid yet
   */
  public SiteValidator(Optional<String> saltSecret, Instant buildDate) {
    this.saltSecret = saltSecret.filter(s -> !s.isEmpty());
    this.buildDate = Objects.requireNonNull(buildDate, "buildDate");
  }

  /** The model, or empty when there is any error (all of them reported). */
  public Optional<Site> validate(SiteSources sources, SiteDoc doc, Diagnostics diagnostics) {
    return validate(sources, doc, List.of(), diagnostics);
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
    private boolean earnerPages;

    Run(SiteSources sources, SiteDoc doc, List<Award> known, Diagnostics d) {
      this.sources = sources;
      this.doc = doc;
      this.known = known;
      this.d = d;
    }

    Optional<Site> site() {
      duplicateIds(sources.issuers(), "issuer");
      duplicateIds(
          sources.awards().stream().filter(f -> !f.extension().equals("csv")).toList(), "award");
      duplicateRowIds();
      staticFiles();
      Optional<SiteSettings> settings = doc.settings().flatMap(this::settings);
      settings.ifPresent(s -> maxImageBytes = s.maxImageBytes());
      earnerPages = settings.map(s -> s.pages().earnerPages()).orElse(false);
      List<Issuer> issuers =
          doc.issuers().stream().map(this::issuer).flatMap(Optional::stream).toList();
      Optional<String> defaultIssuer =
          settings.map(SiteSettings::defaultIssuer).filter(s -> !s.isEmpty());
      List<BadgeClass> badges =
          doc.badges().stream()
              .map(b -> badge(b, defaultIssuer))
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
      return settings.map(s -> new Site(s, issuers, badges, awards));
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
              s.signing().flatMap(g -> signing(g, zone)),
              s.pages()));
    }

    /** The signing section: keys that exist, parse and match their algorithm, and usable roles. */
    private Optional<SigningSettings> signing(SigningDoc doc, ZoneId zone) {
      List<PublishedKey> keys = new ArrayList<>();
      Map<String, KeyAlgorithm> algorithms = new HashMap<>();
      boolean ok = true;
      for (KeyDoc k : doc.keys()) {
        Optional<PublishedKey> key = key(k, zone);
        if (key.isEmpty()) {
          ok = false;
        } else if (algorithms.containsKey(key.get().id())) {
          d.add(
              Diagnostic.error(
                  Code.DUPLICATE_ID,
                  k.id().at(),
                  "two signing keys have the id '" + k.id().value() + "'"));
          ok = false;
        } else {
          keys.add(key.get());
          algorithms.put(key.get().id(), KeyAlgorithm.parse(key.get().algorithm()));
        }
      }
      List<String> ids = doc.keys().stream().map(k -> k.id().value()).toList();
      ok &=
          role(
              doc.jwt(),
              "VC-JWTs",
              List.of(KeyAlgorithm.RS256, KeyAlgorithm.ES256),
              ids,
              algorithms,
              keys);
      ok &=
          role(
              doc.dataIntegrity(),
              "Data Integrity proofs",
              List.of(KeyAlgorithm.Ed25519),
              ids,
              algorithms,
              keys);
      if (doc.jwt().isEmpty() && doc.dataIntegrity().isEmpty()) {
        d.add(
            Diagnostic.error(
                    Code.MISSING_FIELD, doc.at(), "the signing settings name no key to sign with")
                .withHint(
                    "add 'jwt: <key-id>' (RS256 or ES256), 'dataIntegrity: <key-id>' (Ed25519), or both"));
        ok = false;
      }
      if (!ok) {
        return Optional.empty();
      }
      boolean ob2Signed = doc.ob2().map(o -> o.value().equals("signed")).orElse(false);
      if (ob2Signed
          && !doc.jwt().map(j -> algorithms.get(j.value()) == KeyAlgorithm.RS256).orElse(false)) {
        d.add(
            Diagnostic.error(
                    Code.INVALID_VALUE,
                    doc.ob2().get().at(),
                    "signed Open Badges 2.0 assertions need an RS256 key as 'jwt'")
                .withHint("Open Badges 2.0 validators check RS256 signatures only"));
        return Optional.empty();
      }
      boolean did = doc.issuerId().map(i -> i.value().equals("did")).orElse(true);
      return Optional.of(
          new SigningSettings(
              did,
              doc.jwt().map(Located::value),
              doc.dataIntegrity().map(Located::value),
              keys,
              ob2Signed));
    }

    private boolean role(
        Optional<Located<String>> named,
        String what,
        List<KeyAlgorithm> allowed,
        List<String> ids,
        Map<String, KeyAlgorithm> algorithms,
        List<PublishedKey> keys) {
      if (named.isEmpty()) {
        return true;
      }
      Located<String> id = named.get();
      if (!ids.contains(id.value())) {
        d.add(
            withSuggestion(
                Diagnostic.error(
                    Code.UNKNOWN_SIGNING_KEY, id.at(), "no signing key '" + id.value() + "'"),
                id.value(),
                ids,
                "a key with 'id: " + id.value() + "' under signing.keys"));
        return false;
      }
      KeyAlgorithm algorithm = algorithms.get(id.value());
      if (algorithm == null) {
        return false; // the key itself is reported
      }
      if (!allowed.contains(algorithm)) {
        d.add(
            Diagnostic.error(
                    Code.INVALID_VALUE,
                    id.at(),
                    "the key '" + id.value() + "' is " + algorithm + ", which cannot sign " + what)
                .withHint(what + " take a key of " + allowed.stream().map(Enum::name).toList()));
        return false;
      }
      if (keys.stream().anyMatch(k -> k.id().equals(id.value()) && k.revoked())) {
        d.add(
            Diagnostic.error(Code.INVALID_VALUE, id.at(), "the key '" + id.value() + "' is revoked")
                .withHint("make a new key with `badgesmith keygen` and sign with it"));
        return false;
      }
      return true;
    }

    private Optional<PublishedKey> key(KeyDoc k, ZoneId zone) {
      String id = k.id().value();
      KeyAlgorithm algorithm;
      try {
        algorithm = KeyAlgorithm.parse(k.algorithm().value());
      } catch (RuntimeException e) {
        d.add(
            Diagnostic.error(
                    Code.INVALID_VALUE,
                    k.algorithm().at(),
                    "'" + k.algorithm().value() + "' is not a key algorithm")
                .withHint("write RS256, ES256 or Ed25519"));
        return Optional.empty();
      }
      if (!SiteScanner.isSlug(id)) {
        d.add(
            Diagnostic.error(Code.INVALID_SLUG, k.id().at(), "'" + id + "' is not a valid key id")
                .withHint("key ids are lowercase letters, digits and '-', such as rsa-2026"));
        return Optional.empty();
      }
      if (FileNames.isReserved(id)) {
        // It names the key's files (keys/<id>.pem, keys/<id>.json).
        d.add(
            Diagnostic.error(
                    Code.INVALID_SLUG,
                    k.id().at(),
                    "'"
                        + id
                        + "' is not a valid key id: Windows reserves it for a device, so no file"
                        + " can bear it")
                .withHint("choose another id, such as '" + id + "-1'"));
        return Optional.empty();
      }
      Located<String> named =
          k.publicKey().orElse(new Located<>("keys/" + id + ".pem", k.id().at()));
      Optional<Path> file = insideSite(named, "public key");
      if (file.isEmpty()) {
        return Optional.empty();
      }
      String pem;
      try {
        pem = Files.readString(file.get(), StandardCharsets.UTF_8);
        PublicKeyInfo.fromPem(id, algorithm, pem);
      } catch (IOException | RuntimeException e) {
        d.add(
            Diagnostic.error(
                    Code.INVALID_VALUE,
                    named.at(),
                    "'"
                        + named.value()
                        + "' is not a "
                        + algorithm
                        + " public key: "
                        + e.getMessage())
                .withHint(
                    "make a key pair with `badgesmith keygen --id "
                        + id
                        + " --algorithm "
                        + algorithm
                        + "`"));
        return Optional.empty();
      }
      Optional<OffsetDateTime> from = k.validFrom().flatMap(t -> Dates.resolve(t.value(), zone));
      Optional<OffsetDateTime> until = k.validUntil().flatMap(t -> Dates.resolve(t.value(), zone));
      return Optional.of(
          new PublishedKey(id, algorithm.name(), pem, from, until, k.revoked(), named.value()));
    }

    /** A file named in site.yaml: inside the site folder, and there. */
    private Optional<Path> insideSite(Located<String> named, String what) {
      Optional<Path> within = withinSite(named, Code.INVALID_VALUE, what, "keys/rsa-1.pem");
      if (within.isEmpty()) {
        return Optional.empty();
      }
      Path file = within.get();
      if (!Files.isRegularFile(file)) {
        d.add(
            Diagnostic.error(
                    Code.MISSING_FIELD, named.at(), "no " + what + " file '" + named.value() + "'")
                .withHint("make one with `badgesmith keygen`, which writes keys/<id>.pem"));
        return Optional.empty();
      }
      return Optional.of(file);
    }

    /**
     * The file a name in the site refers to, unless it leads out of the site folder, by its name
     * ({@code ../}, an absolute path) or through a link (reported).
     */
    private Optional<Path> withinSite(
        Located<String> named, Code code, String what, String example) {
      Path root = sources.root();
      Path file = root.resolve(named.value()).normalize();
      boolean outside =
          named.value().startsWith("/") || named.value().contains("\\") || !file.startsWith(root);
      try {
        outside |= Files.exists(file) && !file.toRealPath().startsWith(root);
      } catch (IOException e) {
        outside = true;
      }
      if (outside) {
        d.add(
            Diagnostic.error(
                    code,
                    named.at(),
                    "the " + what + " '" + named.value() + "' is outside the site folder")
                .withHint("name a file relative to the site folder, such as " + example));
        return Optional.empty();
      }
      return Optional.of(file);
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
        image = image(i.image().get());
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
      for (Located<String> required : b.requires()) {
        if (required.value().equals(b.id())) {
          d.add(
              Diagnostic.error(
                  Code.UNKNOWN_BADGE, required.at(), "a badge class cannot require itself"));
          ok = false;
        } else if (!doc.badgeIds().contains(required.value())) {
          d.add(
              withSuggestion(
                  Diagnostic.error(
                      Code.UNKNOWN_BADGE,
                      required.at(),
                      "no badge class '" + required.value() + "'"),
                  required.value(),
                  doc.badgeIds(),
                  "badges/" + required.value() + ".md"));
          ok = false;
        }
      }
      Optional<ImageFile> image = b.image().isPresent() ? image(b.image().get()) : defaultDesign(b);
      if (!ok || image.isEmpty()) {
        return Optional.empty();
      }
      List<Alignment> alignments =
          b.alignments().stream()
              .map(
                  a ->
                      new Alignment(
                          a.targetName(),
                          a.targetUrl(),
                          a.targetDescription(),
                          a.targetFramework(),
                          a.targetCode()))
              .toList();
      return Optional.of(
          new BadgeClass(
              b.id(),
              b.name(),
              b.description(),
              issuer,
              image.get(),
              b.imageAlt(),
              b.tags(),
              alignments,
              b.validFor(),
              b.requires().stream().map(Located::value).toList(),
              b.language(),
              b.criteria(),
              b.path()));
    }

    /** badges/<id>.svg or .png beside the badge class; exactly one of them. */
    private Optional<ImageFile> defaultDesign(BadgeDoc b) {
      List<String> found = new ArrayList<>();
      for (String format : List.of("svg", "png")) {
        if (Files.isRegularFile(sources.root().resolve("badges/" + b.id() + "." + format))) {
          found.add("badges/" + b.id() + "." + format);
        }
      }
      if (found.size() == 1) {
        return image(new Located<>(found.get(0), b.frontMatterAt()));
      }
      d.add(
          Diagnostic.error(
                  Code.MISSING_IMAGE,
                  b.frontMatterAt(),
                  found.isEmpty()
                      ? "no design for badge class '" + b.id() + "'"
                      : "two designs for badge class '"
                          + b.id()
                          + "': "
                          + String.join(" and ", found))
              .withHint(
                  found.isEmpty()
                      ? "add badges/" + b.id() + ".svg or .png, or name the file with 'image:'"
                      : "remove one, or choose one with 'image:'"));
      return Optional.empty();
    }

    /** An image named in a file: inside the site, PNG or SVG, and really what its name says. */
    private Optional<ImageFile> image(Located<String> named) {
      String path = named.value();
      Path root = sources.root();
      Optional<Path> within = withinSite(named, Code.MISSING_IMAGE, "image", "badges/design.svg");
      if (within.isEmpty()) {
        return Optional.empty();
      }
      Path file = within.get();
      String format = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      if (!format.equals("png") && !format.equals("svg")) {
        d.add(
            Diagnostic.error(
                    Code.MISSING_IMAGE, named.at(), "the image '" + path + "' is not PNG or SVG")
                .withHint("Open Badges images are .png or .svg files"));
        return Optional.empty();
      }
      try {
        if (!Files.isRegularFile(file)) {
          d.add(
              Diagnostic.error(Code.MISSING_IMAGE, named.at(), "no image file '" + path + "'")
                  .withHint("paths are relative to the site folder"));
          return Optional.empty();
        }
        if (!looksLike(file, format)) {
          d.add(
              Diagnostic.error(
                  Code.MISSING_IMAGE,
                  named.at(),
                  "'" + path + "' is not a " + format.toUpperCase(Locale.ROOT) + " image"));
          return Optional.empty();
        }
        if (!inspect(file, path, format)) {
          return Optional.empty();
        }
      } catch (IOException e) {
        d.add(
            Diagnostic.error(
                Code.MISSING_IMAGE,
                named.at(),
                "cannot read the image '" + path + "': " + e.getMessage()));
        return Optional.empty();
      }
      return Optional.of(
          new ImageFile(root.relativize(file).toString().replace('\\', '/'), format));
    }

    /**
     * Reports what is wrong inside an image (corrupt, unsafe, too large, not square) in the image
     * file itself; false when any of it is an error.
     */
    private boolean inspect(Path file, String path, String format) throws IOException {
      boolean ok = true;
      for (ImageProblem p : INSPECTOR.inspect(Files.readAllBytes(file), format, maxImageBytes)) {
        d.add(p.in(path));
        ok &= p.severity() != Severity.ERROR;
      }
      return ok;
    }

    /**
     * Verifiers check a key's validity period at the time it signed. A credential is signed as of
     * its award's issue date, or as of the day its key took over when that is later (a key rotation
     * signs earlier awards again), so only an award issued once its key's period is over cannot be
     * signed: the key may no longer sign anything.
     */
    private void keyPeriods(AwardDoc doc, Award award, SigningSettings signing) {
      for (String id :
          Stream.concat(signing.jwtKey().stream(), signing.dataIntegrityKey().stream())
              .distinct()
              .toList()) {
        Optional<OffsetDateTime> until = signing.key(id).flatMap(PublishedKey::validUntil);
        if (until.isPresent() && !award.issuedOn().isBefore(until.get())) {
          d.add(
              Diagnostic.error(
                      Code.OUTSIDE_KEY_PERIOD,
                      doc.issuedOn().at(),
                      "the award is issued after the key '"
                          + id
                          + "' ends (validUntil "
                          + until.get()
                          + "), which signs it: a key may sign nothing once its period is over")
                  .withHint(
                      "rotate keys: add a new key to signing.keys, sign with it (signing.jwt or"
                          + " signing.dataIntegrity), and keep the old one listed so that what it"
                          + " signed still verifies"));
        }
      }
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
              a.badgeId(),
              a.id(),
              recipient(a, a.recipient()),
              issuedOn,
              expires,
              a.narrative(),
              evidence,
              revocation,
              a.path()));
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

    private Recipient recipient(AwardDoc a, RecipientDoc r) {
      if (r.prehashed()) {
        return new Recipient(r.type(), r.identity(), r.salt().orElseThrow(), r.name());
      }
      String salt = IdentityHash.salt(saltSecret, a.badgeId(), a.id());
      // Only a URL or DID the record gives in plain form can name an earner page, and only when
      // the site asks for them: an e-mail address or telephone number never leaves the model.
      boolean publicId = earnerPages && (r.type().equals("url") || r.type().equals("id"));
      return new Recipient(
          r.type(),
          IdentityHash.hash(r.identity(), salt),
          salt,
          r.name(),
          publicId ? Optional.of(r.identity()) : Optional.empty());
    }

    /** Two files that give one id, such as issuers/x.yaml and issuers/x.md. */
    private void duplicateIds(List<SourceFile> files, String what) {
      Map<String, SourceFile> seen = new HashMap<>();
      for (SourceFile f : files) {
        String key = f.folder() + "/" + f.id();
        SourceFile first = seen.putIfAbsent(key, f);
        if (first != null) {
          d.add(
              Diagnostic.error(
                      Code.DUPLICATE_ID,
                      SourcePosition.startOf(f.path()),
                      "the " + what + " id '" + f.id() + "' is also claimed by " + first.path())
                  .withHint("keep one of the two files"));
        }
      }
    }

    /**
     * An award id that a CSV row claims as well as another row or an award file (two award files
     * are reported by {@link #duplicateIds}).
     */
    private void duplicateRowIds() {
      if (sources.awards().stream().noneMatch(f -> f.extension().equals("csv"))) {
        return; // only a CSV row can claim an id another award has: award files have one each
      }
      record Claim(String key, String id, String path, SourcePosition at) {
        boolean isRow() {
          return path.endsWith(".csv");
        }
      }
      List<Claim> claims = new ArrayList<>();
      for (AwardDoc a : doc.awards()) {
        claims.add(new Claim(a.badgeId() + "/" + a.id(), a.id(), a.path(), a.at()));
      }
      for (Award a : known) {
        claims.add(
            new Claim(
                a.badgeId() + "/" + a.id(),
                a.id(),
                a.source(),
                SourcePosition.startOf(a.source())));
      }
      claims.sort(java.util.Comparator.comparing(Claim::path));
      Map<String, Claim> seen = new HashMap<>();
      for (Claim a : claims) {
        Claim first = seen.putIfAbsent(a.key(), a);
        if (first != null && (a.isRow() || first.isRow())) {
          String other = first.isRow() ? first.path() + ":" + first.at().line() : first.path();
          d.add(
              Diagnostic.error(
                      Code.DUPLICATE_ID,
                      a.at(),
                      "the award id '" + a.id() + "' is also claimed by " + other)
                  .withHint("give each award its own id"));
        }
      }
    }

    private void staticFiles() {
      for (SourceFile f : sources.staticFiles()) {
        String out = f.path().substring("static/".length());
        Optional<String> owner =
            GENERATED_FILES.contains(out)
                ? Optional.of(out)
                : GENERATED.stream().filter(out::startsWith).findFirst();
        if (owner.isPresent()) {
          d.add(
              Diagnostic.error(
                      Code.OUTPUT_COLLISION,
                      SourcePosition.startOf(f.path()),
                      "static file would overwrite the generated " + out)
                  .withHint(owner.get() + " belongs to the generator; put the file elsewhere"));
        }
      }
    }
  }

  private static Diagnostic withSuggestion(
      Diagnostic base, String wrong, List<String> known, String create) {
    return base.withHint(
        Spelling.closest(wrong, known)
            .map(k -> "did you mean '" + k + "'?")
            .orElse(
                "create "
                    + create
                    + (known.isEmpty() ? "" : ", or use one of: " + String.join(", ", known))));
  }

  private static boolean looksLike(Path file, String format) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(1024);
      if (format.equals("png")) {
        return PngSignature.startsWith(head);
      }
      return new String(head, StandardCharsets.UTF_8).contains("<svg");
    }
  }
}
