package dev.badgesmith;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What verifying a badge found ({@link Badgesmith#verify}), step by step.
 *
 * @param input what was verified, as given
 * @param steps one line per step (format, proof, issuer and key, status, expiry, recipient), as
 *     {@code verify} prints them
 * @param passed whether every step passed: the only result a verifier may accept
 * @param failedStep the name of the first step that found a problem
 * @param credentials for a learner record (a CLR 2.0 ClrCredential), each credential it holds,
 *     verified on its own (its {@code input} names it: "credential 2 of 3 (name, id)"); else empty
 */
public record Verification(
    String input,
    List<String> steps,
    boolean passed,
    Optional<String> failedStep,
    List<Verification> credentials) {
  public Verification {
    Objects.requireNonNull(input, "input");
    steps = List.copyOf(steps);
    Objects.requireNonNull(failedStep, "failedStep");
    credentials = List.copyOf(credentials);
  }

  public Verification(
      String input, List<String> steps, boolean passed, Optional<String> failedStep) {
    this(input, steps, passed, failedStep, List.of());
  }
}
