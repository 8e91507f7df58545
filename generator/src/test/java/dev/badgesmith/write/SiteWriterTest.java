package dev.badgesmith.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.testing.OwnJvm;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
  private final Badgesmith generator = Badgesmith.builder().build();

  @Test
  void aBuildWithErrorsLeavesThePreviousSiteAsItWas(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path out = tmp.resolve("out");
    assertThat(generator.build(site, out).hasErrors()).isFalse();
    Map<String, byte[]> before = TestSites.read(out);

    TestSites.write(
        site.resolve("awards/intro/bob.yaml"), "recipient:\n  email: bob@example.org\n");
    Report broken = generator.build(site, out);

    assertThat(broken.hasErrors()).isTrue();
    Map<String, byte[]> after = TestSites.read(out);
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
    assertThat(tmp.resolve(".out.staging")).doesNotExist();
  }

  @Test
  void aSecondBuildIntoTheSameFolderIsRefusedWhileTheFirstWrites(@TempDir Path tmp)
      throws Exception {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path out = tmp.resolve("out");
    assertThat(generator.build(site, out).hasErrors()).isFalse();
    Map<String, byte[]> before = TestSites.read(out);
    TestSites.write(
        site.resolve("awards/intro/bob.yaml"),
        "recipient:\n  email: bob@example.org\nissuedOn: 2025-04-01\n");

    SiteWriter first = SiteWriter.open(out, PublishedList.Source.NONE);
    try {
      // In this process, and from another one, as two CI jobs or a build beside `serve` would.
      assertThatThrownBy(() -> generator.build(site, out))
          .isInstanceOf(BadgesmithException.class)
          .hasMessageContaining("another build is writing into " + out.toAbsolutePath());
      OwnJvm.Run other =
          OwnJvm.badgesmith(List.of(), "build", site.toString(), "--out", out.toString());
      String printed = other.printed();
      assertThat(other.status()).as(printed).isEqualTo(2);
      assertThat(printed).contains("another build is writing into").doesNotContain("Exception");
      Map<String, byte[]> during = TestSites.read(out);
      assertThat(during.keySet()).containsExactlyElementsOf(before.keySet());
    } finally {
      first.abandon();
    }
    // Once the first is done, the next build goes ahead.
    assertThat(generator.build(site, out).hasErrors()).isFalse();
    assertThat(out.resolve("assertions/intro/bob.json")).isRegularFile();
  }

  @Test
  void refusesACacheInsideTheOutputOrAmongTheSources(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path out = tmp.resolve("out");

    assertThatThrownBy(
            () ->
                Badgesmith.builder().cacheDirectory(out.resolve("cache")).build().build(site, out))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("is inside the output folder");
    assertThatThrownBy(
            () ->
                Badgesmith.builder()
                    .cacheDirectory(site.resolve("static/cache"))
                    .build()
                    .check(site))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("is inside the site's static/ folder");
    assertThat(out).doesNotExist();
  }

  @Test
  void cachedWorkPlantedByAnotherHandIsNeverUsed(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path cache = site.resolve(".badgesmith/cache"); // where a pull request could commit files
    Report plain = Badgesmith.builder().build().build(site, tmp.resolve("plain"));
    assertThat(plain.hasErrors()).isFalse();
    byte[] genuine = Files.readAllBytes(tmp.resolve("plain/badges/intro.png"));
    // Someone without this machine's key fills a cache, then swaps every rendered PNG in it.
    Badgesmith planter =
        Badgesmith.builder()
            .cacheDirectory(cache)
            .environment(Map.of("BADGESMITH_CACHE_KEY", "the planter's key, not ours"))
            .build();
    assertThat(planter.build(site, tmp.resolve("planted")).hasErrors()).isFalse();
    byte[] other =
        Files.readAllBytes(TestSites.resources("sites/guild/expected/badges/rust-101.png"));
    try (var files = Files.walk(cache)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".png")).toList()) {
        Files.write(f, other);
      }
    }

    Report built =
        Badgesmith.builder()
            .cacheDirectory(cache)
            .environment(Map.of("BADGESMITH_CACHE_KEY", "this machine's key"))
            .build()
            .build(site, tmp.resolve("out"));

    assertThat(built.hasErrors()).isFalse();
    assertThat(Files.readAllBytes(tmp.resolve("out/badges/intro.png"))).isEqualTo(genuine);
  }

  @Test
  void aNewBuildReplacesTheWholeSiteSoRemovedAwardsDisappear(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("awards/intro/bob.yaml"),
        "recipient:\n  email: bob@example.org\nissuedOn: 2025-01-02\n");
    Path out = tmp.resolve("out");
    generator.build(site, out);
    assertThat(out.resolve("assertions/intro/bob.json")).exists();

    Files.delete(site.resolve("awards/intro/bob.yaml"));
    generator.build(site, out);

    assertThat(out.resolve("assertions/intro/bob.json")).doesNotExist();
    assertThat(out.resolve("assertions/intro/jane.json")).exists();
    // Only the lock file stays beside the output (the lock is the operating system's).
    assertThat(tmp)
        .isDirectoryNotContaining(
            p -> p.getFileName().toString().startsWith(".out.") && !p.endsWith(".out.lock"));
  }

  @Test
  void aRebuildLeavesUnchangedFilesInPlaceAndWritesChangedOnes(@TempDir Path tmp)
      throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path out = tmp.resolve("out");
    generator.build(site, out);
    Object badge = Files.getAttribute(out.resolve("badges/intro.json"), "unix:ino");
    Object home = Files.getAttribute(out.resolve("index.html"), "unix:ino");

    TestSites.write(
        site.resolve("awards/intro/bob.yaml"),
        "recipient:\n  email: bob@example.org\nissuedOn: 2025-01-02\n");
    generator.build(site, out);

    assertThat(Files.getAttribute(out.resolve("badges/intro.json"), "unix:ino"))
        .as("unchanged, so left where it was")
        .isEqualTo(badge);
    assertThat(Files.getAttribute(out.resolve("index.html"), "unix:ino"))
        .as("the home page counts the new award: written anew")
        .isNotEqualTo(home);
  }

  @Test
  void aPreviousFileChangedByHandIsWrittenAnew(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path out = tmp.resolve("out");
    generator.build(site, out);
    byte[] good = Files.readAllBytes(out.resolve("assertions/intro/jane.json"));
    byte[] tampered = good.clone();
    tampered[tampered.length - 3] = 'X'; // same size, same manifest entry, other bytes
    Files.write(out.resolve("assertions/intro/jane.json"), tampered);

    generator.build(site, out);

    assertThat(out.resolve("assertions/intro/jane.json")).hasBinaryContent(good);
  }

  @Test
  void refusesToReplaceAFolderItDidNotWrite(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path out = tmp.resolve("documents");
    TestSites.write(out.resolve("thesis.txt"), "years of work");

    assertThatThrownBy(() -> generator.build(site, out))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("did not write");
    assertThat(out.resolve("thesis.txt")).hasContent("years of work");
  }

  @Test
  void refusesAnOutputFolderOverTheSiteSources(@TempDir Path tmp) {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    assertThatThrownBy(() -> generator.build(site, site.resolve("badges/out")))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("badges/");
    assertThatThrownBy(() -> generator.build(site, tmp))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("contains the site");
  }

  @Test
  void putsBackASiteThatAKilledBuildLeftAside(@TempDir Path tmp) throws IOException {
    // A build killed between its two renames leaves the old site as .out.previous and no out.
    Path previous = tmp.resolve(".out.previous");
    TestSites.write(
        previous.resolve("manifest.json"), "{\n  " + PublishedManifest.MARKER + "\n}\n");
    TestSites.write(tmp.resolve(".out.staging/half.json"), "{");

    SiteWriter writer = SiteWriter.open(tmp.resolve("out"), PublishedList.Source.NONE);

    assertThat(tmp.resolve("out/manifest.json")).exists();
    assertThat(previous).doesNotExist();
    assertThat(tmp.resolve(".out.staging/half.json")).doesNotExist();
    writer.abandon();
    assertThat(tmp.resolve("out/manifest.json")).exists();
  }

  @Test
  void rollsBackAnUpdateInPlaceThatAKilledBuildLeftHalfDone(@TempDir Path tmp) throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    TestSites.write(
        site.resolve("awards/intro/bob.yaml"),
        "recipient:\n  email: bob@example.org\nissuedOn: 2025-01-02\n");
    Path out = tmp.resolve("out");
    generator.build(site, out);
    Map<String, byte[]> before = TestSites.read(out);
    // What a build killed mid-commit leaves: a journal; the home page replaced, its old copy set
    // aside; a new assertion moved in; an assertion to remove set aside; a page still staged.
    Files.writeString(
        tmp.resolve(".out.journal"),
        "badgesmith-journal 1\nR index.html\nN assertions/intro/new.json\n"
            + "D assertions/intro/bob.json\nN assertions/intro/next.json\n");
    TestSites.write(tmp.resolve(".out.previous/index.html"), new String(before.get("index.html")));
    TestSites.write(out.resolve("index.html"), "<p>half a build</p>");
    TestSites.write(out.resolve("assertions/intro/new.json"), "{}");
    Files.createDirectories(tmp.resolve(".out.previous/assertions/intro"));
    Files.move(
        out.resolve("assertions/intro/bob.json"),
        tmp.resolve(".out.previous/assertions/intro/bob.json"));
    TestSites.write(tmp.resolve(".out.staging/assertions/intro/next.json"), "{}");

    SiteWriter.open(out, PublishedList.Source.NONE).abandon();

    Map<String, byte[]> after = TestSites.read(out);
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
    // Only the lock file stays beside the output (the lock is the operating system's).
    assertThat(tmp)
        .isDirectoryNotContaining(
            p -> p.getFileName().toString().startsWith(".out.") && !p.endsWith(".out.lock"));
  }

  @Test
  void aRebuildOverAnUnreadableManifestReplacesTheWholeFolder(@TempDir Path tmp)
      throws IOException {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Path out = tmp.resolve("out");
    generator.build(site, out);
    Map<String, byte[]> good = TestSites.read(out);
    Files.writeString(
        out.resolve("manifest.json"), "{ " + PublishedManifest.MARKER + ", \"files\": [");
    TestSites.write(out.resolve("assertions/intro/stray.json"), "{}");

    generator.build(site, out);

    Map<String, byte[]> after = TestSites.read(out);
    assertThat(after.keySet()).containsExactlyElementsOf(good.keySet());
    good.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void refusesAPathThatLeavesTheOutputFolder(@TempDir Path tmp) {
    StagingOutput output = new StagingOutput(tmp);
    for (String path :
        new String[] {"../x.json", "/etc/passwd", "a/../../b", "a//b", "a/./b", ""}) {
      assertThatThrownBy(() -> output.write(path, new byte[0]))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesTwoOutputsForOnePath(@TempDir Path tmp) throws IOException {
    StagingOutput output = new StagingOutput(tmp);
    output.write("a/b.json", new byte[] {1});
    assertThatThrownBy(() -> output.write("a/b.json", new byte[] {2}))
        .hasMessageContaining("two outputs write a/b.json");
  }
}
