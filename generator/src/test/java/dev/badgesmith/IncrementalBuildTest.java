package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild renders only the awards whose inputs changed and updates the published folder in place,
 * yet gives exactly the site a build from nothing gives, after every kind of change.
 */
class IncrementalBuildTest {
  /** Every award of the example site, each in a file of its own. */
  private static final int AWARDS =
      TestSites.read(Path.of("../example-site/awards").toAbsolutePath().normalize()).size();

  @TempDir Path tmp;
  Path site;
  Path out;
  Path cache;

  @BeforeEach
  void publishTheExampleSite() {
    site = tmp.resolve("site");
    TestSites.copy(Path.of("../example-site").toAbsolutePath().normalize(), site);
    delete(site.resolve("target"));
    out = tmp.resolve("out");
    cache = tmp.resolve("cache");
    Report first = generator(cache).build(site, out);
    assertThat(first.hasErrors()).as("%s", first.diagnostics()).isFalse();
    assertThat(first.awardsRendered()).isEqualTo(AWARDS);
  }

  @Test
  void aRebuildWithNothingChangedRendersNoAwardAndChangesNoFile() {
    Report again = generator(cache).build(site, out);

    assertThat(again.awardsRendered()).isZero();
    assertThat(again.filesChanged()).isZero();
    assertSameAsAFreshBuild();
  }

  @Test
  void addingAnAwardRendersThatAwardAloneAndLeavesTheOthersFilesUntouched() throws IOException {
    Path kept = out.resolve("assertions/mentor/amara-okafor.json");
    Object inode = Files.getAttribute(kept, "unix:ino");

    Report report =
        change(
            s ->
                TestSites.write(
                    s.resolve("awards/mentor/jonas-weber.yaml"),
                    "recipient:\n  email: jonas.weber@example.org\nissuedOn: 2025-09-01\n"));

    assertThat(report.awardsRendered()).isEqualTo(1);
    assertThat(Files.getAttribute(kept, "unix:ino")).isEqualTo(inode);
    assertThat(out.resolve("assertions/mentor/jonas-weber.json")).exists();
    assertThat(out.resolve("badges/mentor/index.html")).content().contains("jonas-weber");
  }

  @Test
  void eachRebuildKeepsWhatTheLastRebuildKeptAndRendered() {
    // Files are remembered by their place in the manifest's list: adding an award moves the
    // places of every file after its own, and the next rebuild must still find them all.
    change(
        s ->
            TestSites.write(
                s.resolve("awards/code-reviewer/aaron-abbott.yaml"),
                "recipient:\n  email: aaron.abbott@example.org\nissuedOn: 2025-09-01\n"));
    Report unchanged = generator(cache).build(site, out);
    assertThat(unchanged.awardsRendered()).isZero();
    assertThat(unchanged.filesChanged()).isZero();

    Report removed =
        change(
            s -> {
              delete(s.resolve("published.lock"));
              delete(s.resolve("awards/code-reviewer/aaron-abbott.yaml"));
              TestSites.write(
                  s.resolve("awards/mentor/jonas-weber.yaml"),
                  "recipient:\n  email: jonas.weber@example.org\nissuedOn: 2025-09-01\n");
            });
    assertThat(removed.awardsRendered()).isEqualTo(1);
    Report again = generator(cache).build(site, out);
    assertThat(again.awardsRendered()).isZero();
    assertThat(again.filesChanged()).isZero();
    assertSameAsAFreshBuild();
  }

  @Test
  void aChangedTranslationRendersAgainWhatShowsIt() {
    // A badge class's German texts are on every German page that names it, and in the
    // credentials of awards issued in German: every award is rendered again, as for its English.
    Report badge =
        change(
            s ->
                replace(
                    s.resolve("badges/first-contribution.de.md"),
                    "name: Erster Beitrag",
                    "name: Erster Beitrag zum Code"));
    assertThat(badge.awardsRendered()).isEqualTo(AWARDS);
    assertThat(out.resolve("de/badges/first-contribution/index.html"))
        .content()
        .contains("Erster Beitrag zum Code");
    assertThat(out.resolve("badges/first-contribution/index.html"))
        .content()
        .doesNotContain("Erster Beitrag");

    // An award's translation is on its own pages only.
    Report award =
        change(
            s ->
                TestSites.write(
                    s.resolve("awards/mentor/amara-okafor.de.yaml"),
                    "narrative: Hat drei Neue begleitet.\n"));
    assertThat(award.awardsRendered()).isEqualTo(1);
    assertThat(out.resolve("de/assertions/mentor/amara-okafor/index.html"))
        .content()
        .contains("Hat drei Neue begleitet.");
    assertThat(out.resolve("assertions/mentor/amara-okafor/index.html"))
        .content()
        .doesNotContain("Hat drei Neue begleitet.");
  }

  @Test
  void aCriteriaPageIsRenderedAgainInEveryLanguageOnlyWhenTheAwardsItListsChanged()
      throws Exception {
    // A template that stamps each criteria page with the time it was rendered shows which were.
    TestSites.write(
        site.resolve("templates/badge.ftlh"),
        "<p>${name}: <#list awards as a>${a.id} </#list>at ${.now?long}</p>\n");
    assertThat(generator(cache).build(site, out).hasErrors()).isFalse();
    String mentor = Files.readString(out.resolve("badges/mentor/index.html"));
    String reviewer = Files.readString(out.resolve("badges/code-reviewer/index.html"));
    String mentorDe = Files.readString(out.resolve("de/badges/mentor/index.html"));
    String reviewerDe = Files.readString(out.resolve("de/badges/code-reviewer/index.html"));
    Thread.sleep(5);

    TestSites.write(
        site.resolve("awards/mentor/jonas-weber.yaml"),
        "recipient:\n  email: jonas.weber@example.org\nissuedOn: 2025-09-01\n");
    Report report = generator(cache).build(site, out);

    assertThat(report.hasErrors()).as("%s", report.diagnostics()).isFalse();
    assertThat(out.resolve("badges/mentor/index.html"))
        .content()
        .contains("jonas-weber")
        .isNotEqualTo(mentor);
    assertThat(out.resolve("badges/code-reviewer/index.html")).content().isEqualTo(reviewer);
    // And in the site's other language.
    assertThat(out.resolve("de/badges/mentor/index.html"))
        .content()
        .contains("jonas-weber")
        .isNotEqualTo(mentorDe);
    assertThat(out.resolve("de/badges/code-reviewer/index.html")).content().isEqualTo(reviewerDe);
  }

  @Test
  void revokingAnAwardRendersItAgainAndDropsItsBakedBadges() {
    Report report =
        change(
            s ->
                append(
                    s.resolve("awards/code-reviewer/mateo-garcia.yaml"),
                    "revoked:\n  reason: Awarded in error\n  date: 2025-12-01\n"));

    assertThat(report.awardsRendered()).isEqualTo(1);
    assertThat(out.resolve("assertions/code-reviewer/mateo-garcia.png")).doesNotExist();
  }

  @Test
  void removingAnAwardRemovesItsFilesAndEmptyFolders() {
    Report report =
        change(
            s -> {
              // A locked award may only be revoked; a site without a lock may drop one.
              delete(s.resolve("published.lock"));
              delete(s.resolve("awards/mentor/amara-okafor.yaml"));
              delete(s.resolve("awards/mentor"));
            });

    assertThat(report.awardsRendered()).isZero();
    assertThat(out.resolve("assertions/mentor")).doesNotExist();
  }

  @Test
  void editingABadgeClassRendersEveryAwardAgain() {
    Report report =
        change(
            s ->
                replace(
                    s.resolve("badges/mentor.md"),
                    "name: Guild Mentor",
                    "name: Senior Guild Mentor"));

    assertThat(report.awardsRendered()).isEqualTo(AWARDS);
  }

  @Test
  void changesToSettingsIssuersDesignsAndTemplatesRenderEveryAwardAgain() {
    assertThat(change(s -> replace(s.resolve("site.yaml"), "title: ", "title: The ")))
        .extracting(Report::awardsRendered)
        .isEqualTo(AWARDS);
    assertThat(
            change(s -> replace(s.resolve("issuers/rustacean-guild.yaml"), "name: ", "name: The ")))
        .extracting(Report::awardsRendered)
        .isEqualTo(AWARDS);
    assertThat(change(s -> replace(s.resolve("badges/mentor.svg"), "</svg>", "<g/></svg>")))
        .extracting(Report::awardsRendered)
        .isEqualTo(AWARDS);
    assertThat(
            change(
                s ->
                    TestSites.write(
                        s.resolve("templates/award.ftlh"),
                        "<#-- a theme of one line -->${badgeName}\n")))
        .extracting(Report::awardsRendered)
        .isEqualTo(AWARDS);
  }

  @Test
  void aPublishedFolderChangedBehindTheBuildsBackIsRenderedAgainInFull() throws IOException {
    Path manifest = out.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\n}", "\n }"));

    Report report = generator(cache).build(site, out);

    assertThat(report.awardsRendered()).isEqualTo(AWARDS);
    assertSameAsAFreshBuild();
  }

  @Test
  void renderAllRendersEveryAwardAndRestoresFilesChangedByHand() throws IOException {
    Path assertion = out.resolve("assertions/mentor/amara-okafor.json");
    byte[] good = Files.readAllBytes(assertion);
    Files.writeString(assertion, "{}");

    Report report =
        Badgesmith.builder()
            .keysDirectory(Path.of("../example-keys").toAbsolutePath().normalize())
            .cacheDirectory(cache)
            .renderAll(true)
            .build()
            .build(site, out);

    assertThat(report.awardsRendered()).isEqualTo(AWARDS);
    assertThat(assertion).hasBinaryContent(good);
  }

  @Test
  void aSocialCardAndADesignAreKeptUntilWhatTheyShowChanges() throws IOException {
    Path card = out.resolve("badges/mentor/card.png");
    Path design = out.resolve("badges/mentor.png");
    assertThat(card).exists();
    assertThat(design).exists();
    // Files changed by hand stay as they are while nothing they show changes: they are kept
    // unread.
    byte[] byHand = {1, 2, 3};
    Files.write(card, byHand);
    Files.write(design, byHand);
    TestSites.write(
        site.resolve("awards/mentor/jonas-weber.yaml"),
        "recipient:\n  email: jonas.weber@example.org\nissuedOn: 2025-09-01\n");
    Report added = generator(cache).build(site, out);
    assertThat(added.awardsRendered()).isEqualTo(1);
    assertThat(card).hasBinaryContent(byHand);
    assertThat(design).hasBinaryContent(byHand);

    // Each of what they show draws them again, as a build from nothing draws them.
    change(s -> replace(s.resolve("site.yaml"), "title: ", "title: The "));
    change(s -> replace(s.resolve("issuers/rustacean-guild.yaml"), "name: ", "name: The "));
    change(s -> replace(s.resolve("badges/mentor.md"), "name: Guild Mentor", "name: Guild Tutor"));
    change(s -> replace(s.resolve("badges/mentor.svg"), "</svg>", "<g/></svg>"));
  }

  @Test
  void aVerifyBucketIsWrittenAgainOnlyWhenTheDigestsItHoldsChange() throws IOException {
    // More hosted assertions than the verify page's data holds itself: their digests are in
    // buckets, each kept while the awards in it are.
    site = tmp.resolve("many");
    out = tmp.resolve("many-out");
    cache = tmp.resolve("many-cache");
    TestSites.write(
        site.resolve("site.yaml"),
        "title: Helpers\nbaseUrl: https://helpers.example.org/\ntimeZone: UTC\n"
            + "pages:\n  certificates: false\n");
    TestSites.write(
        site.resolve("issuers/helpers.yaml"),
        "name: Helpers\nurl: https://helpers.example.org/\nemail: badges@helpers.example.org\n");
    TestSites.write(
        site.resolve("badges/helper.md"), "---\nname: Helper\ndescription: Helped.\n---\nHelp.\n");
    TestSites.write(
        site.resolve("badges/helper.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 512 512\">"
            + "<circle cx=\"256\" cy=\"256\" r=\"240\" fill=\"#204060\"/></svg>\n");
    for (int i = 0; i < 300; i++) {
      helper(site, i, "2025-03-01");
    }
    assertThat(generator(cache).build(site, out).hasErrors()).isFalse();
    Path buckets = out.resolve("verify/hosted");
    assertThat(buckets.resolve("00.js")).exists();

    assertThat(change(s -> helper(s, 300, "2025-03-02")).awardsRendered()).isEqualTo(1);
    change(s -> helper(s, 7, "2025-04-01"));
    change(s -> delete(s.resolve("awards/helper/helper-8.yaml")));

    // Buckets changed by hand stay so, but for the one the new award's digest goes in.
    try (var files = Files.list(buckets)) {
      for (Path bucket : files.toList()) {
        append(bucket, "// by hand\n");
      }
    }
    helper(site, 301, "2025-03-03");
    assertThat(generator(cache).build(site, out).awardsRendered()).isEqualTo(1);
    Path fresh = tmp.resolve("many-fresh");
    generator(fresh.resolve("cache")).build(site, fresh.resolve("out"));
    Map<String, byte[]> expected = TestSites.read(fresh.resolve("out/verify/hosted"));
    Map<String, byte[]> actual = TestSites.read(buckets);
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    String withNewAward =
        expected.entrySet().stream()
            .filter(e -> new String(e.getValue(), UTF_8).contains("/helper-301.json"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    expected.forEach(
        (path, bytes) -> {
          if (path.equals(withNewAward)) {
            assertThat(actual.get(path)).as(path).isEqualTo(bytes);
          } else {
            assertThat(new String(actual.get(path), UTF_8)).as(path).endsWith("// by hand\n");
          }
        });
  }

  private static void helper(Path site, int i, String issuedOn) {
    TestSites.write(
        site.resolve("awards/helper/helper-" + i + ".yaml"),
        "recipient:\n  email: helper-" + i + "@example.org\nissuedOn: " + issuedOn + "\n");
  }

  /** Changes the site, rebuilds it in place, and checks the result against a fresh build. */
  private Report change(Consumer<Path> edit) {
    edit.accept(site);
    Report report = generator(cache).build(site, out);
    assertThat(report.hasErrors()).as("%s", report.diagnostics()).isFalse();
    assertSameAsAFreshBuild();
    return report;
  }

  private void assertSameAsAFreshBuild() {
    Path fresh = tmp.resolve("fresh-" + System.nanoTime());
    Report report = generator(fresh.resolve("cache")).build(site, fresh.resolve("out"));
    assertThat(report.hasErrors()).isFalse();
    Map<String, byte[]> expected = TestSites.read(fresh.resolve("out"));
    Map<String, byte[]> actual = TestSites.read(out);
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
    // Only the lock file stays beside the output (the lock is the operating system's).
    assertThat(tmp)
        .isDirectoryNotContaining(
            p -> p.getFileName().toString().startsWith(".out.") && !p.endsWith(".out.lock"));
  }

  private static Badgesmith generator(Path cache) {
    return Badgesmith.builder()
        .keysDirectory(Path.of("../example-keys").toAbsolutePath().normalize())
        .cacheDirectory(cache)
        .build();
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(file, Files.readString(file) + text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void replace(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      assertThat(text).contains(from);
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try (var files = Files.walk(path)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // nothing to delete
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
