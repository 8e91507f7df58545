package dev.badgesmith.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.diag.Diagnostic;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CasePackageReaderTest {
  private static final String PATH = "frameworks/x.json";

  private static CasePackageReader.Result read(String json) {
    return CasePackageReader.read(json.getBytes(StandardCharsets.UTF_8), PATH);
  }

  private static List<String> problems(String json) {
    CasePackageReader.Result result = read(json);
    assertThat(result.framework()).isEmpty();
    return result.diagnostics().stream().map(Diagnostic::format).toList();
  }

  private static final String DOC =
      "\"CFDocument\": {\"identifier\": \"d\", \"uri\": \"https://f.example/d\", \"title\": \"F\"}";

  @Test
  void aBrokenFileIsReportedAtItsLineAndColumn() {
    assertThat(
            problems("{\n  " + DOC + ",\n  \"CFItems\": [\n    {\"identifier\": \"a\",}\n  ]\n}"))
        .singleElement()
        .asString()
        .startsWith(
            "frameworks/x.json:4:24: error[BSG115]: malformed JSON: Unexpected character ('}'");
  }

  @Test
  void anUnfinishedFileIsReportedWhereItEnds() {
    assertThat(problems("{\n  " + DOC + ",\n  \"CFItems\": [\n"))
        .singleElement()
        .asString()
        .startsWith("frameworks/x.json:4:1: error[BSG115]: malformed JSON:");
  }

  @Test
  void aDuplicateKeyIsRefused() {
    assertThat(problems("{" + DOC + ", " + DOC + "}"))
        .singleElement()
        .asString()
        .contains("error[BSG115]: malformed JSON: Duplicate field 'CFDocument'");
  }

  @Test
  void missingAndMistypedFieldsAreReportedAtTheirObjectOrValue() {
    String json =
        "{"
            + DOC
            + ",\n\"CFItems\": [\n"
            + "  {\"identifier\": \"a\", \"uri\": \"https://f.example/a\"},\n"
            + "  {\"identifier\": \"b\", \"uri\": \"https://f.example/b\", \"fullStatement\": 7},\n"
            + "  \"c\"\n"
            + "],\n\"CFAssociations\": [\n"
            + "  {\"associationType\": \"isChildOf\", \"originNodeURI\": {\"identifier\": \"a\"},"
            + " \"destinationNodeURI\": \"d\", \"sequenceNumber\": \"1\"}\n"
            + "]}";
    assertThat(problems(json))
        .containsExactly(
            "frameworks/x.json:3:3: error[BSG104]: CFItem has no 'fullStatement'",
            "frameworks/x.json:4:70: error[BSG103]: CFItem's 'fullStatement' is a number, not text",
            "frameworks/x.json:5:3: error[BSG103]: an entry of CFItems is text, not an object",
            "frameworks/x.json:8:53: error[BSG104]: originNodeURI has no 'uri'",
            "frameworks/x.json:8:96: error[BSG103]: CFAssociation's 'destinationNodeURI' is text,"
                + " not an object",
            "frameworks/x.json:8:119: error[BSG103]: CFAssociation's 'sequenceNumber' is text, not"
                + " a whole number");
  }

  @Test
  void aPackageNeedsItsDocument() {
    assertThat(problems("{\"CFItems\": []}"))
        .containsExactly(
            "frameworks/x.json:1:1: error[BSG104]: the package has no CFDocument\n"
                + "  hint: a CFPackage holds one CFDocument, the framework itself");
    assertThat(problems("[]"))
        .singleElement()
        .asString()
        .startsWith("frameworks/x.json:1:1: error[BSG103]: a CASE package is a JSON object");
    assertThat(
            problems("{\"CFDocument\": {\"identifier\": \"d\", \"uri\": \"u\", \"title\": \" \"}}"))
        .singleElement()
        .asString()
        .isEqualTo("frameworks/x.json:1:57: error[BSG104]: CFDocument's 'title' is empty");
  }

  @Test
  void twoItemsWithOneIdentifierAreAnError() {
    String item =
        "{\"identifier\": \"a\", \"uri\": \"https://f.example/a\", \"fullStatement\": \"A\"}";
    assertThat(problems("{" + DOC + ",\n\"CFItems\": [\n" + item + ",\n" + item + "]}"))
        .containsExactly(
            "frameworks/x.json:4:16: error[BSG203]: a second CFItem with the identifier 'a'\n"
                + "  hint: the first is at line 3");
  }

  @Test
  void contentAfterThePackageIsAnError() {
    assertThat(problems("{" + DOC + "} {}"))
        .singleElement()
        .asString()
        .contains("more after the package's closing '}'");
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() {
    byte[] latin1 =
        ("{" + DOC.replace("F\"", "F\u00e9\"") + "}").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CasePackageReader.read(latin1, PATH).diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("the file is not UTF-8");
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    CasePackageReader.Result result = read("\uFEFF{" + DOC + "}");
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.framework()).isPresent();
    assertThat(result.framework().get().document().at().column()).isEqualTo(16);
  }

  @Test
  void aFileOverTheLimitIsNotRead() throws Exception {
    InputStream huge =
        new InputStream() {
          long left = CasePackageReader.MAX_BYTES + 10L;

          @Override
          public int read() {
            return left-- > 0 ? ' ' : -1;
          }
        };
    assertThat(CasePackageReader.read(huge, PATH).diagnostics())
        .extracting(Diagnostic::code)
        .extracting(c -> c.id())
        .containsExactly("BSG006");
    assertThat(
            CasePackageReader.read(
                    new ByteArrayInputStream(("{" + DOC + "}").getBytes(StandardCharsets.UTF_8)),
                    PATH)
                .framework())
        .isPresent();
  }

  @Test
  void aDeeplyNestedFileIsRefusedWithAPosition() {
    String deep = "{" + DOC + ", \"extensions\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThat(problems(deep))
        .singleElement()
        .asString()
        .startsWith("frameworks/x.json:1:")
        .contains("error[BSG115]: malformed JSON:")
        .contains("nesting depth");
  }
}
