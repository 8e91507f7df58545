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
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLFactory YAML_READER = YAMLFactory.builder().build();

  /** YAML as a maintainer writes award files by hand: no "---", quotes only where needed. */
  private static final YAMLMapper AWARD_YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .build());

  private static final CsvMapper CSV = new CsvMapper();

  private Jackson() {}

  /** JSON with Jackson's defaults, for trees, records and streams. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** JSON's streaming parsers and generators. */
  public static JsonFactory jsonFactory() {
    return JSON.getFactory();
  }

  /** YAML's streaming parser, for reading site files with their positions. */
  public static YAMLFactory yamlFactory() {
    return YAML_READER;
  }

  /** Award files, written. */
  public static YAMLMapper awardYaml() {
    return AWARD_YAML;
  }

  /** Awards in CSV. */
  public static CsvMapper csv() {
    return CSV;
  }
}
