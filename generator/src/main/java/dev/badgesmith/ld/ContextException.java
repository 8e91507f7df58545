package dev.badgesmith.ld;

import dev.badgesmith.diag.BadgesmithException;

/**
 * A JSON-LD context could not be provided: its URL is not one Badgesmith pins, its bytes do not
 * match the pinned digest, or no source holds it. The message names the URL and the remedy.
 */
public final class ContextException extends BadgesmithException {
  private static final long serialVersionUID = 1L;

  public ContextException(String message) {
    super(message);
  }
}
