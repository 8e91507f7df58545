package dev.badgesmith.xapi;

import static dev.badgesmith.xapi.XapiSite.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.SiteLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XapiStatementsTest {
  private static XapiExport export(List<EarnedAward> awards, Optional<LocalDate> since)
      throws XapiException {
    return XapiStatements.export(
        new XapiRequest(XapiSite.site(awards), awards, since, XapiSite.baked()));
  }

  private static JsonNode statement(XapiExport export, String id) {
    return export.statements().stream()
        .filter(s -> s.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no statement " + id));
  }

  private static String earnedId(String badge, String award) {
    return StatementIds.earned(BASE_URL + "assertions/" + badge + "/" + award + ".json").toString();
  }

  private static String sha1(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void idsAreVersionFiveUuidsOfTheAssertionUrlAsPythonMakesThem() {
    // uuid.uuid5(uuid.NAMESPACE_URL, "http://www.python.org/") in Python's documentation
    assertThat(StatementIds.nameBased(StatementIds.URL_NAMESPACE, "http://www.python.org/"))
        .isEqualTo(UUID.fromString("c2a8cbf8-d0f1-5ef4-9740-c3faec8ab1a0"));
    UUID id = StatementIds.earned("https://a.example/assertions/b/c.json");
    assertThat(id.version()).isEqualTo(5);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(StatementIds.voiding("https://a.example/assertions/b/c.json")).isNotEqualTo(id);
  }

  @Test
  void anEmailRecipientEarnsTheBadgeClassAsTheProfileSays() throws Exception {
    XapiExport export = export(XapiSite.awards(), Optional.empty());
    JsonNode s = statement(export, earnedId("mentor", "ada"));

    assertThat(s.path("actor").path("objectType").asText()).isEqualTo("Agent");
    assertThat(s.path("actor").path("name").asText()).isEqualTo("Earner ada");
    assertThat(s.path("actor").path("mbox_sha1sum").asText())
        .isEqualTo(sha1("mailto:ada@example.org"));
    assertThat(s.path("actor").has("mbox")).isFalse();
    assertThat(s.path("verb").path("id").asText())
        .isEqualTo("http://specification.openbadges.org/xapi/verbs/earned");
    assertThat(s.path("verb").path("display").path("en-US").asText()).isEqualTo("earned");

    JsonNode object = s.path("object");
    assertThat(object.path("objectType").asText()).isEqualTo("Activity");
    assertThat(object.path("id").asText()).isEqualTo(BASE_URL + "badges/mentor.json");
    JsonNode definition = object.path("definition");
    assertThat(definition.path("type").asText())
        .isEqualTo("http://activitystrea.ms/schema/1.0/badge");
    assertThat(definition.path("name").path("de").asText()).isEqualTo("Mentor");
    assertThat(definition.path("description").path("de").asText()).startsWith("Guided three");
    JsonNode badgeClass =
        definition
            .path("extensions")
            .path("http://specification.openbadges.org/xapi/extensions/badgeclass");
    assertThat(badgeClass.path("@id").asText()).isEqualTo(BASE_URL + "badges/mentor.json");
    assertThat(badgeClass.path("image").asText()).isEqualTo(BASE_URL + "badges/mentor.svg");
    assertThat(badgeClass.path("criteria").asText()).isEqualTo(BASE_URL + "badges/mentor/");
    assertThat(badgeClass.path("issuer").asText()).isEqualTo(BASE_URL + "issuers/guild.json");

    assertThat(
            s.path("result")
                .path("extensions")
                .path("http://specification.openbadges.org/xapi/extensions/badgeassertion")
                .path("@id")
                .asText())
        .isEqualTo(BASE_URL + "assertions/mentor/ada.json");
    JsonNode category = s.path("context").path("contextActivities").path("category").get(0);
    assertThat(category.path("id").asText())
        .isEqualTo("http://specification.openbadges.org/xapi/recipe/base/0_0_2");
    assertThat(category.path("definition").path("type").asText())
        .isEqualTo("http://id.tincanapi.com/activitytype/recipe");
    assertThat(s.path("context").path("language").asText()).isEqualTo("de");
    assertThat(s.path("timestamp").asText()).isEqualTo("2026-03-01T10:00:00+01:00");

    JsonNode attachment = s.path("attachments").get(0);
    byte[] png = "PNG of mentor/ada".getBytes(StandardCharsets.UTF_8);
    assertThat(attachment.path("usageType").asText())
        .isEqualTo("http://specification.openbadges.org/xapi/attachment/badge");
    assertThat(attachment.path("contentType").asText()).isEqualTo("image/png");
    assertThat(attachment.path("length").asInt()).isEqualTo(png.length);
    assertThat(attachment.path("sha2").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
    assertThat(attachment.path("fileUrl").asText())
        .isEqualTo(BASE_URL + "assertions/mentor/ada.png");
    assertThat(attachment.path("display").path("de").asText()).isEqualTo("Mentor");
  }

  @Test
  void urlAndDidRecipientsAreAccounts() throws Exception {
    XapiExport export = export(XapiSite.awards(), Optional.empty());

    JsonNode bob = statement(export, earnedId("mentor", "bob")).path("actor").path("account");
    assertThat(bob.path("homePage").asText()).isEqualTo("https://bob.example.net/");
    assertThat(bob.path("name").asText()).isEqualTo("https://bob.example.net/about");

    JsonNode cy = statement(export, earnedId("speaker", "cy")).path("actor").path("account");
    assertThat(cy.path("homePage").asText()).isEqualTo("https://www.w3.org/TR/did-core/");
    assertThat(cy.path("name").asText()).isEqualTo("did:web:cy.example.com");
    // the site's language where the badge class names none
    assertThat(
            statement(export, earnedId("speaker", "cy")).path("context").path("language").asText())
        .isEqualTo("en");
  }

  @Test
  void hashedRecipientsAndTelephoneNumbersAreLeftOutWithANote() throws Exception {
    XapiExport export = export(XapiSite.awards(), Optional.empty());

    assertThat(export.leftOut()).extracting(LeftOut::awardId).containsExactly("eve", "fay");
    assertThat(export.notes())
        .containsExactly(
            "1 award left out: the recipient is held hashed only (speaker/eve)",
            "1 award left out: xAPI has no identifier for the recipient's identity type"
                + " (speaker/fay)");
    assertThat(export.bytes()).asString(StandardCharsets.UTF_8).doesNotContain("eve", "fay");
  }

  @Test
  void anIdentityThatIsNotTheRecipientsIsLeftOut() throws Exception {
    EarnedAward real =
        XapiSite.plain("mentor", "ada", "email", "ada@example.org", "2026-03-01T10:00:00+01:00");
    EarnedAward wrong = new EarnedAward(real.award(), Optional.of("mallory@example.org"));

    XapiExport export = export(List.of(wrong), Optional.empty());

    assertThat(export.statements()).isEmpty();
    assertThat(export.notes())
        .containsExactly(
            "1 award left out: the identity given does not hash to the award's recipient"
                + " (mentor/ada)");
  }

  @Test
  void aRevocationVoidsTheAwardsStatement() throws Exception {
    XapiExport export = export(XapiSite.awards(), Optional.empty());
    String earned = earnedId("speaker", "dee");

    JsonNode statement = statement(export, earned);
    assertThat(statement.has("attachments"))
        .as("a revoked award's baked badge is no longer published")
        .isFalse();
    JsonNode voiding =
        statement(
            export, StatementIds.voiding(BASE_URL + "assertions/speaker/dee.json").toString());
    assertThat(voiding.path("verb").path("id").asText())
        .isEqualTo("http://adlnet.gov/expapi/verbs/voided");
    assertThat(voiding.path("object").path("objectType").asText()).isEqualTo("StatementRef");
    assertThat(voiding.path("object").path("id").asText()).isEqualTo(earned);
    assertThat(voiding.path("actor").path("mbox").asText())
        .isEqualTo("mailto:badges@guild.example.org");
    assertThat(voiding.path("timestamp").asText()).isEqualTo("2026-05-04T00:00:00+02:00");

    List<String> ids = export.statements().stream().map(s -> s.path("id").asText()).toList();
    assertThat(ids.indexOf(earned)).isLessThan(ids.indexOf(voiding.path("id").asText()));
    assertThat(export.earned()).isEqualTo(4);
    assertThat(export.voided()).isEqualTo(1);
  }

  @Test
  void sinceKeepsAwardsIssuedAndRevocationsDatedOnOrAfterTheDay() throws Exception {
    XapiExport export = export(XapiSite.awards(), Optional.of(LocalDate.of(2026, 3, 2)));

    List<String> ids = export.statements().stream().map(s -> s.path("id").asText()).toList();
    assertThat(ids)
        .containsExactly(
            earnedId("mentor", "bob"),
            earnedId("speaker", "cy"),
            // dee was awarded before the day, revoked after it: only the voiding
            StatementIds.voiding(BASE_URL + "assertions/speaker/dee.json").toString());
    assertThat(export.earned()).isEqualTo(2);
    assertThat(export.voided()).isEqualTo(1);
  }

  @Test
  void theSameAwardsGiveTheSameBytesInAnyOrder() throws Exception {
    byte[] first = export(XapiSite.awards(), Optional.empty()).bytes();
    List<EarnedAward> shuffled = new ArrayList<>(XapiSite.awards());
    Collections.reverse(shuffled);

    assertThat(export(shuffled, Optional.empty()).bytes()).isEqualTo(first);
    assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("[\n  {\n").endsWith("]\n");
  }

  @Test
  void anAwardWithoutABakedBadgeSaysToBuildFirst() {
    List<EarnedAward> awards = XapiSite.awards();
    XapiRequest request =
        new XapiRequest(XapiSite.site(awards), awards, Optional.empty(), award -> Optional.empty());

    assertThatThrownBy(() -> XapiStatements.export(request))
        .isInstanceOf(XapiException.class)
        .hasMessage(
            "no baked badge for award mentor/ada: build the site first, the statements attach"
                + " the published baked PNG");
  }

  @Test
  void bakedImagesAreReadFromTheBuiltSite(@TempDir Path out) throws Exception {
    List<EarnedAward> awards = XapiSite.awards();
    SiteLayout layout = new SiteLayout(XapiSite.site(awards).settings());
    Award ada = awards.get(0).award();
    Path png = out.resolve("assertions/mentor/ada.png");
    Files.createDirectories(png.getParent());
    Files.write(png, new byte[] {1, 2, 3});

    BakedImages baked = BakedImages.in(out, layout);

    assertThat(baked.png(ada)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    assertThat(baked.png(awards.get(1).award())).isEmpty();
  }

  @Test
  void theExportIsWrittenAsItsBytes(@TempDir Path tmp) throws Exception {
    XapiExport export = export(XapiSite.awards(), Optional.empty());
    Path file = tmp.resolve("out/statements.json");

    export.write(file);

    assertThat(Files.readAllBytes(file)).isEqualTo(export.bytes());
    ObjectNode first = export.statements().get(0);
    assertThat(first.path("id").asText()).isEqualTo(earnedId("mentor", "ada"));
  }
}
