package dev.badgesmith.verify;

import java.util.Objects;

/** A URL that gives no document, and why. */
public final class ResolveException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a URL gave nothing. */
  public enum Reason {
    /** Nothing is published there (a missing file, HTTP 404). */
    NOT_FOUND,
    /** It was published and is withdrawn (HTTP 410): for a hosted assertion, a revocation. */
    GONE,
    /** Outside what the resolver may read: another site, a scheme other than https. */
    OUT_OF_REACH,
    /** A network error, a timeout, a body over the size limit, another HTTP status. */
    FAILED
  }

  private final Reason reason;

  public ResolveException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  /** Whether the document is simply not (or no longer) published. */
  public boolean notPublished() {
    return reason == Reason.NOT_FOUND || reason == Reason.GONE;
  }
}
