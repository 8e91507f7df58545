package dev.badgesmith.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A composite action's {@code run} steps, run one at a time with bash as the GitHub runner runs
 * them: {@code bash --noprofile --norc -eo pipefail FILE}, the step's {@code env} evaluated from
 * the inputs (or their defaults), the {@code github} context given here and earlier steps' outputs,
 * and {@code GITHUB_OUTPUT} read back after each step. Only whole {@code ${{ name }}} expressions
 * are evaluated; any other expression fails the test, so the scripts stay free of them.
 */
public final class CompositeAction {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([\\w.-]+)\\s*}}");

  private final JsonNode action;
  private final Map<String, String> inputs = new HashMap<>();
  private final Map<String, String> github = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();
  private final Map<String, Map<String, String>> outputs = new HashMap<>();
  private final Path runnerTemp;

  public CompositeAction(Path actionFile, Path runnerTemp) {
    this.action = Workflows.read(actionFile);
    this.runnerTemp = runnerTemp;
  }

  /** The result of one step: its exit code, what it printed, and the outputs it set. */
  public record StepResult(int code, String output, Map<String, String> outputs) {}

  public CompositeAction input(String name, String value) {
    assertThat(action.at("/inputs").has(name)).as("the action declares input " + name).isTrue();
    inputs.put(name, value);
    return this;
  }

  public CompositeAction github(String name, String value) {
    github.put(name, value);
    return this;
  }

  /** A variable of the workflow's environment, which every step sees. */
  public CompositeAction environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** The steps of {@code runs.steps}. */
  public List<JsonNode> steps() {
    List<JsonNode> steps = new ArrayList<>();
    action.at("/runs/steps").forEach(steps::add);
    return steps;
  }

  public JsonNode step(String id) {
    return steps().stream()
        .filter(s -> s.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the action has no step " + id));
  }

  /** Runs the step's script, and keeps its outputs for later steps when it succeeds. */
  public StepResult run(String id) {
    JsonNode step = step(id);
    assertThat(step.path("shell").asText()).as("step " + id + "'s shell").isEqualTo("bash");
    String script = step.path("run").asText();
    assertThat(script).as("step " + id + " reads values from env only").doesNotContain("${{");
    try {
      Path file = Files.createTempFile(runnerTemp, "step-" + id, ".sh");
      Files.writeString(file, script);
      Path output = Files.createTempFile(runnerTemp, "output-" + id, ".txt");
      ProcessBuilder builder =
          new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
              .redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("GITHUB_") || name.startsWith("BADGESMITH_"));
      env.putAll(environment);
      env.put("RUNNER_TEMP", runnerTemp.toString());
      env.put("GITHUB_OUTPUT", output.toString());
      step.path("env")
          .properties()
          .forEach(e -> env.put(e.getKey(), evaluate(e.getValue().asText())));
      Process process = builder.start();
      process.getOutputStream().close();
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("step " + id + " ends").isTrue();
      Map<String, String> set = new LinkedHashMap<>();
      for (String line : Files.readAllLines(output)) {
        int equals = line.indexOf('=');
        assertThat(equals).as("an output line name=value: " + line).isPositive();
        set.put(line.substring(0, equals), line.substring(equals + 1));
      }
      if (process.exitValue() == 0) {
        outputs.put(id, set);
      }
      return new StepResult(process.exitValue(), printed, set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A value of the step's env: text, or one whole expression. */
  String evaluate(String value) {
    Matcher matcher = EXPRESSION.matcher(value);
    if (!matcher.matches()) {
      assertThat(value).as("an env value that is no single expression").doesNotContain("${{");
      return value;
    }
    String[] name = matcher.group(1).split("\\.");
    switch (name[0]) {
      case "inputs":
        return inputs.getOrDefault(name[1], action.at("/inputs/" + name[1] + "/default").asText());
      case "github":
        assertThat(github).as("the github context").containsKey(name[1]);
        return github.get(name[1]);
      case "steps":
        assertThat(name).as(matcher.group(1)).hasSize(4);
        return outputs.getOrDefault(name[1], Map.of()).getOrDefault(name[3], "");
      default:
        throw new AssertionError("an expression this harness does not know: " + value);
    }
  }
}
