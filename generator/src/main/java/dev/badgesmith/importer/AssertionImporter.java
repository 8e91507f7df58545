package dev.badgesmith.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.award.NewAward;
import dev.badgesmith.bake.BadgeVersion;
import dev.badgesmith.bake.BakeException;
import dev.badgesmith.bake.Baked;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.ByteOrderMark;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.BadgeDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.load.SiteLoader;
import dev.badgesmith.source.SiteScanner;
import dev.badgesmith.verify.ResolveException;
import dev.badgesmith.verify.Resolver;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns Open Badges 1.x and 2.0 assertions (JSON files, URLs, baked PNG or SVG images) into award
 * files of a badge site, so a community can move its history into Git. Every input is read before
 * anything is written; each problem becomes a diagnostic naming the input.
 */
public final class AssertionImporter {
  /** How much of a file is read to tell JSON from an image. */
  private static final int SNIFF = 8192;

  private static final Pattern JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.([A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+");
  private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");

  private final Resolver resolver;
  private final Map<String, Optional<String>> fetchedNames = new HashMap<>();

  /**
   * @param resolver fetches URLs given as inputs, URLs baked into images, and BadgeClasses whose
   *     name is needed to match them
   */
  public AssertionImporter(Resolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * Which badge of the site an assertion's BadgeClass becomes.
   *
   * @param all the badge of every assertion not matched by {@code byBadgeClass}
   * @param byBadgeClass a badge by BadgeClass id (URL) or name
   */
  public record Mapping(Optional<String> all, Map<String, String> byBadgeClass) {
    public Mapping {
      Objects.requireNonNull(all, "all");
      byBadgeClass = Map.copyOf(byBadgeClass);
    }
  }

  /**
   * The award files to write, one per assertion; problems go to {@code d}.
   *
   * @throws BadgesmithException when the site cannot be read, or the mapping names a badge the site
   *     does not have
   */
  public List<NewAward> read(Path site, List<String> inputs, Mapping mapping, Diagnostics d) {
    Diagnostics siteProblems = new Diagnostics();
    SiteDoc siteDoc =
        new SiteLoader(ForkJoinPool.commonPool())
            .load(SiteScanner.scan(site, siteProblems), siteProblems);
    Map<String, BadgeDoc> badges = new LinkedHashMap<>();
    siteDoc.badges().forEach(b -> badges.put(b.id(), b));
    for (String slug : mapping.all().stream().toList()) {
      known(slug, badges);
    }
    mapping.byBadgeClass().values().forEach(slug -> known(slug, badges));
    Optional<String> baseUrl =
        siteDoc.settings().map(s -> s.baseUrl().value()).map(u -> u.endsWith("/") ? u : u + "/");

    Collected collected = new Collected(mapping, badges, baseUrl, d);
    for (String input : inputs) {
      int[] item = {0};
      payloads(input, d, doc -> collected.add(doc, input, item[0]++));
    }
    return collected.awards;
  }

  /** The awards read so far, and what keeps their ids unique. */
  private final class Collected {
    private final Mapping mapping;
    private final Map<String, BadgeDoc> badges;
    private final Optional<String> baseUrl;
    private final Diagnostics d;
    private final List<NewAward> awards = new ArrayList<>();
    private final Map<String, String> seen = new HashMap<>();
    private final Set<String> ids = new HashSet<>();

    Collected(
        Mapping mapping, Map<String, BadgeDoc> badges, Optional<String> baseUrl, Diagnostics d) {
      this.mapping = mapping;
      this.badges = badges;
      this.baseUrl = baseUrl;
      this.d = d;
    }

    /** One assertion: the {@code item}th that {@code input} holds. */
    void add(JsonDocument doc, String input, int item) {
      Diagnostics own = new Diagnostics();
      Optional<ImportedAssertion> read = AssertionReader.read(doc, "", own);
      Optional<String> badge = read.flatMap(a -> badge(a, mapping, badges, baseUrl, own));
      d.addAll(own.sorted());
      if (read.isEmpty() || badge.isEmpty() || own.hasErrors()) {
        return;
      }
      ImportedAssertion a = read.get();
      String key = a.id().orElse(input + "#/" + item);
      String first = seen.putIfAbsent(key, input);
      if (first != null) {
        d.add(
            Diagnostic.error(
                    Code.DUPLICATE_ID,
                    a.at(),
                    "the assertion " + key + " is imported twice (also from " + first + ")")
                .withHint("give each assertion once"));
        return;
      }
      String base = idBase(a.id());
      String id = base;
      for (int n = 2; !ids.add(badge.get() + "/" + id); n++) {
        id = base + "-" + n;
      }
      AwardDoc award =
          new AwardDoc(
              badge.get(),
              id,
              "awards/" + badge.get() + "/" + id + ".yaml",
              a.at(),
              a.recipient(),
              a.issuedOn(),
              a.expires(),
              a.narrative(),
              a.evidence(),
              a.revoked());
      String comment =
          "Imported from the " + a.version() + " assertion" + a.id().map(x -> " " + x).orElse("");
      awards.add(
          new NewAward(
              Optional.of(new Located<>(id, a.at())),
              id,
              award,
              true,
              a.at(),
              Optional.of(comment)));
    }
  }

  private static void known(String slug, Map<String, BadgeDoc> badges) {
    if (!badges.containsKey(slug)) {
      throw new BadgesmithException(
          "no badge class '"
              + slug
              + "' in the site (badges/"
              + slug
              + ".md)"
              + (badges.isEmpty() ? "" : "; its badges: " + String.join(", ", badges.keySet())));
    }
  }

  /**
   * Gives {@code each} the assertions an input holds, one at a time: a JSON object or list, a
   * signed assertion, a baked image.
   */
  private void payloads(String input, Diagnostics d, Consumer<JsonDocument> each) {
    SourcePosition start = SourcePosition.startOf(input);
    if (URL.matcher(input).matches()) {
      try {
        content(resolver.fetch(input), input, true, d, each);
      } catch (ResolveException e) {
        d.add(Diagnostic.error(Code.UNREADABLE_FILE, start, e.getMessage()));
      }
      return;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(input)), SNIFF)) {
      // A JSON file is read as it streams: an export of 100,000 assertions is never held whole.
      in.mark(SNIFF);
      byte[] head = in.readNBytes(SNIFF);
      in.reset();
      if (startsJson(head)) {
        json(in, input, true, d, each);
      } else {
        content(in.readAllBytes(), input, true, d, each);
      }
    } catch (IOException | java.nio.file.InvalidPathException e) {
      d.add(
          Diagnostic.error(Code.UNREADABLE_FILE, start, "cannot read the file: " + e.getMessage()));
    }
  }

  /** Whether bytes begin, after a byte order mark and white space, with a JSON object or list. */
  private static boolean startsJson(byte[] head) {
    int first = ByteOrderMark.firstContentByte(head);
    return first == '{' || first == '[';
  }

  private void content(
      byte[] bytes, String source, boolean followUrl, Diagnostics d, Consumer<JsonDocument> each) {
    if (startsJson(bytes)) {
      json(new ByteArrayInputStream(bytes), source, true, d, each);
      return;
    }
    String text;
    try {
      text =
          ByteOrderMark.strip(
                  StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString())
              .strip();
    } catch (CharacterCodingException e) {
      text = null; // binary: an image, or nothing we read
    }
    if (text == null || text.startsWith("<")) {
      image(bytes, source, followUrl, d, each);
    } else {
      text(text, source, true, followUrl, d, each);
    }
  }

  private void image(
      byte[] bytes, String source, boolean followUrl, Diagnostics d, Consumer<JsonDocument> each) {
    SourcePosition start = SourcePosition.startOf(source);
    List<Baked> baked;
    try {
      baked = BakedImages.extract(bytes);
    } catch (BakeException e) {
      d.add(
          Diagnostic.error(
                  Code.NOT_AN_ASSERTION, start, "neither JSON nor a baked badge: " + e.getMessage())
              .withHint("give an assertion as JSON, its URL, or a baked PNG or SVG badge"));
      return;
    }
    List<Baked> assertions = baked.stream().filter(b -> b.version() == BadgeVersion.OB2).toList();
    if (assertions.isEmpty()) {
      d.add(
          Diagnostic.error(
              Code.NOT_AN_ASSERTION,
              start,
              baked.isEmpty()
                  ? "the image carries no Open Badges assertion"
                  : "the image carries only an Open Badges 3.0 credential; only 1.x and 2.0"
                      + " assertions are imported"));
      return;
    }
    for (Baked b : assertions) {
      // A position inside a baked payload means nothing to the user: problems name the image.
      text(b.payload().strip(), source, false, followUrl, d, each);
    }
  }

  private void text(
      String text,
      String source,
      boolean positioned,
      boolean followUrl,
      Diagnostics d,
      Consumer<JsonDocument> each) {
    SourcePosition start = SourcePosition.startOf(source);
    if (text.startsWith("{") || text.startsWith("[")) {
      json(text, source, positioned, d, each);
      return;
    }
    java.util.regex.Matcher jws = JWS.matcher(text);
    if (jws.matches()) {
      // A signed assertion: its payload is the assertion. The signature is not checked here: the
      // site republishes the award under its own issuer.
      try {
        String payload =
            new String(Base64.getUrlDecoder().decode(jws.group(1)), StandardCharsets.UTF_8);
        json(payload, source, false, d, each);
        return;
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    if (followUrl && URL.matcher(text).matches()) {
      // Open Badges 1.0 images often carry only the assertion's URL.
      try {
        content(resolver.fetch(text), text, false, d, each);
      } catch (ResolveException e) {
        d.add(
            Diagnostic.error(
                Code.UNREADABLE_FILE,
                start,
                "cannot fetch the baked assertion: " + e.getMessage()));
      }
      return;
    }
    d.add(
        Diagnostic.error(
                Code.NOT_AN_ASSERTION,
                start,
                "neither JSON, a signed assertion (JWS) nor a baked badge image")
            .withHint("give an assertion as JSON, its URL, or a baked PNG or SVG badge"));
  }

  private static void json(
      String text, String source, boolean positioned, Diagnostics d, Consumer<JsonDocument> each) {
    json(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        source,
        positioned,
        d,
        each);
  }

  private static void json(
      InputStream in,
      String source,
      boolean positioned,
      Diagnostics d,
      Consumer<JsonDocument> each) {
    try {
      JsonDocument.each(in, source, positioned, each);
    } catch (JsonProcessingException e) {
      SourcePosition at =
          positioned && e.getLocation() != null
              ? new SourcePosition(
                  source,
                  Math.max(1, e.getLocation().getLineNr()),
                  Math.max(1, e.getLocation().getColumnNr()))
              : SourcePosition.startOf(source);
      d.add(
          Diagnostic.error(Code.NOT_AN_ASSERTION, at, "malformed JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      d.add(
          Diagnostic.error(
              Code.UNREADABLE_FILE,
              SourcePosition.startOf(source),
              "cannot read the file: " + e.getMessage()));
    }
  }

  /** The badge of the site an assertion is an award of. */
  private Optional<String> badge(
      ImportedAssertion a,
      Mapping mapping,
      Map<String, BadgeDoc> badges,
      Optional<String> baseUrl,
      Diagnostics d) {
    Optional<String> id = a.badgeClassId();
    Optional<String> name = a.badgeClassName();
    for (Map.Entry<String, String> m : mapping.byBadgeClass().entrySet()) {
      if (id.filter(m.getKey()::equals).isPresent()
          || name.filter(m.getKey()::equalsIgnoreCase).isPresent()) {
        return Optional.of(m.getValue());
      }
    }
    if (mapping.all().isPresent()) {
      return mapping.all();
    }
    // The BadgeClass this site publishes, as in its own baked badges.
    if (id.isPresent() && baseUrl.isPresent()) {
      for (String slug : badges.keySet()) {
        if (id.get().equals(baseUrl.get() + "badges/" + slug + ".json")) {
          return Optional.of(slug);
        }
      }
    }
    Optional<String> fetchError = Optional.empty();
    if (name.isEmpty() && id.isPresent() && URL.matcher(id.get()).matches()) {
      try {
        name = fetchedName(id.get());
      } catch (ResolveException e) {
        fetchError = Optional.of(e.getMessage());
      }
    }
    Optional<String> named = name.map(n -> n.strip().toLowerCase(Locale.ROOT));
    List<String> matches =
        badges.values().stream()
            .filter(
                b -> named.filter(b.name().strip().toLowerCase(Locale.ROOT)::equals).isPresent())
            .map(BadgeDoc::id)
            .toList();
    if (matches.size() == 1) {
      return Optional.of(matches.get(0));
    }
    Optional<String> badgeName = name;
    String described =
        badgeName.map(n -> "'" + n + "'").orElse("")
            + id.map(i -> (badgeName.isPresent() ? " (" + i + ")" : i)).orElse("");
    String problem;
    if (matches.size() > 1) {
      problem = "the BadgeClass " + described + " matches the badges " + String.join(", ", matches);
    } else if (fetchError.isPresent()) {
      problem = "cannot match the BadgeClass " + described + ": " + fetchError.get();
    } else {
      problem = "no badge of this site matches the BadgeClass " + described;
    }
    d.add(
        Diagnostic.error(Code.UNKNOWN_BADGE, a.badgeAt(), problem)
            .withHint(
                "map it with --badge SLUG (every assertion) or --badge '"
                    + id.or(() -> a.badgeClassName()).orElse("NAME")
                    + "=SLUG'"
                    + (badges.isEmpty()
                        ? ""
                        : "; the site's badges: " + String.join(", ", badges.keySet()))));
    return Optional.empty();
  }

  /** The name of a BadgeClass, fetched once per URL. */
  private Optional<String> fetchedName(String url) throws ResolveException {
    if (!fetchedNames.containsKey(url)) {
      byte[] bytes = resolver.fetch(url);
      Optional<String> name;
      try {
        JsonNode node =
            JsonDocument.parse(new String(bytes, StandardCharsets.UTF_8), url, false).root();
        name = Optional.of(node.path("name").asText("")).filter(n -> !n.isBlank());
      } catch (JsonProcessingException e) {
        name = Optional.empty();
      }
      fetchedNames.put(url, name);
    }
    return fetchedNames.get(url);
  }

  /** A readable, stable id from the assertion's own: the end of its URL, or its UUID. */
  static String idBase(Optional<String> assertionId) {
    String id = assertionId.orElse("").replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
    String last = id.substring(Math.max(id.lastIndexOf('/'), id.lastIndexOf(':')) + 1);
    last = last.replaceFirst("(?i)\\.(json|jws)$", "");
    String slug =
        last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "imported" : slug;
  }
}
