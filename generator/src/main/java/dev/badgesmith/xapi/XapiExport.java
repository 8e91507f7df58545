package dev.badgesmith.xapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.json.JsonOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statements of a site's awards, in a fixed order (by badge class, then award; an award's
 * statement before the one voiding it), and the awards left out.
 *
 * @param statements one tree per statement; the caller's to read, not to change
 * @param earned how many statements say that a recipient earned a badge
 * @param voided how many void the statement of a revoked award
 */
public record XapiExport(
    List<ObjectNode> statements, int earned, int voided, List<LeftOut> leftOut) {
  public XapiExport {
    statements = List.copyOf(statements);
    leftOut = List.copyOf(leftOut);
  }

  /** The statements as a JSON array: the same statements are always the same bytes. */
  public byte[] bytes() {
    ArrayNode array = Jackson.json().createArrayNode();
    statements.forEach(array::add);
    return JsonOutput.bytes(array);
  }

  /** Writes {@link #bytes} to {@code file}, replacing it. */
  public void write(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, bytes());
  }

  /**
   * One line per reason awards were left out, with how many and which, for the command to print:
   * {@code 2 awards left out: the recipient is held hashed only (mentor/ada, mentor/bob)}.
   */
  public List<String> notes() {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (LeftOut left : leftOut) {
      byReason
          .computeIfAbsent(left.reason(), r -> new ArrayList<>())
          .add(left.badgeId() + "/" + left.awardId());
    }
    List<String> notes = new ArrayList<>();
    byReason.forEach(
        (reason, awards) ->
            notes.add(
                awards.size()
                    + (awards.size() == 1 ? " award" : " awards")
                    + " left out: "
                    + reason
                    + " ("
                    + String.join(", ", awards)
                    + ")"));
    return notes;
  }
}
