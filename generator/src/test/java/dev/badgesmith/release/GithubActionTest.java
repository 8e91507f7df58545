package dev.badgesmith.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import dev.badgesmith.testing.CompositeAction;
import dev.badgesmith.testing.CompositeAction.StepResult;
import dev.badgesmith.testing.IndependentVerifiers;
import dev.badgesmith.testing.IndependentVerifiers.LintFinding;
import dev.badgesmith.testing.Workflows;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action at the repository's root ({@code action.yml}), tested as far as a machine
 * without GitHub allows: actionlint over its steps and over this repository's workflows, and its
 * scripts run with bash as the runner runs them, against a release served from 127.0.0.1.
 */
class GithubActionTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path ACTION = REPOSITORY.resolve("action.yml");
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path tmp;
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void actionlintFindsNothingInTheActionsStepsOrThisRepositorysWorkflows() throws IOException {
    Optional<IndependentVerifiers> installed = IndependentVerifiers.install();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(installed).as("CI installs the verifiers (.ci/run: npm ci)").isPresent();
    }
    assumeTrue(installed.isPresent(), "skipped: node and npm are needed (see the log)");
    JsonNode action = Workflows.read(ACTION);
    Path wrapped = tmp.resolve("action-as-workflow.yml");
    new YAMLMapper().writeValue(wrapped.toFile(), asReusableWorkflow(action));
    // The same wrapper with one wrong input name: the linter must see it, or it proves nothing.
    Path broken = tmp.resolve("broken.yml");
    Files.writeString(
        broken,
        Files.readString(wrapped).replace("inputs.java-version", "inputs.java-versoin"),
        java.nio.charset.StandardCharsets.UTF_8);
    Path example = tmp.resolve("readme-example.yml");
    Files.writeString(example, readmeExample());
    List<Path> files = new ArrayList<>(List.of(wrapped, example));
    try (Stream<Path> workflows = Files.list(REPOSITORY.resolve(".github/workflows"))) {
      workflows.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);

    List<LintFinding> findings = installed.get().actionlint(files.toArray(Path[]::new)).results();
    List<LintFinding> brokenFindings = installed.get().actionlint(broken).results();

    assertThat(findings).isEmpty();
    assertThat(brokenFindings)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("java-versoin"));
  }

  @Test
  void theReadmesExampleGivesTheActionOnlyInputsItDeclares() throws IOException {
    JsonNode inputs = Workflows.read(ACTION).path("inputs");
    Path example = tmp.resolve("readme-example.yml");
    Files.writeString(example, readmeExample());
    List<JsonNode> uses =
        Workflows.steps(Workflows.read(example)).stream()
            .filter(s -> s.path("uses").asText().startsWith("badgesmith/badgesmith@"))
            .toList();

    assertThat(uses).hasSize(2);
    assertThat(uses)
        .allSatisfy(
            step -> {
              assertThat(step.path("uses").asText()).isEqualTo("badgesmith/badgesmith@v0.2.0");
              step.path("with")
                  .fieldNames()
                  .forEachRemaining(name -> assertThat(inputs.has(name)).as(name).isTrue());
              assertThat(step.at("/with/command").asText()).isIn("check", "build");
            });
  }

  @Test
  void everyActionUsedIsPinnedToAVersion() throws IOException {
    List<String> uses = new ArrayList<>();
    Workflows.read(ACTION).at("/runs/steps").forEach(s -> uses.add(s.path("uses").asText()));
    try (Stream<Path> workflows = Files.list(REPOSITORY.resolve(".github/workflows"))) {
      workflows.forEach(f -> uses.addAll(Workflows.uses(Workflows.read(f))));
    }
    assertThat(uses.stream().filter(u -> !u.isEmpty()))
        .isNotEmpty()
        .allMatch(u -> u.matches("[\\w.-]+/[\\w.-]+@v[0-9]+"));
  }

  @Test
  void theJarOutputIsTheJarTheCommandRuns() {
    JsonNode action = Workflows.read(ACTION);
    String jar = action.at("/outputs/jar/value").asText();
    CompositeAction steps = new CompositeAction(ACTION, tmp);

    assertThat(jar).isEqualTo("${{ steps.resolve.outputs.jar }}");
    assertThat(steps.step("run").at("/env/JAR").asText()).isEqualTo(jar);
    assertThat(steps.step("download").at("/env/JAR").asText()).isEqualTo(jar);
    assertThat(steps.step("build").at("/env/JAR").asText()).isEqualTo(jar);
    assertThat(steps.step("cache").at("/with/path").asText()).isEqualTo(jar);
  }

  @Test
  void aTaggedActionRunsItsOwnRelease() {
    StepResult resolved = action().github("action_ref", "v0.2.0").run("resolve");

    assertThat(resolved.code()).as(resolved.output()).isZero();
    assertThat(resolved.outputs())
        .containsEntry("source", "release")
        .containsEntry("version", "0.2.0")
        .containsEntry("jar", tmp.resolve("badgesmith/badgesmith-0.2.0.jar").toString());
  }

  @Test
  void withoutTheActionsRefTheFolderOfItsCopyNamesTheRelease() throws IOException {
    // Where the runner puts a copy of badgesmith/badgesmith@v0.2.0.
    Path copy = Files.createDirectories(tmp.resolve("_actions/badgesmith/badgesmith/v0.2.0"));

    StepResult resolved = action(copy, "").run("resolve");

    assertThat(resolved.code()).as(resolved.output()).isZero();
    assertThat(resolved.outputs())
        .containsEntry("source", "release")
        .containsEntry("version", "0.2.0");
  }

  @Test
  void theVersionInputWinsOverTheActionsRef() {
    StepResult resolved =
        action().input("version", "v0.3.1-rc.1").github("action_ref", "v0.2.0").run("resolve");

    assertThat(resolved.code()).as(resolved.output()).isZero();
    assertThat(resolved.outputs()).containsEntry("version", "0.3.1-rc.1");
  }

  @Test
  void aVersionThatNamesNoReleaseIsRefused() {
    StepResult resolved = action().input("version", "latest").run("resolve");

    assertThat(resolved.code()).isNotZero();
    assertThat(resolved.output()).contains("::error", "'latest' is not a release version");
  }

  @Test
  void anActionPinnedToACommitBuildsItsSourceCachedByThatCommit() {
    StepResult resolved = action().github("action_ref", COMMIT).run("resolve");

    assertThat(resolved.code()).as(resolved.output()).isZero();
    assertThat(resolved.outputs())
        .containsEntry("source", "build")
        .containsEntry("commit", COMMIT)
        .containsEntry("jar", tmp.resolve("badgesmith/badgesmith-" + COMMIT + ".jar").toString());
  }

  @Test
  void anActionOnABranchIsCachedByTheDigestOfItsFiles() throws IOException {
    Path copy = Files.createDirectories(tmp.resolve("action-copy"));
    Files.writeString(copy.resolve("pom.xml"), "<project/>");
    Files.createDirectories(copy.resolve("target"));
    Files.writeString(copy.resolve("target/built.txt"), "ignored");

    String first = action(copy, "main").run("resolve").outputs().get("commit");
    Files.writeString(copy.resolve("target/built.txt"), "still ignored");
    String afterBuild = action(copy, "main").run("resolve").outputs().get("commit");
    Files.writeString(copy.resolve("pom.xml"), "<project></project>");
    String afterEdit = action(copy, "main").run("resolve").outputs().get("commit");

    assertThat(first).matches("files-[0-9a-f]{40}").isEqualTo(afterBuild);
    assertThat(afterEdit).matches("files-[0-9a-f]{40}").isNotEqualTo(first);
  }

  @Test
  void downloadsTheReleaseJarAndChecksItAgainstSha256sums() throws Exception {
    byte[] jar = printArgumentsJar();
    Path release = Files.createDirectories(tmp.resolve("releases/v0.2.0"));
    Files.write(release.resolve("badgesmith-0.2.0.jar"), jar);
    Files.writeString(release.resolve("badgesmith"), "#!/bin/sh\n");
    Files.writeString(
        release.resolve("SHA256SUMS"),
        sha256(Files.readAllBytes(release.resolve("badgesmith")))
            + "  badgesmith\n"
            + sha256(jar)
            + "  badgesmith-0.2.0.jar\n");

    CompositeAction action = action().github("action_ref", "v0.2.0");
    action.environment("BADGESMITH_RELEASES_URL", serve(tmp.resolve("releases")));
    StepResult resolved = action.run("resolve");
    StepResult downloaded = action.run("download");

    assertThat(downloaded.code()).as(downloaded.output()).isZero();
    assertThat(downloaded.output()).contains("badgesmith-0.2.0.jar.part: OK");
    assertThat(Path.of(resolved.outputs().get("jar"))).hasBinaryContent(jar);
  }

  @Test
  void aTamperedJarFailsTheStepAndIsNotKept() throws Exception {
    byte[] jar = printArgumentsJar();
    Path release = Files.createDirectories(tmp.resolve("releases/v0.2.0"));
    Files.writeString(release.resolve("SHA256SUMS"), sha256(jar) + "  badgesmith-0.2.0.jar\n");
    jar[jar.length / 2] ^= 1;
    Files.write(release.resolve("badgesmith-0.2.0.jar"), jar);

    CompositeAction action = action().github("action_ref", "v0.2.0");
    action.environment("BADGESMITH_RELEASES_URL", serve(tmp.resolve("releases")));
    StepResult resolved = action.run("resolve");
    StepResult downloaded = action.run("download");

    assertThat(downloaded.code()).isNotZero();
    assertThat(downloaded.output())
        .contains("FAILED")
        .contains(
            "::error title=Badgesmith::badgesmith-0.2.0.jar does not match the SHA-256 in"
                + " SHA256SUMS of release v0.2.0");
    assertThat(Path.of(resolved.outputs().get("jar"))).doesNotExist();
    try (Stream<Path> left = Files.list(tmp.resolve("badgesmith"))) {
      assertThat(left).noneMatch(f -> f.getFileName().toString().endsWith(".jar.part"));
    }
  }

  @Test
  void aJarThatSha256sumsDoesNotListFailsTheStep() throws Exception {
    byte[] jar = printArgumentsJar();
    Path release = Files.createDirectories(tmp.resolve("releases/v0.2.0"));
    Files.write(release.resolve("badgesmith-0.2.0.jar"), jar);
    Files.writeString(release.resolve("SHA256SUMS"), sha256(jar) + "  badgesmith.jar\n");

    CompositeAction action = action().github("action_ref", "v0.2.0");
    action.environment("BADGESMITH_RELEASES_URL", serve(tmp.resolve("releases")));
    action.run("resolve");
    StepResult downloaded = action.run("download");

    assertThat(downloaded.code()).isNotZero();
    assertThat(downloaded.output())
        .contains("SHA256SUMS of release v0.2.0 does not list badgesmith-0.2.0.jar");
  }

  @Test
  void aReleaseThatDoesNotExistFailsTheStep() throws Exception {
    Files.createDirectories(tmp.resolve("releases"));
    CompositeAction action = action().github("action_ref", "v9.9.9");
    action.environment("BADGESMITH_RELEASES_URL", serve(tmp.resolve("releases")));
    action.run("resolve");
    StepResult downloaded = action.run("download");

    assertThat(downloaded.code()).isNotZero();
    assertThat(downloaded.output()).contains("404");
  }

  @Test
  void runsTheCommandOnTheSiteWithTheArgumentsSplitButNotExpanded() throws Exception {
    Path jar = tmp.resolve("badgesmith/badgesmith-0.2.0.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, printArgumentsJar());
    CompositeAction action =
        action()
            .github("action_ref", "v0.2.0")
            .input("command", "build")
            .input("site", "my badges")
            .input("args", "--out \"public site\" --cache $RUNNER_TEMP/cache 'a b' $(id)")
            .environment("BADGESMITH_SALT_SECRET", "from-the-step");
    action.run("resolve");

    StepResult ran = action.run("run");

    assertThat(ran.code()).as(ran.output()).isZero();
    assertThat(ran.output().lines())
        .containsExactly(
            "arg: build",
            "arg: my badges",
            "arg: --out",
            "arg: public site",
            "arg: --cache",
            "arg: $RUNNER_TEMP/cache",
            "arg: a b",
            "arg: $(id)",
            "secret: from-the-step");
  }

  @Test
  void runsTheCommandOnTheCurrentFolderByDefault() throws Exception {
    Path jar = tmp.resolve("badgesmith/badgesmith-0.2.0.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, printArgumentsJar());
    CompositeAction action = action().github("action_ref", "v0.2.0").input("command", "check");
    action.run("resolve");

    StepResult ran = action.run("run");

    assertThat(ran.code()).as(ran.output()).isZero();
    assertThat(ran.output().lines()).containsExactly("arg: check", "arg: .", "secret: null");
  }

  @Test
  void runsTheCommandThroughTheLauncherWhichKeepsItsClassArchiveForTheCacheStep() throws Exception {
    Path jar = tmp.resolve("badgesmith/badgesmith-0.2.0.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, printArgumentsJar());
    CompositeAction action = action().github("action_ref", "v0.2.0").input("command", "check");
    action.run("resolve");

    StepResult first = action.run("run");
    StepResult second = action.run("run");

    assertThat(first.code()).as(first.output()).isZero();
    assertThat(second.output()).isEqualTo(first.output());
    // The folder the cache step keeps holds the one archive the launcher made for the jar.
    assertThat(action.step("jvm").at("/with/path").asText())
        .isEqualTo("${{ runner.temp }}/badgesmith/jvm");
    try (Stream<Path> archives = Files.list(tmp.resolve("badgesmith/jvm"))) {
      assertThat(archives.map(a -> a.getFileName().toString()))
          .singleElement()
          .asString()
          .startsWith("badgesmith-")
          .matches(".*\\.(jsa|aot)");
    }
  }

  @Test
  void anUnmatchedQuoteInArgsFailsBeforeTheCommandRuns() throws Exception {
    Path jar = tmp.resolve("badgesmith/badgesmith-0.2.0.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, printArgumentsJar());
    CompositeAction action =
        action()
            .github("action_ref", "v0.2.0")
            .input("command", "build")
            .input("args", "--out 'public");
    action.run("resolve");

    StepResult ran = action.run("run");

    assertThat(ran.code()).isNotZero();
    assertThat(ran.output()).contains("unmatched single quote").doesNotContain("arg: ");
  }

  /** The complete workflow in the README's section on the action. */
  private static String readmeExample() throws IOException {
    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    int section = readme.indexOf("\n### The GitHub Action\n");
    assertThat(section).as("the README's section on the action").isPositive();
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    return readme.substring(start, readme.indexOf("```\n", start));
  }

  /** The action's steps as the jobs of a reusable workflow with the same inputs, for actionlint. */
  private static ObjectNode asReusableWorkflow(JsonNode action) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode workflow = nodes.objectNode();
    workflow.put("name", action.path("name").asText());
    ObjectNode inputs = workflow.putObject("on").putObject("workflow_call").putObject("inputs");
    action
        .path("inputs")
        .properties()
        .forEach(
            input -> {
              ObjectNode declared = inputs.putObject(input.getKey());
              declared.put("description", input.getValue().path("description").asText());
              declared.put("type", "string");
              declared.put("required", input.getValue().path("required").asBoolean());
              if (input.getValue().has("default")) {
                declared.put("default", input.getValue().get("default").asText());
              }
            });
    ObjectNode job = workflow.putObject("jobs").putObject("action");
    job.put("runs-on", "ubuntu-latest");
    ObjectNode outputs = job.putObject("outputs");
    action
        .path("outputs")
        .properties()
        .forEach(o -> outputs.put(o.getKey(), o.getValue().path("value").asText()));
    job.set("steps", action.at("/runs/steps").deepCopy());
    return workflow;
  }

  private CompositeAction action() {
    return action(REPOSITORY, "v0.2.0");
  }

  private CompositeAction action(Path actionPath, String ref) {
    return new CompositeAction(ACTION, tmp)
        .github("action_ref", ref)
        .github("action_path", actionPath.toString());
  }

  /** A runnable jar whose main class prints its arguments. */
  private static byte[] printArgumentsJar() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PrintArguments.class.getName());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    String entry = PrintArguments.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(bytes, manifest);
        InputStream in = PrintArguments.class.getResourceAsStream("PrintArguments.class")) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** Serves a folder's files from 127.0.0.1; returns its base URL. */
  private String serve(Path folder) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Path file = folder.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          try (exchange) {
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
              exchange.sendResponseHeaders(404, -1);
              return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
