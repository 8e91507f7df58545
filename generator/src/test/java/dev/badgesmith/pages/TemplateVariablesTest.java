package dev.badgesmith.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.markdown.MarkdownRenderer;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README documents every variable each template sees, and nothing else: the variables are read
 * from the data models the renderer really hands each template, and the README's tables must list
 * exactly those.
 */
class TemplateVariablesTest {
  private static final Path README = Path.of("../README.md");

  /** The frame every page sees, documented once in its own table. */
  private static final String FRAME = "frame";

  /** Each template's data model, as the renderer passes it for the sample sites. */
  private static Map<String, Object> models() throws IOException {
    PageRenderer renderer =
        new PageRenderer(
            new MarkdownRenderer(),
            Optional.empty(),
            new MessageBundles(Optional.empty()),
            Instant.parse("2026-06-01T00:00:00Z"));
    Map<String, Object> models = new LinkedHashMap<>();
    renderer.pages(SampleSite.small(), p -> models.putIfAbsent(p.template(), p.model()));
    renderer.pages(SampleSite.hostile(), p -> models.putIfAbsent(p.template(), p.model()));
    models.put(
        SocialCardTemplate.TEMPLATE,
        SocialCardTemplate.model(
            new SocialCardView("Badge", "Issuer", "Site", "data:image/png;base64,AA==")));
    return models;
  }

  @Test
  void everyTemplateOfTheThemeIsRenderedWithAModel() throws IOException {
    Set<String> drawn = new TreeSet<>(models().keySet());
    Set<String> theme = new TreeSet<>(PageRenderer.THEME_FILES);
    // The macros of the frame, the gallery and the endorsement lists, the stylesheet and the pages'
    // scripts are no page of their own.
    theme.removeAll(
        List.of(
            "layout.ftlh",
            "gallery.ftlh",
            "endorsements.ftlh",
            "style.css",
            "verify.js",
            "skills-search.js"));
    assertThat(drawn).isEqualTo(theme);
  }

  @Test
  void theReadmeDocumentsExactlyTheVariablesOfEachTemplate() throws IOException {
    Map<String, Set<String>> documented = documented();
    Map<String, Set<String>> exposed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> model : models().entrySet()) {
      Set<String> paths = new TreeSet<>();
      if (model.getValue() instanceof Map<?, ?> map) {
        map.forEach((k, v) -> paths(v.getClass(), k.toString(), paths, exposed));
      } else {
        for (RecordComponent c : model.getValue().getClass().getRecordComponents()) {
          paths(c.getGenericType(), c.getName(), paths, exposed);
        }
      }
      exposed.put(model.getKey(), paths);
    }
    assertThat(documented.keySet())
        .as("templates with a table in the README")
        .containsExactlyInAnyOrderElementsOf(exposed.keySet());
    for (String template : exposed.keySet()) {
      assertThat(documented.get(template))
          .as("README table of " + template)
          .containsExactlyInAnyOrderElementsOf(exposed.get(template));
    }
  }

  /**
   * The variable paths of one component: leaves only; list items as {@code name[].leaf}. A list of
   * the record it is in (a tree, such as a skill's children) is one leaf, {@code name[]}: its items
   * have the variables documented above it.
   */
  private static void paths(
      Type type, String path, Set<String> paths, Map<String, Set<String>> all) {
    paths(type, path, paths, all, Set.of());
  }

  private static void paths(
      Type type,
      String path,
      Set<String> paths,
      Map<String, Set<String>> all,
      Set<Class<?>> outer) {
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      Type item = list.getActualTypeArguments()[0];
      if (item instanceof Class<?> c && outer.contains(c)) {
        paths.add(path + "[]");
      } else if (item instanceof Class<?> c && c.isRecord()) {
        paths(item, path + "[]", paths, all, outer);
      } else {
        paths.add(path);
      }
      return;
    }
    Class<?> raw = (Class<?>) type;
    if (raw == FrameView.class && path.equals(FRAME)) {
      paths.add(FRAME);
      Set<String> frame = new TreeSet<>();
      for (RecordComponent c : raw.getRecordComponents()) {
        paths(c.getGenericType(), FRAME + "." + c.getName(), frame, all);
      }
      all.put(FRAME, frame);
    } else if (raw.isRecord()) {
      Set<Class<?>> inside = new java.util.HashSet<>(outer);
      inside.add(raw);
      for (RecordComponent c : raw.getRecordComponents()) {
        paths(c.getGenericType(), path + "." + c.getName(), paths, all, inside);
      }
    } else {
      paths.add(path);
    }
  }

  private static final Pattern HEADING = Pattern.compile("^#### `([^`]+)`", Pattern.MULTILINE);
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

  /** The README's template tables: {@code #### `name`}, then rows whose first cell is a path. */
  private static Map<String, Set<String>> documented() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("### Template variables");
    assertThat(start).as("a 'Template variables' section in the README").isNotNegative();
    int end = readme.indexOf("\n## ", start);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Map<String, Set<String>> tables = new LinkedHashMap<>();
    Set<String> current = null;
    for (String line : section.split("\n")) {
      Matcher heading = HEADING.matcher(line);
      Matcher row = ROW.matcher(line);
      if (heading.find()) {
        current = new TreeSet<>();
        tables.put(heading.group(1), current);
      } else if (current != null && row.find()) {
        current.add(row.group(1));
      }
    }
    return tables;
  }
}
