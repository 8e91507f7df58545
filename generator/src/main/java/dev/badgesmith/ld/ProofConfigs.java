package dev.badgesmith.ld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical forms of proof configurations. A site's proofs differ only in {@code created}, yet
 * canonicalising a configuration means processing the Data Integrity context's type-scoped context
 * every time. So a configuration is canonicalised once with a placeholder date, and each proof's
 * form is that text with its own date in place of the placeholder, when that is provably what
 * canonicalising it would give:
 *
 * <ul>
 *   <li>the date is a plain date-time (digits, {@code T}, {@code :}, {@code .}, {@code Z}, {@code
 *       +}, {@code -}), written into N-Quads as it is, with nothing to escape;
 *   <li>the form names one blank node at most, whose canonical label is then {@code _:c14n0}
 *       whatever the date: RDFC-1.0 hashes quads, so with more blank nodes their labels could
 *       depend on it;
 *   <li>the placeholder appears once, in the one line that starts as its line does up to the
 *       literal: every other line then sorts before or after it whatever the date, because they
 *       differ before the literal.
 * </ul>
 *
 * Any other configuration is canonicalised as it is.
 */
final class ProofConfigs {
  /** A date-time as XML Schema writes it; no character N-Quads would escape. */
  private static final Pattern PLAIN_DATE_TIME =
      Pattern.compile("\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  private static final String PLACEHOLDER = "0001-01-01T00:00:00Z";
  private static final Pattern BLANK_NODE = Pattern.compile("_:[A-Za-z0-9]+");

  /** The canonical form split around the placeholder, when a configuration allows it. */
  private record Template(String before, String after) {}

  private final Canonicalizer canonicalizer;

  /** By the configuration with the placeholder as its date, as JSON; empty when not allowed. */
  private final Map<String, Optional<Template>> templates = new ConcurrentHashMap<>();

  ProofConfigs(Canonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /** The canonical N-Quads of a proof configuration, exactly as canonicalising it gives them. */
  String canonicalize(ObjectNode proofConfig) {
    String created = proofConfig.path("created").textValue();
    if (created == null || !PLAIN_DATE_TIME.matcher(created).matches()) {
      return canonicalizer.canonicalize(proofConfig);
    }
    ObjectNode probe = proofConfig.deepCopy();
    probe.put("created", PLACEHOLDER);
    Optional<Template> template =
        templates.computeIfAbsent(
            probe.toString(), k -> template(canonicalizer.canonicalize(probe)));
    return template
        .map(t -> t.before() + created + t.after())
        .orElseGet(() -> canonicalizer.canonicalize(proofConfig));
  }

  /** The template of a canonical form made with the placeholder, if substituting is exact. */
  static Optional<Template> template(String canonical) {
    int at = canonical.indexOf('"' + PLACEHOLDER + '"');
    if (at < 0 || canonical.indexOf(PLACEHOLDER, at + PLACEHOLDER.length()) >= 0) {
      return Optional.empty();
    }
    Matcher blank = BLANK_NODE.matcher(canonical);
    String label = null;
    while (blank.find()) {
      if (label != null && !label.equals(blank.group())) {
        return Optional.empty();
      }
      label = blank.group();
    }
    int lineStart = canonical.lastIndexOf('\n', at) + 1;
    String prefix = canonical.substring(lineStart, at + 1);
    int lines = 0;
    for (String line : canonical.split("\n", -1)) {
      if (line.startsWith(prefix)) {
        lines++;
      }
    }
    if (lines != 1) {
      return Optional.empty();
    }
    return Optional.of(
        new Template(
            canonical.substring(0, at + 1), canonical.substring(at + 1 + PLACEHOLDER.length())));
  }
}
