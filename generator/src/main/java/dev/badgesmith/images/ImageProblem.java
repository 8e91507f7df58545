package dev.badgesmith.images;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Severity;
import dev.badgesmith.diag.SourcePosition;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem {@link ImageInspector} found in an image. It names no file: the caller knows which
 * file it inspected and turns the problem into a diagnostic there.
 *
 * @param line the 1-based line of an SVG the problem is on, or 0 for the image as a whole
 * @param column the 1-based column where the element it is about begins, or 0 when not known
 */
public record ImageProblem(
    Severity severity, Code code, String message, Optional<String> hint, int line, int column) {

  public ImageProblem(Severity severity, Code code, String message, Optional<String> hint) {
    this(severity, code, message, hint, 0, 0);
  }

  public ImageProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /**
   * The problem as a diagnostic in the image file at {@code path}, its whole file when unplaced.
   */
  public Diagnostic in(String path) {
    SourcePosition where = new SourcePosition(path, Math.max(1, line), Math.max(1, column));
    Diagnostic diagnostic =
        severity == Severity.ERROR
            ? Diagnostic.error(code, where, message)
            : Diagnostic.warning(code, where, message);
    return hint.map(diagnostic::withHint).orElse(diagnostic);
  }

  static ImageProblem error(Code code, String message) {
    return new ImageProblem(Severity.ERROR, code, message, Optional.empty());
  }

  ImageProblem withHint(String text) {
    return new ImageProblem(severity, code, message, Optional.of(text), line, column);
  }

  /** The same problem with its message said of {@code subject}: "subject message". */
  ImageProblem of(String subject) {
    return new ImageProblem(severity, code, subject + " " + message, hint, line, column);
  }

  ImageProblem at(int where, int col) {
    return new ImageProblem(
        severity, code, message, hint, Math.max(0, where), where > 0 ? Math.max(0, col) : 0);
  }
}
