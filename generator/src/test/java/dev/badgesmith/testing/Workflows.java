package dev.badgesmith.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitHub workflow files read as data, as Actions reads them, with the assertions every badge site's
 * two workflows must pass: the pull-request check runs {@code badgesmith check} with no secret, and
 * the publishing workflow builds with the signing keys from secrets and deploys with GitHub Pages'
 * own actions and permissions.
 */
public final class Workflows {
  private static final YAMLMapper YAML = new YAMLMapper();

  private Workflows() {}

  public static JsonNode read(Path file) {
    try {
      JsonNode node = YAML.readTree(file.toFile());
      assertThat(node).as("%s is a YAML mapping", file).isNotNull();
      assertThat(node.isObject()).as("%s is a YAML mapping", file).isTrue();
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every step of every job, in order. */
  public static List<JsonNode> steps(JsonNode workflow) {
    List<JsonNode> steps = new ArrayList<>();
    workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
    return steps;
  }

  /** The {@code run} texts of every step, with folded lines joined. */
  public static List<String> runs(JsonNode workflow) {
    return steps(workflow).stream()
        .filter(s -> s.has("run"))
        .map(s -> s.get("run").asText().replaceAll("\\s+", " ").strip())
        .toList();
  }

  /** The actions the steps use, such as {@code actions/deploy-pages@v4}. */
  public static List<String> uses(JsonNode workflow) {
    return steps(workflow).stream()
        .filter(s -> s.has("uses"))
        .map(s -> s.get("uses").asText())
        .toList();
  }

  /** The step whose {@code run} holds {@code command}. */
  public static JsonNode stepRunning(JsonNode workflow, String command) {
    return steps(workflow).stream()
        .filter(s -> s.path("run").asText().replaceAll("\\s+", " ").contains(command))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step runs '" + command + "'"));
  }

  /**
   * A pull-request check: triggered by pull requests, reads the repository only, runs {@code
   * badgesmith check SITE}, and holds no secret (pull requests from forks get none).
   */
  public static void assertChecksPullRequests(JsonNode workflow, String jar, String site) {
    // "on" is a plain key for GitHub; a YAML 1.1 reader may take it for true.
    JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.get("true");
    assertThat(on).as("the workflow's triggers").isNotNull();
    assertThat(on.has("pull_request")).as("runs on pull requests").isTrue();
    assertThat(workflow.at("/permissions/contents").asText()).isEqualTo("read");
    assertThat(workflow.at("/permissions").size()).as("no other permission").isEqualTo(1);
    assertThat(runs(workflow)).contains("java -jar " + jar + " check " + site);
    assertThat(workflow.toString()).doesNotContain("secrets.");
    assertPinned(workflow);
  }

  /**
   * A publishing workflow: on pushes to main, builds SITE into OUT with each key variable from the
   * secret of the same name, uploads OUT with hidden files, and deploys it with GitHub Pages'
   * actions, with {@code pages: write} and {@code id-token: write}.
   *
   * @return the environment of the build step
   */
  public static Map<String, String> assertBuildsAndDeploys(
      JsonNode workflow, String jar, String buildArguments, String out, List<String> keyVariables) {
    JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.get("true");
    assertThat(on).as("the workflow's triggers").isNotNull();
    assertThat(on.at("/push/branches").toString()).isEqualTo("[\"main\"]");
    assertThat(workflow.at("/permissions/pages").asText()).isEqualTo("write");
    assertThat(workflow.at("/permissions/id-token").asText()).isEqualTo("write");
    assertThat(workflow.at("/permissions/contents").asText()).isEqualTo("read");

    List<String> uses = uses(workflow);
    assertThat(uses)
        .anyMatch(u -> u.startsWith("actions/configure-pages@"))
        .anyMatch(u -> u.startsWith("actions/upload-pages-artifact@"))
        .anyMatch(u -> u.startsWith("actions/deploy-pages@"));
    JsonNode upload =
        steps(workflow).stream()
            .filter(s -> s.path("uses").asText().startsWith("actions/upload-pages-artifact@"))
            .findFirst()
            .orElseThrow();
    assertThat(upload.at("/with/path").asText()).as("uploads what was built").isEqualTo(out);
    assertThat(upload.at("/with/include-hidden-files").asBoolean())
        .as(".nojekyll and .well-known/ are published")
        .isTrue();
    JsonNode deploy = workflow.at("/jobs/deploy");
    assertThat(deploy.at("/environment/name").asText()).isEqualTo("github-pages");
    assertThat(deploy.at("/needs").asText()).isEqualTo("build");

    JsonNode build = stepRunning(workflow, "java -jar " + jar + " build ");
    assertThat(build.get("run").asText().replaceAll("\\s+", " ").strip())
        .isEqualTo("java -jar " + jar + " build " + buildArguments);
    Map<String, String> env = new TreeMap<>();
    build.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    List<String> expected = new ArrayList<>(keyVariables);
    expected.add("BADGESMITH_SALT_SECRET");
    assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    env.forEach(
        (name, value) -> assertThat(value).as(name).isEqualTo("${{ secrets." + name + " }}"));
    assertPinned(workflow);
    return env;
  }

  /** Every action is named with a version. */
  private static void assertPinned(JsonNode workflow) {
    assertThat(uses(workflow)).isNotEmpty().allMatch(u -> u.matches("[\\w.-]+/[\\w.-]+@v[0-9]+"));
  }
}
