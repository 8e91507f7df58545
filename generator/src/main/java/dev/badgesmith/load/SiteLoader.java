package dev.badgesmith.load;

import static dev.badgesmith.load.SiteKeys.AWARD_KEYS;
import static dev.badgesmith.load.SiteKeys.BADGE_KEYS;
import static dev.badgesmith.load.SiteKeys.EVIDENCE_KEYS;
import static dev.badgesmith.load.SiteKeys.ISSUER_KEYS;
import static dev.badgesmith.load.SiteKeys.ISSUER_PAGE_KEYS;
import static dev.badgesmith.load.SiteKeys.RECIPIENT_KEYS;
import static dev.badgesmith.load.SiteKeys.REVOKED_KEYS;
import static dev.badgesmith.load.SourceBytes.bytes;
import static dev.badgesmith.load.Utf8Text.text;
import static dev.badgesmith.load.ValueChecks.date;
import static dev.badgesmith.load.ValueChecks.email;
import static dev.badgesmith.load.ValueChecks.httpUrl;
import static dev.badgesmith.load.ValueChecks.language;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.AlignmentDoc;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.BadgeDoc;
import dev.badgesmith.load.Docs.EvidenceDoc;
import dev.badgesmith.load.Docs.IssuerDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Docs.RevocationDoc;
import dev.badgesmith.load.Docs.SettingsDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.pathway.EarnerKey;
import dev.badgesmith.pathway.StackRule;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.source.SourceFile;
import java.text.Normalizer;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Reads every file of a badge site into {@link Docs}, checking each file on its own: syntax, keys
 * ({@link SiteKeys}), types and formats ({@link ValueChecks}, {@link RecipientIdentities}).
 * Problems become diagnostics; loading goes on so one run reports all. A file's bytes are read by
 * {@link SourceBytes} and decoded by {@link Utf8Text}.
 */
public final class SiteLoader {
  /** The largest YAML or Markdown file read, as {@link SourceBytes} holds it. */
  public static final int MAX_TEXT_BYTES = SourceBytes.MAX_TEXT_BYTES;

  private final ForkJoinPool pool;

  /**
   * @param pool runs the per-award work; awards are independent of each other
   */
  public SiteLoader(ForkJoinPool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  public SiteDoc load(SiteSources sources, Diagnostics diagnostics) {
    return load(sources, diagnostics, Set.of(), AwardBytes.NONE);
  }

  /**
   * Told the bytes of each award file the loader reads, so that a caller that keeps digests of them
   * (the incremental layer) need not read the file a second time.
   */
  @FunctionalInterface
  public interface AwardBytes {
    AwardBytes NONE = (file, bytes) -> {};

    void read(SourceFile file, byte[] bytes);
  }

  /**
   * @param known the award files whose awards the caller has already (validated before, unchanged
   *     since): they are not read
   */
  public SiteDoc load(
      SiteSources sources, Diagnostics diagnostics, Set<String> known, AwardBytes seen) {
    // The awards are read on the pool while this thread reads the site's other files.
    ForkJoinTask<List<AwardDoc>> awardsRead =
        pool.submit(
            () ->
                sources.awards().parallelStream()
                    .filter(f -> !known.contains(f.path()))
                    .flatMap(f -> awards(f, diagnostics, seen).stream())
                    .toList());
    Optional<SettingsDoc> settings =
        sources.settings().flatMap(f -> file(f, diagnostics, SettingsReader::settings));
    List<IssuerDoc> issuers = new ArrayList<>();
    for (SourceFile f : sources.issuers()) {
      file(f, diagnostics, SiteLoader::issuer).ifPresent(issuers::add);
    }
    List<BadgeDoc> badges = new ArrayList<>();
    for (SourceFile f : sources.badges()) {
      file(f, diagnostics, SiteLoader::badge).ifPresent(badges::add);
    }
    List<AwardDoc> awards =
        awardsRead.join().stream().sorted(Comparator.comparing(AwardDoc::path)).toList();
    return new SiteDoc(
        settings,
        issuers,
        badges,
        awards,
        sources.issuers().stream().map(SourceFile::id).toList(),
        sources.badges().stream().map(SourceFile::id).toList(),
        Frameworks.load(sources.frameworks(), diagnostics),
        sources.endorsements().stream()
            .flatMap(f -> file(f, diagnostics, Endorsements::endorsement).stream())
            .toList(),
        sources.translations().stream()
            .flatMap(f -> file(f, diagnostics, Translations::read).stream())
            .toList());
  }

  /** The awards of one file: a YAML file holds one, a CSV file one per row. */
  private static List<AwardDoc> awards(SourceFile f, Diagnostics shared, AwardBytes seen) {
    if (!f.hasExtension("csv")) {
      Diagnostics own = new Diagnostics();
      Optional<byte[]> bytes = bytes(f, own, shared);
      bytes.ifPresent(b -> seen.read(f, b));
      Optional<AwardDoc> doc = bytes.flatMap(b -> text(f, b, own)).flatMap(t -> award(f, t, own));
      shared.addAll(own.sorted());
      return own.hasErrors() ? List.of() : doc.stream().toList();
    }
    Diagnostics own = new Diagnostics();
    // Rows are checked one by one: the good rows of a file stay, so checks across files still
    // run on them and one run reports everything.
    List<AwardDoc> rows =
        read(f, own, shared)
            .map(t -> CsvAwards.read(t, f.path(), f.folder(), CsvAwards.Options.SITE, own))
            .orElse(List.of());
    shared.addAll(own.sorted());
    return rows;
  }

  private interface FileReader<T> {
    Optional<T> read(SourceFile file, String text, Diagnostics diagnostics);
  }

  /**
   * Reads one file with diagnostics of its own, so a reader can tell whether this file had errors
   * while other files are read in parallel.
   */
  private static <T> Optional<T> file(SourceFile f, Diagnostics shared, FileReader<T> reader) {
    Diagnostics own = new Diagnostics();
    Optional<T> doc = read(f, own, shared).flatMap(t -> reader.read(f, t, own));
    shared.addAll(own.sorted());
    return own.hasErrors() ? Optional.empty() : doc;
  }

  /**
   * The file's text; it must be UTF-8. Its bytes are also checked for a private key here, where
   * they are read anyway (reported with the site's diagnostics: the file itself still loads).
   */
  private static Optional<String> read(SourceFile f, Diagnostics diagnostics, Diagnostics shared) {
    return bytes(f, diagnostics, shared).flatMap(b -> text(f, b, diagnostics));
  }

  private static Optional<IssuerDoc> issuer(SourceFile f, String text, Diagnostics d) {
    Optional<MapReader> read;
    Optional<String> body = Optional.empty();
    Optional<SourcePosition> bodyAt = Optional.empty();
    if (f.hasExtension("md")) {
      Optional<FrontMatter> fm = FrontMatter.split(text, f.path(), d);
      if (fm.isEmpty()) {
        return Optional.empty();
      }
      body = Optional.of(fm.get().body().strip()).filter(s -> !s.isEmpty());
      bodyAt = body.map(b -> fm.get().bodyAt(f.path()));
      read =
          YamlReader.read(fm.get().yaml(), f.path(), fm.get().lineOffset(), d)
              .flatMap(n -> MapReader.of(n, "an issuer", ISSUER_PAGE_KEYS, d));
    } else {
      read =
          YamlReader.read(text, f.path(), 0, d)
              .flatMap(n -> MapReader.of(n, "an issuer", ISSUER_KEYS, d));
    }
    if (read.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = read.get();
    Optional<Located<String>> name = r.requiredText("name");
    Optional<Located<String>> url = r.requiredText("url").filter(u -> httpUrl(u, d));
    Optional<Located<String>> email = r.requiredText("email").filter(e -> email(e, d));
    Optional<String> description =
        body.isPresent() ? body : r.text("description").map(Located::value);
    Optional<Located<String>> image = r.text("image");
    List<Located<String>> endorsements = Endorsements.incoming(r, d);
    Map<String, SourcePosition> texts = new LinkedHashMap<>();
    name.ifPresent(n -> texts.put("name", n.at()));
    if (bodyAt.isPresent()) {
      texts.put("description", bodyAt.get());
    } else {
      r.text("description").ifPresent(t -> texts.put("description", t.at()));
    }
    if (name.isEmpty() || url.isEmpty() || email.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new IssuerDoc(
            f.id(),
            f.path(),
            name.get().value(),
            url.get().value(),
            email.get().value(),
            description,
            image,
            endorsements,
            texts));
  }

  private static Optional<BadgeDoc> badge(SourceFile f, String text, Diagnostics d) {
    Optional<FrontMatter> fm = FrontMatter.split(text, f.path(), d);
    if (fm.isEmpty()) {
      return Optional.empty();
    }
    SourcePosition start = new SourcePosition(f.path(), fm.get().lineOffset() + 1, 1);
    Optional<MapReader> read =
        YamlReader.read(fm.get().yaml(), f.path(), fm.get().lineOffset(), d)
            .flatMap(n -> MapReader.of(n, "a badge class", BADGE_KEYS, d));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = read.get();
    Optional<Located<String>> name = r.requiredText("name");
    Optional<Located<String>> description = r.requiredText("description");
    List<AlignmentDoc> alignments = Alignments.read(r, d);
    Optional<Period> validFor = r.text("validFor").flatMap(p -> ValueChecks.period(p, d));
    Optional<Located<String>> language = r.text("language").filter(l -> language(l, d));
    Optional<StackRule> requires = Requirements.read(f.id(), r, d);
    // One tag, one spelling: "café" typed as NFC or as NFD (macOS's keyboard) is one tag page.
    List<String> tags =
        r.textList("tags").stream()
            .map(t -> Normalizer.normalize(t.value(), Normalizer.Form.NFC))
            .distinct()
            .toList();
    List<Located<String>> endorsements = Endorsements.incoming(r, d);
    Map<String, SourcePosition> texts = new LinkedHashMap<>();
    name.ifPresent(n -> texts.put("name", n.at()));
    description.ifPresent(n -> texts.put("description", n.at()));
    r.text("imageAlt").ifPresent(n -> texts.put("imageAlt", n.at()));
    if (!fm.get().body().isBlank()) {
      texts.put("criteria", fm.get().bodyAt(f.path()));
    }
    if (d.hasErrors() || name.isEmpty() || description.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BadgeDoc(
            f.id(),
            f.path(),
            start,
            name.get().value(),
            description.get().value(),
            r.text("issuer"),
            r.text("image"),
            DesignReader.read(r),
            value(r.text("imageAlt")),
            tags,
            alignments,
            validFor,
            requires,
            language.map(Located::value),
            fm.get().body().strip(),
            endorsements,
            texts));
  }

  private static Optional<AwardDoc> award(SourceFile f, String text, Diagnostics d) {
    Optional<MapReader> read =
        YamlReader.read(text, f.path(), 0, d)
            .flatMap(n -> MapReader.of(n, "an award", AWARD_KEYS, d));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = read.get();
    Optional<RecipientDoc> recipient = Optional.empty();
    if (r.node("recipient").isEmpty()) {
      r.missing("recipient");
    } else {
      recipient =
          r.map("recipient", "a recipient", RECIPIENT_KEYS)
              .flatMap(m -> RecipientIdentities.recipient(m, d));
    }
    Optional<Located<String>> issuedOn = r.requiredText("issuedOn").filter(t -> date(t, d));
    Optional<Located<String>> expires = r.text("expires").filter(t -> date(t, d));
    List<EvidenceDoc> evidence = new ArrayList<>();
    for (MapReader e : r.mapList("evidence", "an evidence entry", EVIDENCE_KEYS)) {
      Optional<Located<String>> url = e.text("url").filter(u -> httpUrl(u, d));
      EvidenceDoc doc =
          new EvidenceDoc(
              value(url),
              value(e.text("name")),
              value(e.text("description")),
              value(e.text("narrative")),
              value(e.text("genre")),
              value(e.text("audience")));
      if (EVIDENCE_KEYS.stream().noneMatch(e::has)) {
        d.add(
            Diagnostic.error(
                    Code.MISSING_FIELD, e.at(), "an evidence entry needs at least one field")
                .withHint("give its 'url', or a 'name' and 'narrative'"));
      }
      evidence.add(doc);
    }
    Optional<RevocationDoc> revoked = Optional.empty();
    if (r.node("revoked").isPresent()) {
      revoked =
          r.map("revoked", "a revocation", REVOKED_KEYS)
              .flatMap(
                  m -> {
                    Optional<Located<String>> reason = m.requiredText("reason");
                    Optional<Located<String>> date = m.text("date").filter(t -> date(t, d));
                    return reason.map(x -> new RevocationDoc(x.value(), date));
                  });
    }
    Optional<Located<String>> language = r.text("language").filter(l -> language(l, d));
    Optional<Located<String>> earnerText = r.text("earner");
    Optional<EarnerKey> earner = earnerText.flatMap(t -> EarnerKey.stored(t.value()));
    if (earnerText.isPresent() && earner.isEmpty()) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  earnerText.get().at(),
                  "'earner' must be hmac-sha256: and 64 lowercase hex digits")
              .withHint(
                  "`badgesmith award --hash` writes it when BADGESMITH_SALT_SECRET is set; or"
                      + " remove the line"));
    }
    if (d.hasErrors() || recipient.isEmpty() || issuedOn.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AwardDoc(
            f.folder(),
            f.id(),
            f.path(),
            SourcePosition.startOf(f.path()),
            recipient.get(),
            issuedOn.get(),
            expires,
            value(r.text("narrative")),
            evidence,
            revoked,
            earner,
            language));
  }

  private static Optional<String> value(Optional<Located<String>> located) {
    return located.map(Located::value);
  }
}
