package dev.badgesmith.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Jackson, configured once for the whole generator: every JSON, YAML and CSV mapper or factory is
 * one of these. They are shared, so nobody may reconfigure them; each is safe across threads.
 */
public final class Jackson {
  // Each mapper is made on first use, in a holder of its own: a command that reads YAML only (a
  // check) never loads the classes of the others, which costs a short run more than its work.
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static final class YamlReading {
    static final YAMLFactory FACTORY = YAMLFactory.builder().build();
  }

  /** YAML as a maintainer writes award files by hand: no "---", quotes only where needed. */
  private static final class AwardYaml {
    static final YAMLMapper MAPPER =
        new YAMLMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .build());
  }

  private static final class Csv {
    static final CsvMapper MAPPER = new CsvMapper();
  }

  private Jackson() {}

  /** JSON with Jackson's defaults, for trees, records and streams. */
  public static ObjectMapper json() {
    return Json.MAPPER;
  }

  /** JSON's streaming parsers and generators. */
  public static JsonFactory jsonFactory() {
    return Json.MAPPER.getFactory();
  }

  /** YAML's streaming parser, for reading site files with their positions. */
  public static YAMLFactory yamlFactory() {
    return YamlReading.FACTORY;
  }

  /** Award files, written. */
  public static YAMLMapper awardYaml() {
    return AwardYaml.MAPPER;
  }

  /** Awards in CSV. */
  public static CsvMapper csv() {
    return Csv.MAPPER;
  }
}
