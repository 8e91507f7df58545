package dev.badgesmith.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every step of one verification, in order.
 *
 * @param input what was checked: a file name or a URL
 * @param contained for a learner record (a CLR 2.0 ClrCredential), the verification of each
 *     credential it holds, in its order; else empty
 */
public record VerificationReport(
    String input, List<Check> checks, List<VerificationReport> contained) {
  public VerificationReport {
    Objects.requireNonNull(input, "input");
    checks = List.copyOf(checks);
    contained = List.copyOf(contained);
  }

  public VerificationReport(String input, List<Check> checks) {
    this(input, checks, List.of());
  }

  /** Whether every step passed: the only result a verifier may accept. */
  public boolean passed() {
    return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  /** The first step that found a problem (a skipped step only follows one). */
  public Optional<Check> firstFailure() {
    return checks.stream().filter(c -> c.outcome() == Check.Outcome.FAILED).findFirst();
  }
}
