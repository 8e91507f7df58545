package dev.badgesmith.verify;

import java.util.Objects;

/**
 * The result of one verification step.
 *
 * @param outcome {@link Outcome#SKIPPED} when the step could not run, because an earlier one found
 *     a problem that makes it meaningless (a step that was skipped has not passed)
 */
public record Check(Step step, Outcome outcome, String message) {
  /** The steps, in the order they are reported. */
  public enum Step {
    FORMAT("format"),
    PROOF("proof"),
    ISSUER_AND_KEY("issuer and key"),
    STATUS("status"),
    EXPIRY("expiry"),
    RECIPIENT("recipient"),
    /** The endorsements a badge's class and issuer list: reported only when they list any. */
    ENDORSEMENTS("endorsements"),
    /** A learner record's credentials, each verified on its own. */
    CREDENTIALS("credentials");

    private final String title;

    Step(String title) {
      this.title = title;
    }

    /** The step's name as printed: {@code issuer and key}. */
    public String title() {
      return title;
    }
  }

  /** What a step found. */
  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }

  public Check {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }

  public static Check passed(Step step, String message) {
    return new Check(step, Outcome.PASSED, message);
  }

  public static Check failed(Step step, String message) {
    return new Check(step, Outcome.FAILED, message);
  }

  public static Check skipped(Step step, String message) {
    return new Check(step, Outcome.SKIPPED, message);
  }

  public String name() {
    return step.title();
  }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  /** One line for people: {@code PASS proof: ...}, {@code FAIL status: revoked: ...}. */
  public String line() {
    String mark =
        switch (outcome) {
          case PASSED -> "PASS";
          case FAILED -> "FAIL";
          case SKIPPED -> "SKIP";
        };
    return mark + " " + name() + ": " + message;
  }
}
