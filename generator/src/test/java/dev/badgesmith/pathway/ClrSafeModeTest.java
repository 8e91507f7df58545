package dev.badgesmith.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.testing.IndependentVerifiers;
import dev.badgesmith.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner record holding the stack associations, expanded and turned into RDF by jsonld.js in
 * safe mode, the processing Digital Bazaar's and the DCC's verifiers apply before checking a proof.
 * No npm package ships the CLR 2.0 context, so the folder handed to the script stands for the
 * context's own address: the reference copy is served from there, byte for byte.
 */
class ClrSafeModeTest {
  private static final String CLR_BASE = "https://purl.imsglobal.org/spec/clr/v2p0/";

  @TempDir Path tmp;

  @Test
  void aClrWithStackAssociationsPassesJsonLdSafeMode() throws Exception {
    Path context = TestSites.spec().resolve("clr/context-2.0.1.json");
    assumeTrue(
        Files.isRegularFile(context),
        "skipped: the CLR 2.0 context is not at " + context + " (../shared/spec is absent)");
    Optional<IndependentVerifiers> verifiers = IndependentVerifiers.install();
    assumeTrue(
        verifiers.isPresent(), "skipped: node and the verifiers' packages are not available");

    Files.copy(context, tmp.resolve("context-2.0.1.json"));
    Files.write(
        tmp.resolve("ada-clr.json"),
        new ObjectMapper().writeValueAsBytes(ClrAssociationsTest.sampleClr()));

    IndependentVerifiers.Expansion result =
        verifiers
            .get()
            .expandSafe(tmp, CLR_BASE, TestSites.spec().resolve("ob2/context.json"))
            .of("ada-clr.json")
            .orElseThrow();
    assertThat(result.error()).isNull();
    assertThat(result.ok()).isTrue();
    assertThat(result.toRdfError()).isNull();
    assertThat(result.toRdfOk()).isTrue();
  }
}
