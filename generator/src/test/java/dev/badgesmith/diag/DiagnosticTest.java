package dev.badgesmith.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiagnosticTest {
  private static Diagnostic at(String path, String message, String hint) {
    return Diagnostic.error(Code.INVALID_URL, new SourcePosition(path, 2, 10), message)
        .withHint(hint);
  }

  @Test
  void formatsPathPositionCodeMessageAndHint() {
    assertThat(at("site.yaml", "'x' is not an https URL", "write the full address").format())
        .isEqualTo(
            "site.yaml:2:10: error[BSG108]: 'x' is not an https URL\n"
                + "  hint: write the full address");
  }

  @Test
  void aValueWithLineEndsCannotStartALineGithubReadsAsAWorkflowCommand() {
    Diagnostic d =
        at(
            "site.yaml",
            "'https://x.example/\n::add-mask::secret\r\n::warning::hi' is not an https URL",
            "line\u2028::error::two\u2029three");

    assertThat(d.format())
        .isEqualTo(
            "site.yaml:2:10: error[BSG108]: 'https://x.example/\\n::add-mask::secret\\r\\n"
                + "::warning::hi' is not an https URL\n"
                + "  hint: line\\u2028::error::two\\u2029three");
    assertThat(d.format().lines()).hasSize(2).noneMatch(l -> l.startsWith("::"));
  }

  @Test
  void ansiEscapesAndBidiOverridesAreShownNotObeyed() {
    Diagnostic d =
        at("awards/intro/jane.yaml", "'\u001b[31mred\u001b[0m' \u202eevil\u202c", "\u2066x\u2069");
    assertThat(d.message()).isEqualTo("'\\u001b[31mred\\u001b[0m' \\u202eevil\\u202c");
    assertThat(d.hint()).contains("\\u2066x\\u2069");
  }

  @Test
  void everyControlCharacterIsEscapedAndNothingElse() {
    int[] escaped =
        IntStream.rangeClosed(0, 0xffff)
            .filter(c -> !Printable.escape(Character.toString(c)).equals(Character.toString(c)))
            .toArray();
    int[] expected =
        IntStream.concat(
                IntStream.concat(IntStream.range(0, 0x20), IntStream.rangeClosed(0x7f, 0x9f)),
                IntStream.of(
                    0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068,
                    0x2069))
            .toArray();
    assertThat(escaped).containsExactly(expected);
    assertThat(Printable.escape("\t\u0000\u007f\u0085\u009b"))
        .isEqualTo("\\t\\u0000\\u007f\\u0085\\u009b");
    assertThat(Printable.escape("café \\n ✓ 😀")).isEqualTo("café \\n ✓ 😀");
  }

  @Test
  void escapingTwiceChangesNothing() {
    String once = Printable.escape("a\nb\u001bc\u202ed");
    assertThat(Printable.escape(once)).isEqualTo(once);
  }

  @Test
  void aFileNamedWithLineEndsIsNamedEscaped() {
    Diagnostic d =
        Diagnostic.warning(Code.UNEXPECTED_FILE, SourcePosition.startOf("static/a\n::x"), "m");
    assertThat(d.path()).isEqualTo("static/a\\n::x");
  }

  @Test
  void aPathStartingWithAColonIsWrittenFromTheCurrentFolder() {
    Diagnostic d =
        Diagnostic.warning(Code.UNEXPECTED_FILE, SourcePosition.startOf("::warning::x"), "m");
    assertThat(d.format()).isEqualTo("./::warning::x:1:1: warning[BSG002]: m");
    assertThat(d.withHint(null).hint()).isEqualTo(Optional.empty());
  }
}
