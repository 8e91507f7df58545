package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.AlignmentDoc;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.BadgeDoc;
import dev.badgesmith.load.Docs.EvidenceDoc;
import dev.badgesmith.load.Docs.IssuerDoc;
import dev.badgesmith.load.Docs.KeyDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Docs.RevocationDoc;
import dev.badgesmith.load.Docs.SettingsDoc;
import dev.badgesmith.load.Docs.SigningDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.model.PageSettings;
import dev.badgesmith.model.SiteSettings;
import dev.badgesmith.source.PrivateKeyCheck;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.source.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;

/**
 * Reads every file of a badge site into {@link Docs}, checking each file on its own: syntax, keys,
 * types and formats. Problems become diagnostics; loading goes on so one run reports all.
 */
public final class SiteLoader {
  static final List<String> SETTINGS_KEYS =
      List.of(
          "title",
          "description",
          "baseUrl",
          "issuer",
          "language",
          "timeZone",
          "images",
          "signing",
          "pages");
  static final List<String> PAGES_KEYS = List.of("earnerPages", "listEarners", "indexAwards");
  static final List<String> SIGNING_KEYS =
      List.of("issuerId", "jwt", "dataIntegrity", "ob2", "keys");
  static final List<String> KEY_KEYS =
      List.of("id", "algorithm", "publicKey", "validFrom", "validUntil", "revoked");
  static final List<String> IMAGES_KEYS = List.of("pngSize", "maxSize");
  private static final Pattern SIZE =
      Pattern.compile("([0-9]{1,9})\\s*(B|KB|MB)?", Pattern.CASE_INSENSITIVE);
  static final List<String> ISSUER_KEYS = List.of("name", "url", "email", "description", "image");
  static final List<String> ISSUER_PAGE_KEYS = List.of("name", "url", "email", "image");
  static final List<String> BADGE_KEYS =
      List.of(
          "name",
          "description",
          "issuer",
          "image",
          "imageAlt",
          "tags",
          "alignment",
          "validFor",
          "requires",
          "language");
  static final List<String> ALIGNMENT_KEYS =
      List.of("targetName", "targetUrl", "targetDescription", "targetFramework", "targetCode");
  static final List<String> AWARD_KEYS =
      List.of("recipient", "issuedOn", "expires", "narrative", "evidence", "revoked");
  static final List<String> RECIPIENT_KEYS =
      List.of("email", "url", "telephone", "did", "hashed", "salt", "type", "name");
  static final List<String> IDENTITY_KEYS = List.of("email", "url", "telephone", "did", "hashed");
  static final List<String> EVIDENCE_KEYS =
      List.of("url", "name", "description", "narrative", "genre", "audience");
  static final List<String> REVOKED_KEYS = List.of("reason", "date");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern TELEPHONE = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:[A-Za-z0-9._:%-]+");
  private static final Pattern HASH = Pattern.compile("sha256\\$[0-9a-fA-F]{64}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");

  /**
   * The largest YAML or Markdown file read: 1 MB. A site's files are a few kilobytes (a badge class
   * with a long criteria page, some tens), and the YAML parser takes time that grows with the
   * square of a long value's length (8 MB took 16 to 19 s to refuse), so a larger file is refused
   * before it is parsed. CSV files of awards, read in linear time, have no such limit.
   */
  public static final int MAX_TEXT_BYTES = 1024 * 1024;

  private final ForkJoinPool pool;

  /**
   * @param pool runs the per-award work; awards are independent of each other
   */
  public SiteLoader(ForkJoinPool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  public SiteDoc load(SiteSources sources, Diagnostics diagnostics) {
    return load(sources, diagnostics, Set.of());
  }

  /**
   * @param known the award files whose awards the caller has already (validated before, unchanged
   *     since): they are not read
   */
  public SiteDoc load(SiteSources sources, Diagnostics diagnostics, Set<String> known) {
    Optional<SettingsDoc> settings =
        sources.settings().flatMap(f -> file(f, diagnostics, SiteLoader::settings));
    List<IssuerDoc> issuers = new ArrayList<>();
    for (SourceFile f : sources.issuers()) {
      file(f, diagnostics, SiteLoader::issuer).ifPresent(issuers::add);
    }
    List<BadgeDoc> badges = new ArrayList<>();
    for (SourceFile f : sources.badges()) {
      file(f, diagnostics, SiteLoader::badge).ifPresent(badges::add);
    }
    List<AwardDoc> awards =
        pool
            .submit(
                () ->
                    sources.awards().parallelStream()
                        .filter(f -> !known.contains(f.path()))
                        .flatMap(f -> awards(f, diagnostics).stream())
                        .toList())
            .join()
            .stream()
            .sorted(Comparator.comparing(AwardDoc::path))
            .toList();
    return new SiteDoc(
        settings,
        issuers,
        badges,
        awards,
        sources.issuers().stream().map(SourceFile::id).toList(),
        sources.badges().stream().map(SourceFile::id).toList());
  }

  /** The awards of one file: a YAML file holds one, a CSV file one per row. */
  private static List<AwardDoc> awards(SourceFile f, Diagnostics shared) {
    if (!f.extension().equals("csv")) {
      Diagnostics own = new Diagnostics();
      Optional<byte[]> bytes = bytes(f, own, shared);
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

  /**
   * The file's bytes, checked for a private key; a YAML or Markdown file over {@link
   * #MAX_TEXT_BYTES} is reported and not read further.
   */
  private static Optional<byte[]> bytes(SourceFile f, Diagnostics diagnostics, Diagnostics shared) {
    try {
      byte[] bytes;
      if (f.extension().equals("csv")) {
        bytes = Files.readAllBytes(f.file());
      } else {
        try (java.io.InputStream in = Files.newInputStream(f.file())) {
          bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
        }
        if (bytes.length > MAX_TEXT_BYTES) {
          diagnostics.add(
              Diagnostic.error(
                      Code.FILE_TOO_LARGE,
                      SourcePosition.startOf(f.path()),
                      String.format(
                          Locale.ROOT,
                          "the file has %,d bytes: a YAML or Markdown file of a badge site has at"
                              + " most 1 MB (%,d bytes)",
                          Files.size(f.file()),
                          MAX_TEXT_BYTES))
                  .withHint(
                      "check that this is the file you meant: a site's files are a few kilobytes"));
          return Optional.empty();
        }
      }
      PrivateKeyCheck.check(f.path(), bytes, shared);
      return Optional.of(bytes);
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              Code.UNREADABLE_FILE,
              SourcePosition.startOf(f.path()),
              "cannot read the file: " + e.getMessage()));
      return Optional.empty();
    }
  }

  /** The file's text; it must be UTF-8. */
  private static Optional<String> text(SourceFile f, byte[] bytes, Diagnostics diagnostics) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return Optional.of(ByteOrderMark.strip(text));
    } catch (CharacterCodingException e) {
      diagnostics.add(
          Diagnostic.error(
                  Code.UNREADABLE_FILE,
                  SourcePosition.startOf(f.path()),
                  "the file is not UTF-8 text")
              .withHint("save it as UTF-8"));
    }
    return Optional.empty();
  }

  private static Optional<SettingsDoc> settings(SourceFile f, String text, Diagnostics d) {
    Optional<MapReader> read =
        YamlReader.read(text, f.path(), 0, d)
            .flatMap(n -> MapReader.of(n, "site.yaml", SETTINGS_KEYS, d));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    MapReader r = read.get();
    Optional<Located<String>> title = r.requiredText("title");
    Optional<Located<String>> baseUrl = r.requiredText("baseUrl").filter(u -> baseUrl(u, d));
    Optional<Located<String>> language = r.text("language").filter(l -> language(l, d));
    Optional<Located<String>> zone = r.text("timeZone").filter(z -> timeZone(z, d));
    Optional<Located<String>> issuer = r.text("issuer");
    Optional<String> description = r.text("description").map(Located::value);
    int pngSize = SiteSettings.DEFAULT_PNG_SIZE;
    long maxImageBytes = SiteSettings.DEFAULT_MAX_IMAGE_BYTES;
    Optional<MapReader> images = r.map("images", "the images settings", IMAGES_KEYS);
    if (images.isPresent()) {
      pngSize = images.get().text("pngSize").flatMap(t -> pixels(t, d)).orElse(pngSize);
      maxImageBytes = images.get().text("maxSize").flatMap(t -> bytes(t, d)).orElse(maxImageBytes);
    }
    Optional<SigningDoc> signing =
        r.map("signing", "the signing settings", SIGNING_KEYS).map(m -> signing(m, d));
    PageSettings pages =
        r.map("pages", "the pages settings", PAGES_KEYS)
            .map(SiteLoader::pages)
            .orElse(PageSettings.DEFAULT);
    if (d.hasErrors() || title.isEmpty() || baseUrl.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SettingsDoc(
            f.path(),
            title.get().value(),
            description,
            baseUrl.get(),
            issuer,
            language.map(Located::value).orElse("en"),
            zone,
            pngSize,
            maxImageBytes,
            signing,
            pages));
  }

  private static PageSettings pages(MapReader r) {
    PageSettings defaults = PageSettings.DEFAULT;
    return new PageSettings(
        r.bool("earnerPages").map(Located::value).orElse(defaults.earnerPages()),
        r.bool("listEarners").map(Located::value).orElse(defaults.listEarners()),
        r.bool("indexAwards").map(Located::value).orElse(defaults.indexAwards()));
  }

  private static SigningDoc signing(MapReader r, Diagnostics d) {
    Optional<Located<String>> issuerId = r.text("issuerId");
    if (issuerId.isPresent() && !List.of("did", "url").contains(issuerId.get().value())) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  issuerId.get().at(),
                  "'" + issuerId.get().value() + "' is not an issuer id form")
              .withHint("write did (the site's did:web) or url (the issuer's profile URL)"));
    }
    List<KeyDoc> keys = new ArrayList<>();
    for (MapReader k : r.mapList("keys", "a signing key", KEY_KEYS)) {
      Optional<Located<String>> id = k.requiredText("id");
      Optional<Located<String>> algorithm = k.requiredText("algorithm");
      Optional<Located<String>> validFrom = k.text("validFrom").filter(t -> date(t, d));
      Optional<Located<String>> validUntil = k.text("validUntil").filter(t -> date(t, d));
      boolean revoked = k.bool("revoked").map(Located::value).orElse(false);
      if (id.isPresent() && algorithm.isPresent()) {
        keys.add(
            new KeyDoc(
                id.get(), algorithm.get(), k.text("publicKey"), validFrom, validUntil, revoked));
      }
    }
    Optional<Located<String>> ob2 = r.text("ob2");
    if (ob2.isPresent() && !List.of("hosted", "signed").contains(ob2.get().value())) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  ob2.get().at(),
                  "'" + ob2.get().value() + "' is not a form of Open Badges 2.0 verification")
              .withHint("write hosted (the default) or signed"));
    }
    return new SigningDoc(r.at(), issuerId, r.text("jwt"), r.text("dataIntegrity"), keys, ob2);
  }

  private static Optional<IssuerDoc> issuer(SourceFile f, String text, Diagnostics d) {
    Optional<MapReader> read;
    Optional<String> body = Optional.empty();
    if (f.extension().equals("md")) {
      Optional<FrontMatter> fm = FrontMatter.split(text, f.path(), d);
      if (fm.isEmpty()) {
        return Optional.empty();
      }
      body = Optional.of(fm.get().body().strip()).filter(s -> !s.isEmpty());
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
            image));
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
    List<AlignmentDoc> alignments = new ArrayList<>();
    for (MapReader a : r.mapList("alignment", "an alignment", ALIGNMENT_KEYS)) {
      Optional<Located<String>> targetName = a.requiredText("targetName");
      Optional<Located<String>> targetUrl = a.requiredText("targetUrl").filter(u -> httpUrl(u, d));
      if (targetName.isPresent() && targetUrl.isPresent()) {
        alignments.add(
            new AlignmentDoc(
                targetName.get().value(),
                targetUrl.get().value(),
                value(a.text("targetDescription")),
                value(a.text("targetFramework")),
                value(a.text("targetCode"))));
      }
    }
    Optional<Period> validFor = r.text("validFor").flatMap(p -> period(p, d));
    Optional<Located<String>> language = r.text("language").filter(l -> language(l, d));
    List<Located<String>> requires = r.textList("requires");
    // One tag, one spelling: "café" typed as NFC or as NFD (macOS's keyboard) is one tag page.
    List<String> tags =
        r.textList("tags").stream()
            .map(t -> Normalizer.normalize(t.value(), Normalizer.Form.NFC))
            .distinct()
            .toList();
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
            value(r.text("imageAlt")),
            tags,
            alignments,
            validFor,
            requires,
            language.map(Located::value),
            fm.get().body().strip()));
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
      recipient = r.map("recipient", "a recipient", RECIPIENT_KEYS).flatMap(m -> recipient(m, d));
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
            revoked));
  }

  private static Optional<RecipientDoc> recipient(MapReader r, Diagnostics d) {
    List<String> given = IDENTITY_KEYS.stream().filter(r::has).toList();
    if (given.size() != 1) {
      Diagnostic problem =
          Diagnostic.error(
              Code.RECIPIENT_IDENTITY,
              given.size() > 1 ? r.keyAt(given.get(1)) : r.at(),
              given.isEmpty()
                  ? "a recipient needs one identity"
                  : "a recipient has one identity, found " + String.join(" and ", given));
      d.add(
          problem.withHint("give exactly one of email, url, telephone, did, or hashed with salt"));
      return Optional.empty();
    }
    String key = given.get(0);
    Optional<String> name = value(r.text("name"));
    if (!key.equals("hashed")) {
      for (String onlyHashed : List.of("salt", "type")) {
        if (r.has(onlyHashed)) {
          d.add(
              Diagnostic.error(
                      Code.RECIPIENT_IDENTITY,
                      r.keyAt(onlyHashed),
                      "'" + onlyHashed + "' goes only with a 'hashed' identity")
                  .withHint("remove it; the salt of a plain identity is derived at build time"));
          return Optional.empty();
        }
      }
    }
    Optional<Located<String>> value = r.requiredText(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (key.equals("hashed")) {
      return hashed(r, value.get(), name, d);
    }
    return plainIdentity(key, value.get(), name, d);
  }

  /**
   * A plain identity, checked and normalised as the build hashes it: an e-mail address lower-cased,
   * a telephone number without spaces. Shared by YAML award files and CSV rows.
   *
   * @param key {@code email}, {@code url}, {@code telephone} or {@code did}
   */
  public static Optional<RecipientDoc> plainIdentity(
      String key, Located<String> v, Optional<String> name, Diagnostics d) {
    switch (key) {
      case "email" -> {
        return email(v, d)
            ? Optional.of(
                new RecipientDoc(
                    "email", v.value().toLowerCase(Locale.ROOT), Optional.empty(), name))
            : Optional.empty();
      }
      case "url" -> {
        return httpUrl(v, d)
            ? Optional.of(new RecipientDoc("url", v.value(), Optional.empty(), name))
            : Optional.empty();
      }
      case "telephone" -> {
        String number = v.value().replaceAll("[\\s().-]", "");
        if (!TELEPHONE.matcher(number).matches()) {
          d.add(
              Diagnostic.error(
                      Code.INVALID_VALUE, v.at(), "'" + v.value() + "' is not a telephone number")
                  .withHint("write it in international form, such as +441234567890"));
          return Optional.empty();
        }
        return Optional.of(new RecipientDoc("telephone", number, Optional.empty(), name));
      }
      case "did" -> {
        if (!DID.matcher(v.value()).matches()) {
          d.add(
              Diagnostic.error(Code.INVALID_VALUE, v.at(), "'" + v.value() + "' is not a DID")
                  .withHint("a DID looks like did:web:example.org"));
          return Optional.empty();
        }
        return Optional.of(new RecipientDoc("id", v.value(), Optional.empty(), name));
      }
      default -> throw new IllegalArgumentException("not a plain identity: " + key);
    }
  }

  private static Optional<RecipientDoc> hashed(
      MapReader r, Located<String> hash, Optional<String> name, Diagnostics d) {
    if (!hashFormat(hash, d)) {
      return Optional.empty();
    }
    return hashedIdentity(hash, r.requiredText("salt"), r.text("type"), name, d);
  }

  static boolean hashFormat(Located<String> hash, Diagnostics d) {
    if (HASH.matcher(hash.value()).matches()) {
      return true;
    }
    d.add(
        Diagnostic.error(
                Code.INVALID_VALUE, hash.at(), "'hashed' must be sha256$ and 64 hex digits")
            .withHint("run `badgesmith award --hash` or compute sha256(identity + salt)"));
    return false;
  }

  /** A hashed identity whose hash has the right form; the salt's absence is reported already. */
  static Optional<RecipientDoc> hashedIdentity(
      Located<String> hash,
      Optional<Located<String>> salt,
      Optional<Located<String>> type,
      Optional<String> name,
      Diagnostics d) {
    List<String> types = List.of("email", "url", "telephone", "id");
    if (type.isPresent() && !types.contains(type.get().value())) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE,
                  type.get().at(),
                  "unknown identity type '" + type.get().value() + "'")
              .withHint("the type of a hashed identity is one of " + String.join(", ", types)));
      return Optional.empty();
    }
    return salt.map(
        s ->
            new RecipientDoc(
                type.map(Located::value).orElse("email"),
                hash.value().toLowerCase(Locale.ROOT),
                Optional.of(s.value()),
                name));
  }

  private static Optional<String> value(Optional<Located<String>> located) {
    return located.map(Located::value);
  }

  /** Whether {@code baseUrl} is an https URL in canonical form (see {@link BaseUrl}). */
  private static boolean baseUrl(Located<String> url, Diagnostics d) {
    Optional<BaseUrl.Problem> problem = BaseUrl.problem(url.value());
    problem.ifPresent(
        p -> d.add(Diagnostic.error(Code.INVALID_URL, url.at(), p.message()).withHint(p.hint())));
    return problem.isEmpty();
  }

  static boolean httpUrl(Located<String> url, Diagnostics d) {
    try {
      java.net.URI uri = new java.net.URI(url.value());
      String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return true;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    d.add(
        Diagnostic.error(
                Code.INVALID_URL, url.at(), "'" + url.value() + "' is not an http or https URL")
            .withHint("write the full address, such as https://example.org/page"));
    return false;
  }

  static boolean email(Located<String> email, Diagnostics d) {
    if (EMAIL.matcher(email.value()).matches()) {
      return true;
    }
    d.add(
        Diagnostic.error(
            Code.INVALID_EMAIL, email.at(), "'" + email.value() + "' is not an e-mail address"));
    return false;
  }

  static boolean date(Located<String> date, Diagnostics d) {
    Optional<java.time.LocalDate> day = Dates.date(date.value());
    if (day.isPresent() && (day.get().getYear() < 1000 || day.get().getYear() > 9999)) {
      // Credentials write dates as xsd:dateTime, and verifiers read four-digit years only.
      d.add(
          Diagnostic.error(
                  Code.INVALID_DATE,
                  date.at(),
                  "'"
                      + date.value()
                      + "' has the year "
                      + day.get().getYear()
                      + ", not a four-digit year")
              .withHint("write a year from 1000 to 9999, such as 2025-03-14"));
      return false;
    }
    if (day.isPresent()) {
      return true;
    }
    d.add(
        Diagnostic.error(Code.INVALID_DATE, date.at(), "'" + date.value() + "' is not a date")
            .withHint("write 2025-03-14, 2025-03-14T09:30:00 or 2025-03-14T09:30:00+01:00"));
    return false;
  }

  private static Optional<Period> period(Located<String> text, Diagnostics d) {
    try {
      Period p = Period.parse(text.value());
      if (!p.isNegative() && !p.isZero()) {
        return Optional.of(p);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    d.add(
        Diagnostic.error(
                Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a period of time")
            .withHint("write an ISO-8601 period such as P2Y (two years), P6M or P90D"));
    return Optional.empty();
  }

  private static Optional<Integer> pixels(Located<String> text, Diagnostics d) {
    if (text.value().matches("[0-9]{1,5}")) {
      int px = Integer.parseInt(text.value());
      if (px >= 16 && px <= 4096) {
        return Optional.of(px);
      }
    }
    d.add(
        Diagnostic.error(Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a PNG size")
            .withHint("give the width in pixels, from 16 to 4096, such as 512"));
    return Optional.empty();
  }

  /** A size such as {@code 256 KB}, {@code 1MB} or {@code 300000} (bytes); 1 KB is 1024 bytes. */
  private static Optional<Long> bytes(Located<String> text, Diagnostics d) {
    java.util.regex.Matcher m = SIZE.matcher(text.value());
    if (m.matches()) {
      String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
      long factor =
          switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            default -> 1L;
          };
      long size = Long.parseLong(m.group(1)) * factor;
      if (size > 0) {
        return Optional.of(size);
      }
    }
    d.add(
        Diagnostic.error(Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a file size")
            .withHint("write a size such as 256 KB or 1 MB"));
    return Optional.empty();
  }

  private static boolean language(Located<String> text, Diagnostics d) {
    if (LANGUAGE.matcher(text.value()).matches()) {
      return true;
    }
    d.add(
        Diagnostic.error(
                Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a language tag")
            .withHint("write a BCP 47 tag such as en, de or pt-BR"));
    return false;
  }

  private static boolean timeZone(Located<String> text, Diagnostics d) {
    try {
      ZoneId.of(text.value());
      return true;
    } catch (DateTimeException e) {
      d.add(
          Diagnostic.error(
                  Code.INVALID_VALUE, text.at(), "'" + text.value() + "' is not a time zone")
              .withHint("write a zone id such as UTC or Europe/Berlin"));
      return false;
    }
  }
}
