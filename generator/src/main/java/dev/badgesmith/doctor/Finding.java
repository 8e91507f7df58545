package dev.badgesmith.doctor;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing the doctor found at a URL of a deployed site: a problem verifiers will meet, or a
 * warning that does not fail the site.
 */
public record Finding(String url, boolean problem, String message) {
  /** By URL, then message: fetches finish in any order, reports are always the same. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::url).thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(message, "message");
  }

  static Finding problem(String url, String message) {
    return new Finding(url, true, message);
  }

  static Finding warning(String url, String message) {
    return new Finding(url, false, message);
  }

  /** {@code URL: message}, or {@code URL: warning: message}. */
  public String line() {
    return url + ": " + (problem ? "" : "warning: ") + message;
  }
}
