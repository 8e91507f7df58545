package dev.badgesmith.verify;

import dev.badgesmith.verify.Check.Step;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The checks of one verification as they come in; the first word on a step is the one kept. */
final class Steps {
  private final Map<Step, Check> checks = new EnumMap<>(Step.class);
  private final int depth;
  private final List<VerificationReport> contained = new ArrayList<>();

  /**
   * @param depth 0 for what the caller gave, 1 for its status list, and so on
   */
  Steps(int depth) {
    this.depth = depth;
  }

  int depth() {
    return depth;
  }

  void pass(Step step, String message) {
    checks.putIfAbsent(step, Check.passed(step, message));
  }

  void fail(Step step, String message) {
    checks.putIfAbsent(step, Check.failed(step, message));
  }

  void skip(Step step, String message) {
    checks.putIfAbsent(step, Check.skipped(step, message));
  }

  /** The verification of one credential a learner record holds. */
  void contain(VerificationReport report) {
    contained.add(report);
  }

  void add(Check check) {
    checks.putIfAbsent(check.step(), check);
  }

  /** Every step in order; one nobody reported on was skipped because of an earlier failure. */
  VerificationReport report(String input, boolean recipientAsked) {
    List<Check> ordered = new ArrayList<>();
    for (Step step : Step.values()) {
      if (step == Step.RECIPIENT && !recipientAsked
          || step == Step.ENDORSEMENTS && !checks.containsKey(step)) {
        continue;
      }
      if (step == Step.CREDENTIALS && !checks.containsKey(step)) {
        continue; // only a learner record holds credentials
      }
      ordered.add(
          checks.getOrDefault(step, Check.skipped(step, "not checked: an earlier step failed")));
    }
    return new VerificationReport(input, ordered, contained);
  }
}
