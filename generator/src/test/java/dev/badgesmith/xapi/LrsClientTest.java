package dev.badgesmith.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LrsClientTest {
  private static final LrsClient CLIENT = new LrsClient(Duration.ofSeconds(10));

  /** 120 awards to plain addresses, 6 of them revoked: 126 statements. */
  private static XapiExport manyStatements() throws XapiException {
    List<EarnedAward> awards = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String id = String.format("m%03d", i);
      awards.add(
          XapiSite.plain(
              i % 2 == 0 ? "mentor" : "speaker",
              id,
              "email",
              id + "@example.org",
              "2026-03-01T10:00:00+01:00",
              i % 20 == 0 ? Optional.of(XapiSite.revoked("2026-06-01")) : Optional.empty()));
    }
    return XapiStatements.export(
        new XapiRequest(XapiSite.site(awards), awards, Optional.empty(), XapiSite.baked()));
  }

  @Test
  void statementsGoInBatchesWithTheXapiHeadersAndAreStoredAsExported() throws Exception {
    XapiExport export = manyStatements();
    try (StandInLrs lrs = new StandInLrs("badgesmith", "s3cret")) {
      SendResult result =
          CLIENT.send(
              new LrsDestination(lrs.endpoint(), "badgesmith", "s3cret"), export.statements());

      assertThat(export.statements()).hasSize(126);
      assertThat(result.accepted()).isEqualTo(126);
      assertThat(result.requests()).isEqualTo(3);
      assertThat(result.conflicts()).isEmpty();
      assertThat(lrs.batchSizes()).containsExactly(50, 50, 26);
      assertThat(lrs.stored()).hasSize(126);
      for (ObjectNode statement : export.statements()) {
        assertThat(lrs.stored().get(statement.path("id").asText())).isEqualTo(statement);
      }
    }
  }

  @Test
  void aSecondSendChangesNothingInTheStore() throws Exception {
    XapiExport export = manyStatements();
    try (StandInLrs lrs = new StandInLrs("badgesmith", "s3cret")) {
      LrsDestination destination = new LrsDestination(lrs.endpoint(), "badgesmith", "s3cret");
      CLIENT.send(destination, export.statements());
      Map<String, JsonNode> before = lrs.stored();

      // a second run exports the same awards again, from scratch
      SendResult again = CLIENT.send(destination, manyStatements().statements());

      assertThat(lrs.stored()).isEqualTo(before);
      assertThat(again.accepted()).isEqualTo(126);
      assertThat(again.conflicts()).isEmpty();
    }
  }

  @Test
  void aStatementHeldWithOtherContentIsReportedAndTheRestIsStored() throws Exception {
    XapiExport export = manyStatements();
    ObjectNode other = export.statements().get(7).deepCopy();
    other.put("timestamp", "2020-01-01T00:00:00Z");
    try (StandInLrs lrs = new StandInLrs("badgesmith", "s3cret")) {
      lrs.hold(other);

      SendResult result =
          CLIENT.send(
              new LrsDestination(lrs.endpoint(), "badgesmith", "s3cret"), export.statements());

      assertThat(result.conflicts()).containsExactly(other.path("id").asText());
      assertThat(result.accepted()).isEqualTo(125);
      assertThat(lrs.stored()).hasSize(126);
      assertThat(lrs.stored().get(other.path("id").asText())).isEqualTo(other);
    }
  }

  @Test
  void wrongCredentialsAreAClearErrorAndNothingIsStored() throws Exception {
    XapiExport export = manyStatements();
    try (StandInLrs lrs = new StandInLrs("badgesmith", "s3cret")) {
      LrsDestination wrong = new LrsDestination(lrs.endpoint(), "badgesmith", "guess");

      assertThatThrownBy(() -> CLIENT.send(wrong, export.statements()))
          .isInstanceOf(XapiException.class)
          .hasMessage(
              "the learning record store at "
                  + lrs.endpoint()
                  + "statements refused the user name and password (HTTP 401):"
                  + " {\"error\":\"unauthorised\"}")
          .hasNoCause();
      assertThat(lrs.stored()).isEmpty();
    }
  }

  @Test
  void aRejectedBatchSaysWhatTheStoreAnswered() throws Exception {
    XapiExport export = manyStatements();
    try (StandInLrs lrs = new StandInLrs("u", "p")) {
      lrs.rejectWith("{\"message\": \"verb.id\n is invalid\"}");

      assertThatThrownBy(
              () -> CLIENT.send(new LrsDestination(lrs.endpoint(), "u", "p"), export.statements()))
          .isInstanceOf(XapiException.class)
          .hasMessage(
              "the learning record store at "
                  + lrs.endpoint()
                  + "statements rejected the statements (HTTP 400): {\"message\": \"verb.id is"
                  + " invalid\"}");
    }
  }

  @Test
  void anUnreachableStoreIsAClearError() throws Exception {
    String endpoint;
    try (StandInLrs lrs = new StandInLrs("u", "p")) {
      endpoint = lrs.endpoint();
    }
    XapiExport export = manyStatements();

    assertThatThrownBy(
            () -> CLIENT.send(new LrsDestination(endpoint, "u", "p"), export.statements()))
        .isInstanceOf(XapiException.class)
        .hasMessageStartingWith(
            "cannot reach the learning record store: cannot send to " + endpoint + "statements: ")
        .hasNoCause();
  }

  @Test
  void credentialsNeverTravelOverPlainHttpToAnotherMachine() throws Exception {
    XapiExport export = manyStatements();

    assertThatThrownBy(
            () ->
                CLIENT.send(
                    new LrsDestination("http://10.1.2.3/xapi/", "u", "p"), export.statements()))
        .isInstanceOf(XapiException.class)
        .hasMessageContaining("the password would cross the network unencrypted to 10.1.2.3");
  }

  @Test
  void theStatementsResourceFollowsFromTheEndpointAndThePasswordIsNeverShown() {
    assertThat(new LrsDestination("https://lrs.example/xapi", "u", "p").statements())
        .isEqualTo("https://lrs.example/xapi/statements");
    assertThat(new LrsDestination("https://lrs.example/xapi/", "u", "p").statements())
        .isEqualTo("https://lrs.example/xapi/statements");
    assertThat(new LrsDestination("https://lrs.example/xapi/statements", "u", "p").statements())
        .isEqualTo("https://lrs.example/xapi/statements");
    assertThat(new LrsDestination("https://lrs.example/xapi/", "ann", "hunter2").toString())
        .doesNotContain("hunter2")
        .contains("ann");
  }
}
