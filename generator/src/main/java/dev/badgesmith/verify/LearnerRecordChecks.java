package dev.badgesmith.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.verify.Check.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code credentials} step of a learner record (a CLR 2.0 ClrCredential): each credential in
 * its {@code credentialSubject.verifiableCredential} verified on its own, as if it had been given
 * alone. The record's own proof vouches only that its issuer put them together; each credential's
 * proof, issuer, status and expiry are its own.
 */
final class LearnerRecordChecks {
  private LearnerRecordChecks() {}

  static void credentials(
      JsonNode record, Steps steps, Verifier verifier, Optional<String> recipient) {
    List<JsonNode> items =
        Documents.items(record.path("credentialSubject").get("verifiableCredential"));
    if (items.isEmpty()) {
      steps.fail(Step.CREDENTIALS, "the learner record holds no credentials");
      return;
    }
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String name = "credential " + (i + 1) + " of " + items.size() + describe(item);
      VerificationReport report;
      if (Documents.strings(item.get("type")).contains("ClrCredential")) {
        Steps nested = new Steps(steps.depth());
        nested.fail(Step.FORMAT, "a learner record inside a learner record");
        report = nested.report(name, false);
      } else {
        byte[] bytes =
            item.isTextual()
                ? item.asText().getBytes(StandardCharsets.US_ASCII)
                : item.toString().getBytes(StandardCharsets.UTF_8);
        report = verifier.verify(bytes, name, recipient, steps.depth());
      }
      steps.contain(report);
      if (!report.passed()) {
        failed.add(
            "credential "
                + (i + 1)
                + report.firstFailure().map(c -> " (" + c.name() + " failed)").orElse(""));
      }
    }
    int passed = items.size() - failed.size();
    if (failed.isEmpty()) {
      steps.pass(
          Step.CREDENTIALS,
          items.size() == 1
              ? "the record's one credential verified on its own"
              : "all " + items.size() + " credentials in the record verified, each on its own");
    } else {
      steps.fail(
          Step.CREDENTIALS,
          passed + " of " + items.size() + " verified; not verified: " + String.join(", ", failed));
    }
  }

  /** The credential's name and id, as far as it says them. */
  private static String describe(JsonNode item) {
    if (item.isTextual()) {
      return " (a VC-JWT)";
    }
    List<String> parts = new ArrayList<>();
    Documents.text(item, "name").ifPresent(parts::add);
    Documents.text(item, "id").ifPresent(parts::add);
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }
}
