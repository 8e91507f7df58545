package dev.badgesmith.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.SiteLoader;
import dev.badgesmith.lock.AwardDigest;
import dev.badgesmith.lock.LockCheck;
import dev.badgesmith.lock.PublishedLock;
import dev.badgesmith.model.Site;
import dev.badgesmith.source.SiteScanner;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.validate.SiteValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An award file whose bytes and context did not change since an earlier build is neither parsed nor
 * validated again, and the site comes out exactly as if it had been.
 */
class AwardCacheTest {
  @TempDir Path tmp;
  Path site;
  Path cache;

  @BeforeEach
  void aSiteOfThreeAwardsOverTwoBadges() {
    site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("awards/intro/omar.yaml"),
        "recipient:\n  email: omar@example.org\n  name: Omar\nissuedOn: 2025-04-01T10:00:00+02:00\n"
            + "evidence:\n  - url: https://code.example.net/omar\n    name: Work\n");
    TestSites.write(
        site.resolve("badges/next.md"), "---\nname: Next\ndescription: Took the next.\n---\nDo.\n");
    TestSites.write(
        site.resolve("badges/next.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"9\""
            + " height=\"9\"/></svg>\n");
    TestSites.write(
        site.resolve("awards/next/jane.yaml"),
        "recipient:\n  email: jane@example.org\nissuedOn: 2025-05-01\nexpires: 2027-05-01\n"
            + "narrative: Long **work**.\nrevoked:\n  reason: Awarded in error\n  date: 2025-06-01\n");
    cache = tmp.resolve("cache");
  }

  @Test
  void aSecondLoadReadsNoUnchangedFileAndGivesTheSameSite() {
    Loaded first = load(Optional.empty());
    Loaded second = load(Optional.empty());

    assertThat(first.doc().awards()).hasSize(3);
    assertThat(first.known()).isEmpty();
    assertThat(second.doc().awards()).isEmpty();
    assertThat(second.known()).hasSize(3);
    assertThat(second.site()).isEqualTo(first.site()).isEqualTo(uncached().site());
  }

  @Test
  void anAwardIsKnownByItsFileWhetherReadOrCachedAndARowByNothing() throws IOException {
    TestSites.write(
        site.resolve("awards/intro/more.csv"),
        "id,email,issuedOn\nzoe,zoe@example.org,2025-04-01\n");
    Loaded first = load(Optional.empty());
    Loaded second = load(Optional.empty());
    Path omar = site.resolve("awards/intro/omar.yaml");
    Files.writeString(omar, Files.readString(omar).replace("name: Omar", "name: Omar K."));
    Loaded edited = load(Optional.empty());

    assertThat(first.identities()).hasSize(4).isEqualTo(second.identities());
    assertThat(first.identities().get("intro/zoe")).isEmpty();
    assertThat(first.identities().get("intro/omar")).isPresent();
    assertThat(edited.identities().get("intro/omar"))
        .isPresent()
        .isNotEqualTo(first.identities().get("intro/omar"));
    assertThat(edited.identities().get("next/jane")).isEqualTo(first.identities().get("next/jane"));
  }

  @Test
  void entriesKeptAsReadAreWrittenBackWhole() throws IOException {
    load(Optional.empty());
    // A new file makes the cache be written again, its other entries as they were read.
    TestSites.write(
        site.resolve("awards/intro/zoe.yaml"),
        "recipient:\n  email: zoe@example.org\nissuedOn: 2025-06-01\n");
    Path omar = site.resolve("awards/intro/omar.yaml");
    Files.writeString(omar, Files.readString(omar).replace("name: Omar", "name: Omar K."));
    Loaded second = load(Optional.empty());
    Loaded third = load(Optional.empty());

    assertThat(third.doc().awards()).isEmpty();
    assertThat(third.known()).hasSize(4);
    assertThat(third.site()).isEqualTo(second.site()).isEqualTo(uncached().site());
  }

  @Test
  void anEditedAwardFileIsReadAgainAndNoOther() throws IOException {
    load(Optional.empty());
    Path omar = site.resolve("awards/intro/omar.yaml");
    Files.writeString(omar, Files.readString(omar).replace("name: Omar", "name: Omar K."));

    Loaded again = load(Optional.empty());

    assertThat(again.doc().awards()).extracting(a -> a.id()).containsExactly("omar");
    assertThat(again.known()).hasSize(2);
    assertThat(again.site()).isEqualTo(uncached().site());
  }

  @Test
  void editingABadgeClassReadsItsAwardsAgainAndNoOthers() throws IOException {
    load(Optional.empty());
    Path badge = site.resolve("badges/intro.md");
    // validFor changes the expiry of every award of the badge class: its awards are read again.
    Files.writeString(
        badge, Files.readString(badge).replace("---\nname:", "---\nvalidFor: P1Y\nname:"));

    Loaded again = load(Optional.empty());

    assertThat(again.doc().awards()).extracting(a -> a.id()).containsExactly("jane", "omar");
    assertThat(again.known()).extracting(a -> a.badgeId()).containsExactly("next");
    assertThat(again.site()).isEqualTo(uncached().site());
    assertThat(again.site().orElseThrow().awards().get(0).expires()).isPresent();
  }

  @Test
  void aFileWithTheStampItHadIsNotReadAgain() throws IOException {
    Path omar = site.resolve("awards/intro/omar.yaml");
    FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    Files.setLastModifiedTime(omar, hourAgo);
    load(Optional.empty());
    // The same size, time and inode: taken as unchanged, so this edit is not seen.
    Files.writeString(omar, Files.readString(omar).replace("name: Omar", "name: Omer"));
    Files.setLastModifiedTime(omar, hourAgo);

    Loaded again = load(Optional.empty());

    assertThat(again.doc().awards()).isEmpty();
    assertThat(again.site().orElseThrow().awards().get(1).recipient().name()).contains("Omar");
  }

  @Test
  void aFileModifiedMomentsBeforeABuildIsReadEvenWithTheSameStamp() throws IOException {
    Path omar = site.resolve("awards/intro/omar.yaml");
    FileTime now = Files.getLastModifiedTime(omar);
    load(Optional.empty());
    // Within the same tick of a coarse clock a second write can leave size and time as they were.
    Files.writeString(omar, Files.readString(omar).replace("name: Omar", "name: Omer"));
    Files.setLastModifiedTime(omar, now);

    Loaded again = load(Optional.empty());

    assertThat(again.doc().awards()).extracting(a -> a.id()).containsExactly("omar");
    assertThat(again.site().orElseThrow().awards().get(1).recipient().name()).contains("Omer");
  }

  @Test
  void settingsIssuersAndTheSaltSecretEachReadEveryAwardAgain() throws IOException {
    load(Optional.empty());
    assertThat(load(Optional.of("a secret")).known()).isEmpty();
    assertThat(load(Optional.of("a secret")).known()).hasSize(3);
    assertThat(load(Optional.of("another secret")).known()).isEmpty();

    Path settings = site.resolve("site.yaml");
    Files.writeString(settings, Files.readString(settings) + "timeZone: Europe/Berlin\n");
    Loaded moved = load(Optional.of("another secret"));
    assertThat(moved.known()).isEmpty();
    assertThat(moved.site().orElseThrow().awards().get(0).issuedOn().getOffset().getTotalSeconds())
        .isEqualTo(3600);

    Path issuer = site.resolve("issuers/guild.yaml");
    Files.writeString(issuer, Files.readString(issuer).replace("The Guild", "The Old Guild"));
    assertThat(load(Optional.of("another secret")).known()).isEmpty();
  }

  @Test
  void theCacheHoldsNoRecipientAddressAndNoSecret() throws IOException {
    load(Optional.of("s3cret-salt"));

    String cached;
    try (Stream<Path> files = Files.walk(cache)) {
      cached =
          files.filter(Files::isRegularFile).map(AwardCacheTest::latin1).reduce("", String::concat);
    }
    assertThat(cached).contains("awards/intro/omar.yaml").contains("Omar");
    assertThat(cached)
        .doesNotContain("jane@example.org")
        .doesNotContain("omar@example.org")
        .doesNotContain("s3cret-salt");
  }

  @Test
  void aDamagedCacheIsReadAsEmpty() throws IOException {
    load(Optional.empty());
    try (Stream<Path> files = Files.walk(cache)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      }
    }

    Loaded again = load(Optional.empty());

    assertThat(again.known()).isEmpty();
    assertThat(again.site()).isEqualTo(uncached().site());
  }

  @Test
  void aRebuildAppendsWhatChangedAndASegmentLeftHalfWrittenLeavesTheOnesBefore()
      throws IOException {
    load(Optional.empty());
    Path file = cache.resolve("site.cache");
    long whole = Files.size(file);
    Path omar = site.resolve("awards/intro/omar.yaml");
    Files.writeString(omar, Files.readString(omar).replace("name: Omar", "name: Omar K."));
    load(Optional.empty());
    long appended = Files.size(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, (int) (whole + (appended - whole) / 2)));

    Loaded again = load(Optional.empty());
    Loaded last = load(Optional.empty());

    // One entry appended: less than the whole file again.
    assertThat(appended).isGreaterThan(whole).isLessThan(whole + whole / 2);
    assertThat(again.doc().awards()).extracting(a -> a.id()).containsExactly("omar");
    assertThat(again.known()).hasSize(2);
    assertThat(again.site()).isEqualTo(uncached().site());
    assertThat(last.doc().awards()).isEmpty();
    assertThat(last.known()).hasSize(3);
  }

  @Test
  void aCacheWhoseEntriesMostlyChangedIsWrittenAnewNotAppendedTo() throws IOException {
    for (int i = 0; i < 300; i++) {
      TestSites.write(
          site.resolve("awards/intro/learner-" + i + ".yaml"),
          "recipient:\n  email: learner-" + i + "@example.org\nissuedOn: 2025-04-01\n");
    }
    // Older than a build's start by more than the moments in which a stamp is not trusted: no
    // entry is written again only to trust its stamp.
    try (Stream<Path> files = Files.walk(site.resolve("awards"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
      }
    }
    load(Optional.empty());
    Path file = cache.resolve("site.cache");
    long whole = Files.size(file);
    Path settings = site.resolve("site.yaml");
    Files.writeString(settings, Files.readString(settings) + "timeZone: Europe/Berlin\n");
    Loaded moved = load(Optional.empty());
    long rewritten = Files.size(file);
    Path omar = site.resolve("awards/intro/omar.yaml");
    Files.writeString(omar, Files.readString(omar).replace("name: Omar", "name: Omar K."));
    Loaded edited = load(Optional.empty());
    long appended = Files.size(file);

    assertThat(moved.known()).isEmpty();
    assertThat(rewritten).isBetween(whole - whole / 10, whole + whole / 10);
    assertThat(edited.known()).hasSizeGreaterThan(300);
    assertThat(appended).isGreaterThan(rewritten).isLessThan(rewritten + whole / 50);
    assertThat(load(Optional.empty()).site()).isEqualTo(uncached().site());
  }

  @Test
  void aCsvRowThatClaimsACachedAwardsIdIsStillReported() {
    Badgesmith generator = Badgesmith.builder().cacheDirectory(cache).build();
    assertThat(generator.check(site).hasErrors()).isFalse();
    TestSites.write(
        site.resolve("awards/intro/more.csv"),
        "id,email,issuedOn\nomar,omar@example.org,2025-04-01\n");

    Report report = generator.check(site);

    assertThat(report.diagnostics())
        .filteredOn(d -> d.code() == Code.DUPLICATE_ID)
        .singleElement()
        .satisfies(d -> assertThat(d.path()).isEqualTo("awards/intro/omar.yaml"))
        .satisfies(d -> assertThat(d.message()).contains("awards/intro/more.csv:2"));
  }

  private record Loaded(
      SiteDoc doc,
      java.util.List<dev.badgesmith.model.Award> known,
      Optional<Site> site,
      Diagnostics diagnostics,
      java.util.Map<String, Optional<String>> identities) {}

  /** Loads the site as a build does: scan, cache, load, validate, lock digests, save. */
  private Loaded load(Optional<String> secret) {
    Diagnostics diagnostics = new Diagnostics();
    SiteSources sources = SiteScanner.scan(site, diagnostics);
    AwardCache awards =
        AwardCache.open(AwardCache.earlier(cache.resolve("site.cache"), true), sources, secret);
    AwardCache.Known known = awards.known(sources.awards(), ForkJoinPool.commonPool());
    SiteDoc doc =
        new SiteLoader(ForkJoinPool.commonPool())
            .load(sources, diagnostics, known.paths(), awards::loaded);
    Optional<Site> validated =
        new SiteValidator(
                secret, java.time.Instant.parse("2026-06-01T00:00:00Z"), new ImageInspector())
            .validate(sources, doc, known.awards(), diagnostics);
    Optional<LockCheck> lock =
        LockCheck.run(
            sources,
            doc,
            validated,
            diagnostics,
            key -> Optional.empty(),
            Optional.empty(),
            PublishedLock.readFile(sources.root()),
            Runnable::run);
    java.util.Set<String> noted = new java.util.HashSet<>();
    diagnostics.sorted().forEach(d -> noted.add(d.path()));
    validated.ifPresent(
        s ->
            awards.save(
                s.awards(),
                path -> !noted.contains(path),
                a -> {
                  AwardDigest digest = lock.orElseThrow().digest(a);
                  return new AwardCache.LockDigest(digest.digest(), digest.fieldsColumn());
                }));
    java.util.Map<String, Optional<String>> identities = new java.util.TreeMap<>();
    validated.ifPresent(
        s ->
            s.awards()
                .forEach(a -> identities.put(a.badgeId() + "/" + a.id(), awards.identity(a))));
    return new Loaded(doc, known.awards(), validated, diagnostics, identities);
  }

  private Loaded uncached() {
    Diagnostics diagnostics = new Diagnostics();
    SiteSources sources = SiteScanner.scan(site, diagnostics);
    SiteDoc doc = new SiteLoader(ForkJoinPool.commonPool()).load(sources, diagnostics);
    return new Loaded(
        doc,
        java.util.List.of(),
        new SiteValidator(
                Optional.empty(),
                java.time.Instant.parse("2026-06-01T00:00:00Z"),
                new ImageInspector())
            .validate(sources, doc, java.util.List.of(), diagnostics),
        diagnostics,
        java.util.Map.of());
  }

  private static java.util.List<Code> codes(Diagnostics diagnostics) {
    return diagnostics.sorted().stream().map(Diagnostic::code).toList();
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(file, Files.readString(file) + text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String latin1(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
