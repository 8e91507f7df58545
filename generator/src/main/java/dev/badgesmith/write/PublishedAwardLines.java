package dev.badgesmith.write;

import dev.badgesmith.model.Award;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The award lines of the published manifest, found by their badge class and id. Strings in JSON
 * hold no line break, so each line ends where a line break follows.
 */
final class PublishedAwardLines implements EarlierLines {
  private static final byte[] BADGE = ManifestText.utf8(ManifestDocument.BADGE + "\"");
  private static final byte[] AWARD = ManifestText.utf8(ManifestDocument.AWARD);

  private final int[] starts;
  private final int[] ends;
  private final Map<String, Integer> byKey;

  private PublishedAwardLines(int[] starts, int[] ends, Map<String, Integer> byKey) {
    this.starts = starts;
    this.ends = ends;
    this.byKey = byKey;
  }

  @Override
  public long start(int line) {
    return starts[line];
  }

  @Override
  public long end(int line) {
    return ends[line];
  }

  /** Its key was read from the line itself. */
  @Override
  public boolean holds(int line) {
    return true;
  }

  /** Empty when the manifest is for another base URL, or not laid out as ours are. */
  static Optional<PublishedAwardLines> of(EarlierManifest earlier, String baseUrl) {
    ByteBuffer old = earlier.bytes();
    String head = ManifestDocument.head(baseUrl);
    String after = ManifestDocument.END_OF_LIST + ManifestDocument.FILES + ManifestDocument.FIRST;
    long end = (long) earlier.filesAt() - after.length();
    int start = ManifestText.utf8(head).length;
    if (earlier.filesAt() < 0
        || end <= start + ManifestDocument.FIRST.length()
        || !ManifestText.startsWith(old, 0, head + ManifestDocument.FIRST)
        || !ManifestText.startsWith(old, end, after)) {
      return Optional.empty();
    }
    // Scanned as an array: the award lines' places in it are their places in the manifest.
    byte[] section = new byte[(int) end];
    old.get(0, section, 0, section.length);
    List<int[]> lines = new ArrayList<>();
    int lineStart = start + ManifestDocument.FIRST.length();
    for (int at = lineStart; at <= section.length; at++) {
      if (at == section.length || section[at] == '\n') {
        // A line ends before the comma of ",\n    ", or at the end of the section.
        int lineEnd = at == section.length ? at : at - 1;
        if (lineEnd <= lineStart || (at < section.length && section[lineEnd] != ',')) {
          return Optional.empty();
        }
        lines.add(new int[] {lineStart, lineEnd});
        lineStart = at + ManifestDocument.NEXT.length() - 1;
      }
    }
    int[] starts = new int[lines.size()];
    int[] ends = new int[lines.size()];
    Map<String, Integer> byKey = new HashMap<>(lines.size() * 2);
    for (int i = 0; i < lines.size(); i++) {
      starts[i] = lines.get(i)[0];
      ends[i] = lines.get(i)[1];
      Optional<String> key = key(section, starts[i], ends[i]);
      if (key.isEmpty() || byKey.put(key.get(), i) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(new PublishedAwardLines(starts, ends, byKey));
  }

  /** The line's badge class and award id, as {@code badge/award}; empty if either is escaped. */
  private static Optional<String> key(byte[] section, int start, int end) {
    int badgeAt = start + BADGE.length;
    int badgeEnd = quoted(section, badgeAt - 1, end);
    int awardAt = badgeEnd + 1 + AWARD.length + 1;
    int awardEnd = quoted(section, awardAt - 1, end);
    if (!matches(section, start, BADGE)
        || badgeEnd < 0
        || !matches(section, badgeEnd + 1, AWARD)
        || awardEnd < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new String(section, badgeAt, badgeEnd - badgeAt, StandardCharsets.UTF_8)
            + "/"
            + new String(section, awardAt, awardEnd - awardAt, StandardCharsets.UTF_8));
  }

  /**
   * Where the string whose opening quote is at {@code quote} ends (its closing quote); -1 when
   * there is none before {@code end} or the string holds an escape.
   */
  private static int quoted(byte[] section, int quote, int end) {
    if (quote < 0 || quote >= end || section[quote] != '"') {
      return -1;
    }
    for (int at = quote + 1; at < end; at++) {
      if (section[at] == '"') {
        return at;
      } else if (section[at] == '\\') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean matches(byte[] section, int at, byte[] expected) {
    return at >= 0
        && at + expected.length <= section.length
        && Arrays.equals(section, at, at + expected.length, expected, 0, expected.length);
  }

  /** Where the award's line is, or -1. */
  int position(Award award) {
    return byKey.getOrDefault(award.badgeId() + "/" + award.id(), -1);
  }
}
