package dev.badgesmith.load;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import java.util.Optional;

/**
 * A Markdown file split into its YAML front matter and its body. The front matter sits between a
 * first line {@code ---} and the next line {@code ---}; {@code lineOffset} places its lines in the
 * file, so diagnostics point at the right line.
 */
record FrontMatter(String yaml, int lineOffset, String body) {

  static Optional<FrontMatter> split(String text, String path, Diagnostics diagnostics) {
    String[] lines = text.split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      diagnostics.add(
          Diagnostic.error(
                  Code.MISSING_FRONT_MATTER,
                  SourcePosition.startOf(path),
                  "the file does not start with front matter")
              .withHint("start it with a line '---', the YAML fields, then another line '---'"));
      return Optional.empty();
    }
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals("---") || line.equals("...")) {
        String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(1, i));
        String body =
            String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length));
        return Optional.of(new FrontMatter(yaml, 1, body));
      }
    }
    diagnostics.add(
        Diagnostic.error(
                Code.MISSING_FRONT_MATTER,
                SourcePosition.startOf(path),
                "the front matter is not closed")
            .withHint("end the front matter with a line '---'"));
    return Optional.empty();
  }

  /** Where the body's text starts: its first line that is not blank. */
  SourcePosition bodyAt(String path) {
    int yamlLines = yaml.isEmpty() ? 0 : yaml.split("\n", -1).length;
    int line = lineOffset + yamlLines + 2;
    for (String text : body.split("\r?\n", -1)) {
      if (!text.isBlank()) {
        break;
      }
      line++;
    }
    return new SourcePosition(path, line, 1);
  }
}
