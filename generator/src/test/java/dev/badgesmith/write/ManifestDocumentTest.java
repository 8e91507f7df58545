package dev.badgesmith.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.Site;
import dev.badgesmith.pages.SampleSite;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestDocumentTest {
  private static final String BASE = "https://badges.example.org/";
  private static final byte[] AWARDS =
      "\n    {\"badge\": \"mentor\", \"award\": \"ada\"}".getBytes(StandardCharsets.UTF_8);

  // Paths of every kind: one to escape, one not ASCII, sizes of several digits.
  private static final List<PublishedFile> BEFORE =
      List.of(
          file("a.json", 'a', 7),
          file("b \"quoted\".json", 'b', 12_345),
          file("caf\u00e9.html", 'c', 0),
          file("d.json", 'd', 99),
          file("e.json", 'e', 1_000_000));

  private static PublishedFile file(String path, char digest, long size) {
    return new PublishedFile(path, String.valueOf(digest).repeat(64), size);
  }

  /** A manifest's bytes, as it writes them. */
  private static byte[] bytes(ManifestDocument.Manifest manifest) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      manifest.writeTo(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static ManifestDocument.Manifest fresh(List<PublishedFile> files) {
    return ManifestDocument.document(BASE, AWARDS, files, Optional.empty(), at -> -1);
  }

  private static EarlierManifest earlier(ManifestDocument.Manifest manifest) {
    return new EarlierManifest(ByteBuffer.wrap(bytes(manifest)), manifest.filesAt(), BEFORE);
  }

  @Test
  void theFilesLineStartsWhereTheManifestSays() {
    ManifestDocument.Manifest manifest = fresh(BEFORE);

    String text = new String(bytes(manifest), StandardCharsets.UTF_8);
    String head = new String(bytes(manifest), 0, manifest.filesAt(), StandardCharsets.UTF_8);
    assertThat(text).startsWith(head + "{\"path\": \"a.json\"");
    assertThat(head).endsWith("\"files\": [\n    ");
    assertThat(fresh(List.of()).filesAt()).isEqualTo(-1);
  }

  @Test
  void aManifestWrittenOverAnEarlierOneIsTheManifestWrittenFromNothing() {
    // b changed, d went, b2 and f came; a, the escaped path and e are copied.
    List<PublishedFile> after =
        List.of(
            file("a.json", 'a', 7),
            file("b \"quoted\".json", 'b', 12_345),
            file("b2.json", '2', 3),
            file("caf\u00e9.html", 'c', 0),
            file("e.json", 'e', 1_000_000),
            file("f.json", 'f', 5));
    int[] earlierPositions = {0, 1, -1, 2, 4, -1};

    ManifestDocument.Manifest copied =
        ManifestDocument.document(
            BASE, AWARDS, after, Optional.of(earlier(fresh(BEFORE))), at -> earlierPositions[at]);

    ManifestDocument.Manifest expected = fresh(after);
    assertThat(new String(bytes(copied), StandardCharsets.UTF_8))
        .isEqualTo(new String(bytes(expected), StandardCharsets.UTF_8));
    assertThat(copied.filesAt()).isEqualTo(expected.filesAt());
  }

  @Test
  void theLinesOfUnchangedFilesAreCopiedNotWrittenAgain() {
    // The earlier manifest's third line is altered where only a copy would carry it over: within a
    // run, after the run's first line (which is checked).
    byte[] bytes = bytes(fresh(BEFORE));
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\"size\": 0}", "\"size\": 8}");
    EarlierManifest earlier =
        new EarlierManifest(
            ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
            fresh(BEFORE).filesAt(),
            BEFORE);

    ManifestDocument.Manifest copied =
        ManifestDocument.document(BASE, AWARDS, BEFORE, Optional.of(earlier), at -> at);

    assertThat(new String(bytes(copied), StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void anEarlierManifestNotLaidOutAsItsListSaysIsNotCopied() {
    ManifestDocument.Manifest before = fresh(BEFORE);
    String text = new String(bytes(before), StandardCharsets.UTF_8);
    List<EarlierManifest> misfits =
        List.of(
            // where the file lines start is wrong
            new EarlierManifest(ByteBuffer.wrap(bytes(before)), before.filesAt() + 1, BEFORE),
            // a line is longer than its file says
            new EarlierManifest(
                ByteBuffer.wrap(
                    text.replace("\"size\": 99}", "\"size\": 990}")
                        .getBytes(StandardCharsets.UTF_8)),
                before.filesAt(),
                BEFORE),
            // a run's first line is not its file's
            new EarlierManifest(
                ByteBuffer.wrap(
                    text.replace("\"d.json\"", "\"x.json\"").getBytes(StandardCharsets.UTF_8)),
                before.filesAt(),
                BEFORE));
    List<PublishedFile> after = List.of(file("d.json", 'd', 99), file("e.json", 'e', 1_000_000));

    for (EarlierManifest misfit : misfits) {
      ManifestDocument.Manifest copied =
          ManifestDocument.document(BASE, AWARDS, after, Optional.of(misfit), at -> at + 3);
      assertThat(bytes(copied)).isEqualTo(bytes(fresh(after)));
    }
  }

  /** The published manifest of a site, with the award lines as given. */
  private static EarlierManifest published(Site site, String awardLines) {
    List<PublishedFile> files = List.of(file("a.json", 'a', 7));
    ManifestDocument.Manifest manifest =
        ManifestDocument.document(
            site.settings().baseUrl(),
            awardLines.getBytes(StandardCharsets.UTF_8),
            files,
            Optional.empty(),
            at -> -1);
    return new EarlierManifest(ByteBuffer.wrap(bytes(manifest)), manifest.filesAt(), files);
  }

  /** A site's award lines written from nothing. */
  private static byte[] freshAwards(Site site) {
    return ManifestDocument.awards(site, Optional.empty(), award -> false);
  }

  private static String awardLines(Site site) {
    return new String(freshAwards(site), StandardCharsets.UTF_8);
  }

  @Test
  void theLinesOfKeptAwardsAreCopiedFromThePublishedManifest() {
    Site site = SampleSite.small();
    Award first = site.awards().get(0);
    Award last = site.awards().get(2);
    // Lines altered where only a copy would carry them over.
    String published =
        awardLines(site)
            .replace(first.source() + "\"", first.source() + "?first\"")
            .replace(last.source() + "\"", last.source() + "?last\"");
    Site without =
        new Site(
            site.settings(),
            site.issuers(),
            site.badges(),
            List.of(site.awards().get(0), site.awards().get(2)));

    // The first award is kept, the last rendered again, the second is gone.
    byte[] lines =
        ManifestDocument.awards(
            without, Optional.of(published(site, published)), award -> award.equals(first));

    assertThat(new String(lines, StandardCharsets.UTF_8))
        .isEqualTo(awardLines(without).replace(first.source() + "\"", first.source() + "?first\""));
  }

  @Test
  void awardLinesAreWrittenAnewOverAManifestOfAnotherSite() {
    Site site = SampleSite.small();
    String altered = awardLines(site).replace("\"revoked\": false", "\"revoked\": 0");
    Site moved =
        new Site(
            SampleSite.small().settings().withBaseUrl("https://elsewhere.example/"),
            site.issuers(),
            site.badges(),
            site.awards());

    assertThat(ManifestDocument.awards(moved, Optional.of(published(site, altered)), a -> true))
        .isEqualTo(freshAwards(moved));
    // Lines that cannot be told apart by their badge class and id are not copied either.
    String twice = altered + altered.replaceFirst("\n    ", ",\n    ");
    assertThat(ManifestDocument.awards(site, Optional.of(published(site, twice)), a -> true))
        .isEqualTo(freshAwards(site));
  }
}
