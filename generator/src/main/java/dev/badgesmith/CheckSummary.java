package dev.badgesmith;

import dev.badgesmith.diag.Printable;
import dev.badgesmith.lock.AwardChange;
import dev.badgesmith.lock.LockChanges;
import dev.badgesmith.lock.PublishedLock;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Markdown of a check for a CI job's summary page ({@link Report#summaryMarkdown}): what the
 * checked change publishes relative to {@code published.lock}, and how many problems it has.
 * Recipients appear by their display name only, never by an address.
 */
final class CheckSummary {
  /** Rows per table: a summary page is for reading, not for a site's whole history. */
  static final int MAX_ROWS = 50;

  private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9_./:-]+");

  /** Line ends and tabs, which the summary shows as spaces. */
  private static final Pattern SPACES = Pattern.compile("[\\t\\n\\r\\u2028\\u2029]");

  private CheckSummary() {}

  static String markdown(Path site, Report report) {
    StringBuilder md = new StringBuilder();
    md.append("### Badgesmith check of ").append(code(site.toString())).append("\n\n");
    if (report.hasErrors()) {
      md.append(":x: ");
    } else {
      md.append(":white_check_mark: ");
    }
    md.append(Report.count(report.errorCount(), "error"))
        .append(", ")
        .append(Report.count(report.warningCount(), "warning"))
        .append(report.hasErrors() ? " (see the annotations and the log)" : "")
        .append("\n\n");
    if (report.lock().isEmpty()) {
      md.append(
          "The awards this change publishes are listed once the site loads without errors.\n");
      return md.toString();
    }
    LockChanges changes = report.lock().get();
    if (changes.sinceBase().isPresent()) {
      return sinceBase(md, changes, changes.sinceBase().get());
    }
    if (!changes.lockFound()) {
      md.append("This site has no ")
          .append(code(PublishedLock.FILE))
          .append(" yet, so every award is new: run `badgesmith lock` and commit the file.\n\n");
    }
    boolean none =
        changes.added().isEmpty()
            && changes.revoked().isEmpty()
            && changes.reinstated().isEmpty()
            && changes.altered().isEmpty()
            && changes.removed().isEmpty();
    if (none) {
      md.append("No award is added, revoked or altered.\n");
      return endorsements(md, changes.endorsements());
    }
    table(md, "Added", changes.added());
    table(md, "Revoked", changes.revoked());
    table(md, "Revocation lifted", changes.reinstated());
    table(md, "Altered (refused: revoke instead)", changes.altered());
    table(md, "Deleted (refused: revoke instead)", changes.removed());
    return endorsements(md, changes.endorsements());
  }

  /** The endorsements the change adds, revokes, reinstates, alters or deletes: one table. */
  private static String endorsements(StringBuilder md, LockChanges.Endorsed endorsed) {
    List<List<String>> groups =
        List.of(
            endorsed.added(),
            endorsed.revoked(),
            endorsed.reinstated(),
            endorsed.altered(),
            endorsed.removed());
    List<String> words =
        List.of(
            "added",
            "revoked",
            "revocation lifted",
            "altered (refused: revoke instead)",
            "deleted (refused: revoke instead)");
    int total = groups.stream().mapToInt(List::size).sum();
    if (total == 0) {
      return md.toString();
    }
    if (md.charAt(md.length() - 2) != '\n') {
      md.append('\n');
    }
    md.append("#### Endorsements (").append(total).append(")\n\n");
    md.append("| Endorsement | Change |\n|---|---|\n");
    int rows = 0;
    for (int i = 0; i < groups.size(); i++) {
      for (String id : groups.get(i)) {
        if (rows++ < MAX_ROWS) {
          md.append("| ")
              .append(code("endorsements/" + id + ".yaml"))
              .append(" | ")
              .append(words.get(i))
              .append(" |\n");
        }
      }
    }
    if (total > MAX_ROWS) {
      md.append("\n… and ").append(total - MAX_ROWS).append(" more.\n");
    }
    return md.append('\n').toString();
  }

  /**
   * What a change publishes relative to its base's lock: a change that commits its updated lock
   * adds nothing relative to that lock, but does relative to the base's.
   */
  private static String sinceBase(
      StringBuilder md, LockChanges changes, LockChanges.SinceBase base) {
    md.append("Compared with ")
        .append(code(PublishedLock.FILE))
        .append(" at ")
        .append(code(base.ref()))
        .append(".\n\n");
    boolean none =
        base.added().isEmpty()
            && base.revoked().isEmpty()
            && base.reinstated().isEmpty()
            && base.dropped().isEmpty()
            && changes.altered().isEmpty()
            && changes.removed().isEmpty();
    if (none) {
      md.append("No award is added, revoked or altered.\n");
      return md.toString();
    }
    table(md, "Added", base.added());
    table(md, "Revoked", base.revoked());
    table(md, "Revocation lifted", base.reinstated());
    table(md, "Altered (refused: revoke instead)", changes.altered());
    table(md, "Deleted (refused: revoke instead)", changes.removed());
    table(md, "Taken out of the base's lock (refused: revoke instead)", base.dropped());
    if (changes.lockOutOfDate() && !changes.written()) {
      md.append("This change's ")
          .append(code(PublishedLock.FILE))
          .append(" does not list every award above yet: run `badgesmith lock` and commit it.\n");
    }
    return md.toString();
  }

  private static void table(StringBuilder md, String title, List<AwardChange> awards) {
    if (awards.isEmpty()) {
      return;
    }
    md.append("#### ").append(title).append(" (").append(awards.size()).append(")\n\n");
    md.append("| Badge | Award | Recipient |\n|---|---|---|\n");
    for (AwardChange award : awards.subList(0, Math.min(MAX_ROWS, awards.size()))) {
      md.append("| ")
          .append(escape(award.badgeName()))
          .append(" | ")
          .append(code(award.source()))
          .append(" | ")
          .append(award.recipientName().map(CheckSummary::escape).orElse("—"))
          .append(" |\n");
    }
    if (awards.size() > MAX_ROWS) {
      md.append("\n… and ").append(awards.size() - MAX_ROWS).append(" more.\n");
    }
    md.append('\n');
  }

  /** A path as code, when it holds nothing a code span could not; otherwise escaped text. */
  private static String code(String path) {
    return PLAIN_PATH.matcher(path).matches() ? "`" + path + "`" : escape(path);
  }

  /**
   * Text as Markdown shows it literally: line ends and tabs as spaces, every other control
   * character and bidirectional override as the escape diagnostics show ({@link Printable}, so no
   * text is hidden or reordered), HTML's special characters as entities, and every other ASCII
   * punctuation mark backslash-escaped (so no emphasis, link, table cell or heading can start).
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Printable.escape(SPACES.matcher(text).replaceAll(" "))
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                  if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ') {
                    out.append('\\').append((char) c);
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
