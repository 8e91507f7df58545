package dev.badgesmith.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.badgesmith.testing.IndependentVerifiers;
import dev.badgesmith.testing.IndependentVerifiers.StatementValidation;
import dev.badgesmith.testing.IndependentVerifiers.StatementWarnings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every statement passes Learning Locker's xapi-validation, which nobody here wrote. */
class XapiValidationTest {
  @Test
  void everyStatementPassesXapiValidation(@TempDir Path tmp) throws Exception {
    Optional<IndependentVerifiers> verifiers = IndependentVerifiers.install();
    assumeTrue(
        verifiers.isPresent(), "skipped: node and the verifiers' packages are not available");
    List<EarnedAward> awards = XapiSite.awards();
    XapiExport export =
        XapiStatements.export(
            new XapiRequest(XapiSite.site(awards), awards, Optional.empty(), XapiSite.baked()));
    Path file = tmp.resolve("statements.json");
    export.write(file);

    StatementValidation validation = verifiers.get().xapiValidation(file);

    assertThat(validation.results()).hasSize(export.statements().size()).hasSize(5);
    for (StatementWarnings result : validation.results()) {
      assertThat(result.warnings()).as("statement %s", result.id()).isEmpty();
    }
  }

  @Test
  void theValidatorFindsWhatIsWrong(@TempDir Path tmp) throws Exception {
    Optional<IndependentVerifiers> verifiers = IndependentVerifiers.install();
    assumeTrue(
        verifiers.isPresent(), "skipped: node and the verifiers' packages are not available");
    Path file = tmp.resolve("broken.json");
    Files.writeString(
        file,
        "[{\"id\": \"not-a-uuid\", \"actor\": {\"mbox_sha1sum\": \"x\"},"
            + " \"verb\": {\"display\": {\"en-US\": \"earned\"}},"
            + " \"object\": {\"id\": \"https://example.org/b.json\"}}]",
        StandardCharsets.UTF_8);

    StatementValidation validation = verifiers.get().xapiValidation(file);

    assertThat(validation.results().get(0).warnings())
        .anySatisfy(w -> assertThat(w).startsWith("statement.id"))
        .anySatisfy(w -> assertThat(w).startsWith("statement.verb.id"));
  }
}
