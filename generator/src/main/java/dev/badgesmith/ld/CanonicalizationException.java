package dev.badgesmith.ld;

import java.util.List;

/**
 * A document could not be turned into canonical N-Quads: it uses terms that no context defines (it
 * would silently lose them), or it is not valid JSON-LD.
 */
public final class CanonicalizationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> undefinedTerms;

  public CanonicalizationException(String message, List<String> undefinedTerms) {
    super(message);
    this.undefinedTerms = List.copyOf(undefinedTerms);
  }

  public CanonicalizationException(String message, Throwable cause) {
    super(message, cause);
    this.undefinedTerms = List.of();
  }

  /** The terms no context defines, in document order; empty for other failures. */
  public List<String> undefinedTerms() {
    return undefinedTerms;
  }
}
