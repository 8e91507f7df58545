package dev.badgesmith.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.testing.SiteSchemas;
import dev.badgesmith.testing.TestSites;
import dev.badgesmith.testing.Workflows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} through the library: a new site that builds at once, with its workflows. */
class SiteInitTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 14);
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  static InitRequest.Builder request(Path site) {
    return InitRequest.builder(site).today(TODAY).badgesmithVersion("1.2.3");
  }

  @Test
  void aNewSiteBuildsAtOnceWithTheSettingsGiven(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("guild-badges");
    SiteInit.Result result =
        init(
            request(site)
                .title("The Guild: \"Badges\" # 1")
                .baseUrl("https://guild.example.net/badges/")
                .issuerName("The Guild")
                .issuerEmail("badges@guild.example.net")
                .build(),
            new SecureRandom());

    assertThat(result.files())
        .contains(
            "site.yaml",
            "issuers/the-guild.yaml",
            "badges/welcome.md",
            "awards/welcome/example-earner.yaml",
            ".gitignore",
            ".github/CODEOWNERS",
            ".github/workflows/check.yml",
            ".github/workflows/deploy.yml",
            "README.md",
            "schemas/site.schema.json",
            "schemas/award.schema.json");
    assertThat(TestSites.read(site).keySet()).containsExactlyInAnyOrderElementsOf(result.files());

    // The workflow passes a secret that was never set as an empty variable.
    Report report =
        Badgesmith.builder()
            .environment(Map.of("BADGESMITH_SALT_SECRET", ""))
            .build()
            .build(site, tmp.resolve("out"));
    assertThat(report.diagnostics()).isEmpty();
    Path out = tmp.resolve("out");
    assertThat(out.resolve("index.html")).content().contains("The Guild: &quot;Badges&quot; # 1");
    assertThat(out.resolve("badges/welcome.json"))
        .content()
        .contains("\"id\": \"https://guild.example.net/badges/badges/welcome.json\"");
    assertThat(out.resolve("issuers/the-guild.json"))
        .content()
        .contains("\"email\": \"badges@guild.example.net\"");
    assertThat(out.resolve("assertions/welcome/example-earner.json"))
        .content()
        .contains("\"issuedOn\": \"2026-03-14T00:00:00Z\"");
    assertThat(out.resolve("assertions/welcome/example-earner.png")).exists();
    assertThat(out.resolve("credentials")).doesNotExist();
    // The first badge's design is drawn from its design: block, with no file of its own.
    assertThat(site.resolve("badges/welcome.md")).content().contains("design:", "icon: star-fill");
    assertThat(out.resolve("badges/welcome.svg")).content().contains(">Welcome</text>");
    assertThat(out.resolve("badges/welcome.png")).isNotEmptyFile();
  }

  @Test
  void theDefaultsMakeAValidSiteNamedAfterItsFolder(@TempDir Path tmp) {
    Path site = tmp.resolve("my-badges");
    init(request(site).build(), new SecureRandom());

    assertThat(site.resolve("site.yaml"))
        .content()
        .contains("title: \"My Badges\"")
        .contains("baseUrl: \"https://example.github.io/my-badges/\"");
    assertThat(Badgesmith.builder().build().check(site).diagnostics()).isEmpty();
  }

  @Test
  void withSigningTheKeyIsMadeOutsideTheSiteAndTheBuildSignsWithItFromTheSecret(@TempDir Path tmp)
      throws IOException {
    Path site = tmp.resolve("guild");
    SiteInit.Result result = init(request(site).signing(true).build(), new SecureRandom());

    Path privateKey = tmp.resolve("guild-keys/rsa-1.pem");
    assertThat(result.signing()).map(InitRequest.Signing::privateKeyFile).contains(privateKey);
    assertThat(privateKey).content().startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(site.resolve("keys/rsa-1.pem")).content().startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(site.resolve("site.yaml")).content().contains("jwt: rsa-1");

    Map<String, String> env = deployEnvironment(site, List.of("BADGESMITH_KEY_RSA_1"));
    assertThat(env).containsKey("BADGESMITH_KEY_RSA_1");
    // As the workflow runs it: the key from the secret, the unset salt secret empty.
    Report report =
        Badgesmith.builder()
            .environment(
                Map.of(
                    "BADGESMITH_KEY_RSA_1",
                    Files.readString(privateKey, StandardCharsets.US_ASCII),
                    "BADGESMITH_SALT_SECRET",
                    ""))
            .build()
            .build(site, tmp.resolve("out"));
    assertThat(report.diagnostics()).isEmpty();
    assertThat(tmp.resolve("out/credentials/welcome/example-earner.jwt")).exists();
    assertThat(tmp.resolve("out/keys/rsa-1.json")).exists();
  }

  @Test
  void theNewSiteHasALockOfItsExampleAwardAndItsReadmeSaysWhenToLock(@TempDir Path tmp) {
    Path site = tmp.resolve("site");
    SiteInit.Result result = init(request(site).build(), new SecureRandom());

    assertThat(result.files()).contains("published.lock");
    assertThat(site.resolve("published.lock"))
        .content()
        .startsWith("# published.lock v1")
        .containsPattern(
            "\nwelcome/example-earner \\d+ https://example.github.io/site/assertions/welcome/"
                + "example-earner.json sha256:[0-9a-f]{64} \\S+\n$");
    Report lockAgain = Badgesmith.builder().build().lock(site);
    assertThat(lockAgain.diagnostics()).isEmpty();
    assertThat(lockAgain.lock()).hasValueSatisfying(l -> assertThat(l.written()).isFalse());
    assertThat(site.resolve("README.md"))
        .content()
        .contains("badgesmith lock .")
        .contains("published.lock")
        .doesNotContain("@@");
  }

  @Test
  void codeownersDelegatesTheBadgesAwardsFolder(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    init(request(site).build(), new SecureRandom());

    List<String> rules =
        Files.readAllLines(site.resolve(".github/CODEOWNERS")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(rules).anyMatch(l -> l.matches("\\*\\s+@\\S+"));
    assertThat(rules).anyMatch(l -> l.matches("/awards/welcome/\\s+@\\S+"));
  }

  @Test
  void gitIgnoresTheOutputCachesAndPrivateKeysButNotPublicKeys(@TempDir Path tmp)
      throws IOException, InterruptedException {
    Path site = tmp.resolve("site");
    init(request(site).signing(true).build(), new SecureRandom());
    assumeTrue(git(site, "init", "-q") == 0, "skipped: git is needed");

    for (String ignored :
        List.of("public/index.html", ".badgesmith/cache/x.png", "rsa-2.pem", "keys/x/y.key")) {
      assertThat(git(site, "check-ignore", "-q", ignored)).as(ignored).isEqualTo(0);
    }
    for (String kept :
        List.of(
            "keys/rsa-1.pem",
            "site.yaml",
            "awards/welcome/example-earner.yaml",
            ".github/workflows/deploy.yml",
            "schemas/site.schema.json")) {
      assertThat(git(site, "check-ignore", "-q", kept)).as(kept).isEqualTo(1);
    }
  }

  @Test
  void noAddressButTheIssuersContactIsAnywhereInTheSiteOrItsOutput(@TempDir Path tmp)
      throws IOException {
    Path site = tmp.resolve("site");
    init(
        request(site).signing(true).issuerEmail("contact@guild.example.net").build(),
        new SecureRandom());
    Badgesmith.builder()
        .keysDirectory(tmp.resolve("site-keys"))
        .build()
        .build(site, tmp.resolve("out"));
    assertThat(tmp.resolve("out/index.html")).exists();

    Set<String> found = new TreeSet<>();
    List<String> recipient = new ArrayList<>();
    for (Path root : List.of(site, tmp.resolve("out"))) {
      for (Map.Entry<String, byte[]> file : TestSites.read(root).entrySet()) {
        String text = new String(file.getValue(), StandardCharsets.ISO_8859_1);
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
          found.add(m.group());
        }
        if (text.contains(SiteInit.EXAMPLE_RECIPIENT)) {
          recipient.add(file.getKey());
        }
      }
    }
    assertThat(recipient).as("files that hold the example recipient's address").isEmpty();
    assertThat(found).containsExactly("contact@guild.example.net");
    assertThat(site.resolve("awards/welcome/example-earner.yaml"))
        .content()
        .containsPattern("hashed: sha256\\$[0-9a-f]{64}")
        .doesNotContain("email:");
  }

  @Test
  void everyYamlFileNamesItsSchemaWhichItValidatesAgainst(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    SiteInit.Result result = init(request(site).signing(true).build(), new SecureRandom());

    List<String> described =
        result.files().stream().filter(f -> SiteSchemas.schemaFor(f).isPresent()).toList();
    assertThat(described).hasSize(4);
    for (String path : described) {
      Path file = site.resolve(path);
      String modeline = SiteSchemas.modeline(file).orElseThrow(() -> new AssertionError(path));
      Path schema = file.getParent().resolve(modeline).normalize();
      assertThat(schema).as("the schema %s names", path).isRegularFile();
      assertThat(schema.getFileName().toString()).isEqualTo(SiteSchemas.schemaFor(path).get());
      assertThat(SiteSchemas.validate(site, path)).as(path).isEmpty();
      assertThat(Files.readAllBytes(schema))
          .isEqualTo(
              SiteInitTest.class
                  .getResourceAsStream("/badgesmith/schemas/" + schema.getFileName())
                  .readAllBytes());
    }
  }

  @Test
  void refusesAFolderThatIsNotEmptyAndTouchesNothing(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("site");
    TestSites.write(site.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> init(request(site).build(), new SecureRandom()))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("is not empty (it holds notes.txt)")
        .hasMessageContaining("a new or empty folder");
    assertThat(TestSites.read(site).keySet()).containsExactly("notes.txt");
  }

  @Test
  void anEmptyFolderIsUsed(@TempDir Path tmp) throws IOException {
    Path site = Files.createDirectory(tmp.resolve("site"));
    init(request(site).build(), new SecureRandom());
    assertThat(site.resolve("site.yaml")).exists();
  }

  @Test
  void optionsThatMakeAnInvalidSiteLeaveNothingBehind(@TempDir Path tmp) {
    Path site = tmp.resolve("site");
    assertThatThrownBy(
            () ->
                init(
                    request(site).signing(true).baseUrl("http://insecure.example.org/").build(),
                    new SecureRandom()))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("nothing was written")
        .hasMessageContaining(
            "site.yaml:6:10: error[BSG108]: 'http://insecure.example.org/' is not an https URL");
    assertThat(site).doesNotExist();
    assertThat(tmp.resolve("site-keys/rsa-1.pem")).doesNotExist();
  }

  @Test
  void refusesAPrivateKeyInsideTheSite(@TempDir Path tmp) {
    Path site = tmp.resolve("site");
    assertThatThrownBy(
            () ->
                init(
                    request(site).signing(true).privateKeyFile(site.resolve("rsa-1.pem")).build(),
                    new SecureRandom()))
        .isInstanceOf(BadgesmithException.class)
        .hasMessageContaining("is inside the site folder");
    assertThat(site).doesNotExist();
  }

  /** The step that uses an action, such as {@code actions/checkout@}. */
  static JsonNode step(JsonNode workflow, String uses) {
    return Workflows.steps(workflow).stream()
        .filter(s -> s.path("uses").asText().startsWith(uses))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step uses " + uses));
  }

  /**
   * The build step's environment, each variable but the cache's home from the secret of its name;
   * checks the deploy workflow's permissions and Pages steps on the way.
   */
  static Map<String, String> deployEnvironment(Path site, List<String> keyVariables) {
    JsonNode deploy = Workflows.read(site.resolve(".github/workflows/deploy.yml"));
    assertThat(deploy.at("/permissions/pages").asText()).isEqualTo("write");
    assertThat(deploy.at("/permissions/id-token").asText()).isEqualTo("write");
    assertThat(deploy.at("/permissions/contents").asText()).isEqualTo("read");
    assertThat(Workflows.uses(deploy))
        .anyMatch(u -> u.startsWith("actions/configure-pages@"))
        .anyMatch(u -> u.startsWith("actions/deploy-pages@"))
        .allMatch(u -> u.matches("[\\w.-]+/[\\w.-]+@v[0-9.]+"));
    JsonNode upload = step(deploy, "actions/upload-pages-artifact@");
    assertThat(upload.at("/with/path").asText()).isEqualTo("public");
    assertThat(upload.at("/with/include-hidden-files").asBoolean()).isTrue();
    assertThat(deploy.at("/jobs/deploy/environment/name").asText()).isEqualTo("github-pages");

    JsonNode build = step(deploy, "badgesmith/badgesmith@");
    assertThat(build.at("/with/command").asText()).isEqualTo("build");
    Map<String, String> env = new java.util.TreeMap<>();
    build.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    List<String> expected = new ArrayList<>(keyVariables);
    expected.add("BADGESMITH_SALT_SECRET");
    expected.add("XDG_CACHE_HOME");
    assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    env.forEach(
        (name, value) -> {
          if (!name.equals("XDG_CACHE_HOME")) {
            assertThat(value).as(name).isEqualTo("${{ secrets." + name + " }}");
          }
        });
    return env;
  }

  private static int git(Path dir, String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** As the facade makes a site: checked and locked by the facade's lock. */
  static SiteInit.Result init(InitRequest request, SecureRandom random) {
    return SiteInit.create(
        request, random, site -> Badgesmith.builder().build().lock(site).diagnostics());
  }
}
