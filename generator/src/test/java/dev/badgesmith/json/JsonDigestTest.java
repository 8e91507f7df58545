package dev.badgesmith.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonDigestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesMembersSortedByKeyWithoutWhitespace() throws Exception {
    assertThat(
            JsonDigest.canonical(
                JSON.readTree("{ \"b\": [1, true, null], \"a\": {\"d\": 2.50, \"c\": \"x\"} }")))
        .isEqualTo("{\"a\":{\"c\":\"x\",\"d\":2.5},\"b\":[1,true,null]}");
  }

  @Test
  void escapesStringsAsJavaScriptsJsonStringifyDoes() throws Exception {
    // JSON.stringify("\"\\\n\u0001é€😀/") === "\"\\\"\\\\\\n\\u0001é€😀/\""
    assertThat(JsonDigest.canonical(JSON.readTree("\"\\\"\\\\\\n\\u0001é€😀/\"")))
        .isEqualTo("\"\\\"\\\\\\n\\u0001é€😀/\"");
  }

  @Test
  void givesOneDigestWhateverTheKeyOrderAndWhitespace() throws Exception {
    String a = JsonDigest.sha256(JSON.readTree("{\"id\": \"x\", \"n\": 1}"));
    String b = JsonDigest.sha256(JSON.readTree("{\n  \"n\": 1,\n  \"id\": \"x\"\n}\n"));
    String c = JsonDigest.sha256(JSON.readTree("{\"id\": \"y\", \"n\": 1}"));
    assertThat(a).isEqualTo(b).isNotEqualTo(c).hasSize(43);
  }

  @Test
  void writesARecordOfMapsListsAndTextsAsItsJacksonTree() {
    java.util.Map<String, Object> evidence = new java.util.LinkedHashMap<>();
    evidence.put("url", "https://example.org/a?b=\"c\"");
    evidence.put("name", "tab\there, new\nline, bell\u0007, lone \ud800, pair \ud83c\udf89");
    java.util.Map<String, Object> record = new java.util.LinkedHashMap<>();
    record.put("z", "Zoë \\ back");
    record.put("a", null);
    record.put("\u00e9", "after z in UTF-16");
    record.put("evidence", java.util.List.of(evidence, java.util.Map.of()));
    record.put("empty", java.util.List.of());
    ObjectMapper json = new ObjectMapper();

    for (Object value : java.util.List.of(record, evidence, "plain", java.util.List.of("x"))) {
      assertThat(JsonDigest.canonicalValue(value))
          .isEqualTo(JsonDigest.canonical(json.valueToTree(value)));
    }
    assertThat(JsonDigest.canonicalValue(null)).isEqualTo("null");
  }
}
