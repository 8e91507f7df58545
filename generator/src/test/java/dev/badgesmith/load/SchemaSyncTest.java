package dev.badgesmith.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.testing.SiteSchemas;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor schemas say what the loader reads: the keys of every mapping are exactly the loader's
 * own lists (read from {@link SiteKeys}'s {@code *_KEYS} declarations), the files of every valid
 * test site validate, and the invalid test sites' files with an unknown key, a wrong type, a
 * missing field or a wrong recipient fail.
 */
class SchemaSyncTest {
  /** Each key list of the loader, and the object of a schema that holds those keys. */
  private static final Map<String, String> WHERE =
      Map.ofEntries(
          Map.entry("SETTINGS_KEYS", "site.schema.json#"),
          Map.entry("IMAGES_KEYS", "site.schema.json#/properties/images"),
          Map.entry("PAGES_KEYS", "site.schema.json#/properties/pages"),
          Map.entry("SIGNING_KEYS", "site.schema.json#/properties/signing"),
          Map.entry("KEY_KEYS", "site.schema.json#/definitions/key"),
          Map.entry("ISSUER_KEYS", "issuer.schema.json#"),
          Map.entry("BADGE_KEYS", "badge.schema.json#"),
          Map.entry("ALIGNMENT_KEYS", "badge.schema.json#/definitions/alignment"),
          Map.entry("REQUIREMENT_GROUP_KEYS", "badge.schema.json#/definitions/requirementGroup"),
          Map.entry("DESIGN_KEYS", "badge.schema.json#/definitions/design"),
          Map.entry("AWARD_KEYS", "award.schema.json#"),
          Map.entry("RECIPIENT_KEYS", "award.schema.json#/definitions/recipient"),
          Map.entry("EVIDENCE_KEYS", "award.schema.json#/definitions/evidence"),
          Map.entry("REVOKED_KEYS", "award.schema.json#/definitions/revocation"),
          Map.entry("ENDORSEMENT_KEYS", "endorsement.schema.json#"),
          Map.entry("ENDORSES_KEYS", "endorsement.schema.json#/definitions/endorses"));

  /** Schema objects that hold a key list a second time, by the list: the same mapping. */
  private static final Map<String, String> AGAIN =
      Map.of("endorsement.schema.json#/definitions/revocation", "REVOKED_KEYS");

  /** Lists that are not a mapping of their own; each is checked on its own below. */
  private static final Set<String> NOT_A_MAPPING = Set.of("ISSUER_PAGE_KEYS", "IDENTITY_KEYS");

  private static final Pattern DIAGNOSTIC =
      Pattern.compile("(?m)^([^\\s:]+):\\d+:\\d+: error\\[(BSG10[234]|BSG111)\\]");

  @Test
  void everyKeyTheLoaderAcceptsIsInTheSchemasAndNoOther() throws IllegalAccessException {
    Map<String, List<String>> lists = keyLists();
    assertThat(lists.keySet())
        .as("every key list of the loader has its place in a schema")
        .containsExactlyInAnyOrderElementsOf(union(WHERE.keySet(), NOT_A_MAPPING));
    for (Map.Entry<String, String> e : WHERE.entrySet()) {
      assertThat(properties(object(e.getValue())))
          .as("the keys of %s against SiteKeys.%s", e.getValue(), e.getKey())
          .containsExactlyInAnyOrderElementsOf(lists.get(e.getKey()));
    }
    for (Map.Entry<String, String> e : AGAIN.entrySet()) {
      assertThat(properties(object(e.getKey())))
          .as("the keys of %s against SiteKeys.%s", e.getKey(), e.getValue())
          .containsExactlyInAnyOrderElementsOf(lists.get(e.getValue()));
    }
    // An issuer in Markdown takes its description from the body, not from a key.
    assertThat(lists.get("ISSUER_PAGE_KEYS"))
        .containsExactlyInAnyOrderElementsOf(
            lists.get("ISSUER_KEYS").stream().filter(k -> !k.equals("description")).toList());
    // The recipient's identities are the alternatives of its oneOf.
    List<String> alternatives = new ArrayList<>();
    object("award.schema.json#/definitions/recipient")
        .get("oneOf")
        .forEach(option -> alternatives.add(option.get("required").get(0).asText()));
    assertThat(alternatives).containsExactlyElementsOf(lists.get("IDENTITY_KEYS"));
  }

  @Test
  void everyMappingInTheSchemasIsClosedAndHasItsLoaderList() {
    Set<String> mapped = new HashSet<>(WHERE.values());
    mapped.addAll(AGAIN.keySet());
    int objects = 0;
    for (String schema : List.of("site", "issuer", "badge", "award", "endorsement")) {
      String name = schema + ".schema.json";
      List<String> found = new ArrayList<>();
      closedObjects(SiteSchemas.schemaDocument(name), name + "#", found);
      assertThat(mapped).as("the mappings of %s", name).containsAll(found);
      objects += found.size();
    }
    assertThat(objects).isEqualTo(WHERE.size() + AGAIN.size());
  }

  @Test
  void everyFileOfTheValidTestSitesValidates(@TempDir Path tmp) throws IOException {
    Path minimal = TestSites.unpack(tmp.resolve("minimal"), TestSites.MINIMAL);
    for (Path site :
        List.of(
            minimal,
            TestSites.resources("sites/guild/input"),
            TestSites.resources("sites/signed/input"),
            Path.of("../example-site").toAbsolutePath().normalize())) {
      List<String> files = siteFiles(site);
      assertThat(files).as("the files of %s", site).isNotEmpty();
      for (String path : files) {
        assertThat(SiteSchemas.validate(site, path)).as("%s in %s", path, site).isEmpty();
      }
    }
  }

  @Test
  void theFilesOfInvalidSitesWithUnknownKeysWrongTypesOrMissingFieldsFail(@TempDir Path tmp)
      throws IOException {
    Path cases = TestSites.resources("invalid");
    Set<String> rejected = new LinkedHashSet<>();
    try (Stream<Path> files = Files.list(cases)) {
      for (Path file : files.sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int expectedAt = text.indexOf("-- @expected\n");
        Set<String> broken = new LinkedHashSet<>();
        Matcher m = DIAGNOSTIC.matcher(text.substring(expectedAt));
        while (m.find()) {
          if (SiteSchemas.schemaFor(m.group(1)).isPresent()) {
            broken.add(m.group(1));
          }
        }
        if (broken.isEmpty() || text.contains("-- @delete")) {
          continue;
        }
        Path site = tmp.resolve(file.getFileName().toString());
        TestSites.unpack(site, TestSites.MINIMAL);
        TestSites.unpack(site, text.substring(0, expectedAt));
        for (String path : broken) {
          assertThat(SiteSchemas.validate(site, path))
              .as("%s of %s fails its schema", path, file.getFileName())
              .isNotEmpty();
          rejected.add(file.getFileName() + " " + path);
        }
      }
    }
    assertThat(rejected)
        .as("the unknown-key cases are among the files the schemas reject")
        .contains("misspelt-key.txt badges/intro.md")
        .hasSizeGreaterThanOrEqualTo(5);
  }

  private static Map<String, List<String>> keyLists() throws IllegalAccessException {
    Map<String, List<String>> lists = new TreeMap<>();
    for (Field f : SiteKeys.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())
          && f.getName().endsWith("_KEYS")
          && List.class.isAssignableFrom(f.getType())) {
        List<?> keys = (List<?>) f.get(null);
        lists.put(f.getName(), keys.stream().map(String.class::cast).toList());
      }
    }
    return lists;
  }

  /** The object at {@code file#/pointer}. */
  private static JsonNode object(String where) {
    String[] parts = where.split("#", 2);
    JsonNode node = SiteSchemas.schemaDocument(parts[0]).at(parts[1]);
    assertThat(node.isMissingNode()).as(where).isFalse();
    return node;
  }

  /** The keys a schema object allows; it must reject every other, as the loader does. */
  private static List<String> properties(JsonNode object) {
    JsonNode additional = object.path("additionalProperties");
    assertThat(additional.isBoolean() && !additional.asBoolean())
        .as("additionalProperties is false, as the loader rejects unknown keys")
        .isTrue();
    List<String> names = new ArrayList<>();
    object.get("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Every schema object that declares properties, by its pointer. */
  private static void closedObjects(JsonNode node, String pointer, List<String> found) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        closedObjects(node.get(i), pointer + "/" + i, found);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    boolean declaresProperties = node.path("properties").isObject();
    if (declaresProperties) {
      properties(node);
      found.add(pointer);
    }
    node.fields()
        .forEachRemaining(
            e -> {
              String at = pointer + "/" + e.getKey();
              if (declaresProperties && e.getKey().equals("properties")) {
                // Below "properties" every field is a schema, never a keyword.
                e.getValue()
                    .fields()
                    .forEachRemaining(
                        p -> closedObjects(p.getValue(), at + "/" + p.getKey(), found));
              } else {
                closedObjects(e.getValue(), at, found);
              }
            });
  }

  private static List<String> siteFiles(Path site) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .filter(p -> SiteSchemas.schemaFor(p).isPresent())
          .sorted()
          .toList();
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
