package dev.badgesmith.diag;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem in a badge site, positioned in a source file. Its path, message and hint hold no
 * control character: they echo what site files say, so each is made {@linkplain Printable
 * printable} when the diagnostic is made, and every way of showing it (the command line, GitHub
 * annotations, the Maven log, the preview) shows escapes such as {@code \n} instead.
 *
 * @param path the file, relative to the site root, with forward slashes
 * @param line 1-based line
 * @param column 1-based column
 */
public record Diagnostic(
    Severity severity,
    Code code,
    String path,
    int line,
    int column,
    String message,
    Optional<String> hint) {

  /** Sorts by file, then position, then code, so output is stable whatever the load order. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::path)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(d -> d.code().id())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    path = Printable.escape(path);
    message = Printable.escape(message);
    hint = hint.map(Printable::escape);
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  public static Diagnostic error(Code code, SourcePosition at, String message) {
    return new Diagnostic(
        Severity.ERROR, code, at.path(), at.line(), at.column(), message, Optional.empty());
  }

  public static Diagnostic warning(Code code, SourcePosition at, String message) {
    return new Diagnostic(
        Severity.WARNING, code, at.path(), at.line(), at.column(), message, Optional.empty());
  }

  public Diagnostic withHint(String text) {
    return new Diagnostic(severity, code, path, line, column, message, Optional.ofNullable(text));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code path:line:col: error[BSG102]: message}, then an indented hint line when there is one. No
   * line of it starts with {@code ::}, which a GitHub Actions runner reads as a workflow command: a
   * path that starts with {@code :} (a file named so at the site's root) is written {@code ./:...}.
   */
  public String format() {
    String head =
        (path.startsWith(":") ? "./" + path : path)
            + ":"
            + line
            + ":"
            + column
            + ": "
            + severity.label()
            + "["
            + code.id()
            + "]: "
            + message;
    return hint.map(h -> head + "\n  hint: " + h).orElse(head);
  }

  @Override
  public String toString() {
    return format();
  }
}
