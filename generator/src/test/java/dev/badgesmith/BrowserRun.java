package dev.badgesmith;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.testing.KeyRotation;
import dev.badgesmith.testing.NodePackages;
import dev.badgesmith.testing.StaticHost;
import dev.badgesmith.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run of a real browser over the built example site, shared by the browser tests: Debian's
 * headless Chromium, driven by playwright-core (npm) through {@code src/test/node/browser.cjs}. The
 * example site and variants of it (before one award was revoked, with signed Open Badges 2.0
 * assertions, with key periods between the awards, after a key rotation, and with more awards than
 * the verify data holds) are built into {@code target/browser-run/served/} and served from
 * 127.0.0.1. The browser loads every page of the example site (console, failed requests, axe-core
 * in light and dark mode, screenshots to {@code target/screenshots/}), drops every {@link
 * VerifyCases} case on the verify page, and drives the skills search page. It runs once per test
 * JVM, when the first browser test asks for it; where Chromium or Node is absent, each test class
 * is skipped with a message.
 */
final class BrowserRun {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLE = Path.of("../example-site").toAbsolutePath().normalize();
  static final Path KEYS = Path.of("../example-keys").toAbsolutePath().normalize();
  static final String BASE_URL = "https://badges.rustacean-guild.example/";
  static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

  /**
   * The page types, by the output paths of their pages: adding a page type is one line here. A page
   * that matches none is still tested, as a type named by its path.
   */
  private static final Map<String, Pattern> PAGE_TYPES = new LinkedHashMap<>();

  /** The folder of a page in another language than the default: a page of the same type. */
  private static final String LANGUAGE = "(?:de/)?";

  static {
    PAGE_TYPES.put("index", Pattern.compile(LANGUAGE + "index\\.html"));
    PAGE_TYPES.put("badge", Pattern.compile(LANGUAGE + "badges/[^/]+/index\\.html"));
    PAGE_TYPES.put("award", Pattern.compile(LANGUAGE + "assertions/[^/]+/[^/]+/index\\.html"));
    PAGE_TYPES.put("verify", Pattern.compile(LANGUAGE + "verify/index\\.html"));
    PAGE_TYPES.put("issuer", Pattern.compile(LANGUAGE + "issuers/[^/]+/index\\.html"));
    PAGE_TYPES.put("earner", Pattern.compile(LANGUAGE + "earners/[^/]+/index\\.html"));
    PAGE_TYPES.put("endorsement", Pattern.compile(LANGUAGE + "endorsements/[^/]+/index\\.html"));
    PAGE_TYPES.put("404", Pattern.compile("404\\.html"));
  }

  private static BrowserRun run;
  private static RuntimeException failure;

  private final Path tmp;
  private final Path served;
  private final Map<String, String> types = new LinkedHashMap<>();
  private StaticHost host;
  private JsonNode result;

  private BrowserRun(Path tmp) {
    this.tmp = tmp;
    this.served = tmp.resolve("served");
  }

  /**
   * The run, made on first use; skips the calling test class where Chromium or Node is absent, and
   * fails it as the first one failed when the run itself did.
   */
  static synchronized BrowserRun get() throws IOException {
    Path chromium = Path.of(System.getProperty("badgesmith.chromium", "/usr/bin/chromium"));
    assumeTrue(
        Files.isExecutable(chromium),
        "skipped: no Chromium at " + chromium + " (Debian: apt-get install chromium)");
    Optional<Path> node =
        NodePackages.install("target/node-browser", "playwright-core@1.65.1", "axe-core@4.14.1");
    assumeTrue(node.isPresent(), "skipped: node and npm are needed for the browser tests");

    if (failure != null) {
      throw failure;
    }
    if (run == null) {
      Path tmp = Path.of("target/browser-run").toAbsolutePath();
      delete(tmp);
      BrowserRun made = new BrowserRun(Files.createDirectories(tmp));
      try {
        made.start(chromium, node.get());
      } catch (IOException | RuntimeException | Error e) {
        made.stop();
        failure = new IllegalStateException("the browser run failed: " + e, e);
        throw failure;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(made::stop));
      run = made;
    }
    return run;
  }

  /** The example site's pages, by path: each page's type, with "-revoked" for a revoked award. */
  Map<String, String> types() {
    return types;
  }

  /** Where the built sites are, each in a folder of its name. */
  Path served() {
    return served;
  }

  /** What browser.cjs reported: {@code pages}, {@code verify}, {@code skillsSearch}. */
  JsonNode result() {
    return result;
  }

  private void start(Path chromium, Path node) throws IOException {
    Path example = served.resolve("example");
    assertThat(TestSites.withoutSaltWarning(TestSites.buildExample(example).diagnostics()))
        .isEmpty();
    // The same site before one award was revoked: the badges its earner downloaded back then.
    Path before =
        build("before", "awards/ownership-fundamentals/tomas-novak.yaml", "(?ms)^revoked:.*");
    // The same site with signed Open Badges 2.0 assertions (JWS).
    Path signed =
        build(
            "signed",
            "site.yaml",
            "(?m)^(  dataIntegrity: .*)$",
            served.resolve("signed"),
            "$1\n  ob2: signed");
    // Key validity periods that start and end between the awards: the Ed25519 key is valid from
    // after Amara's first award (so it signs that award as of the day it took over), the RSA key
    // ends after her last.
    Path windows =
        build(
            "windows",
            "site.yaml",
            "(?ms)(?<rsa>- id: guild-rsa-2026\n.*?validFrom: [0-9-]+)"
                + "(?<ed>.*?- id: guild-ed-2026\n.*?validFrom: )[0-9-]+",
            served.resolve("windows"),
            "${rsa}\n      validUntil: 2025-07-01${ed}2025-02-01");
    // The same site after a key rotation, built from a fresh copy with only the new private keys.
    Path rotatedSource = tmp.resolve("rotated-source");
    TestSites.copy(EXAMPLE, rotatedSource);
    Path rotatedKeys = tmp.resolve("rotated-keys");
    KeyRotation.rotate(rotatedSource, rotatedKeys, "2026-12-01");
    Path rotated = served.resolve("rotated");
    assertThat(
            TestSites.withoutSaltWarning(
                Badgesmith.builder()
                    .keysDirectory(rotatedKeys)
                    .build()
                    .build(rotatedSource, rotated)
                    .diagnostics()))
        .isEmpty();
    // A site with more hosted assertions than data.js holds: their digests are in buckets.
    Path manySource = tmp.resolve("many-source");
    TestSites.copy(EXAMPLE, manySource);
    for (int i = 0; i < 300; i++) {
      Files.writeString(
          manySource.resolve("awards/first-contribution/learner-" + i + ".yaml"),
          "recipient:\n  url: https://learner-" + i + ".example.net/\nissuedOn: 2025-03-01\n",
          UTF_8);
    }
    Path many = served.resolve("many");
    assertThat(
            TestSites.withoutSaltWarning(
                Badgesmith.builder()
                    .keysDirectory(KEYS)
                    .build()
                    .build(manySource, many)
                    .diagnostics()))
        .isEmpty();

    Path inputs = Files.createDirectories(tmp.resolve("inputs"));

    host = StaticHost.start().serve(served, "/");
    String local = host.origin() + "/";

    ObjectNode config = JSON.createObjectNode();
    config.put("chromium", chromium.toString());
    config.put("screenshots", SCREENSHOTS.toString());
    ObjectNode sites = config.putObject("sites");
    for (String name : List.of("example", "signed", "windows", "rotated", "many")) {
      ObjectNode site = sites.putObject(name);
      site.put("local", local + name + "/");
      site.put("baseUrl", BASE_URL);
    }

    ArrayNode pages = config.putArray("pages");
    List<String> html;
    try (Stream<Path> walk = Files.walk(example)) {
      html =
          walk.map(p -> example.relativize(p).toString().replace('\\', '/'))
              .filter(p -> p.endsWith(".html"))
              .sorted()
              .toList();
    }
    for (String path : html) {
      String type =
          PAGE_TYPES.entrySet().stream()
              .filter(e -> e.getValue().matcher(path).matches())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(path.replace("/index.html", "").replace(".html", "").replace('/', '-'));
      boolean revoked =
          Files.readString(example.resolve(path), UTF_8).contains("class=\"banner revoked\"");
      String shot = revoked ? type + "-revoked" : type;
      ObjectNode page = pages.addObject();
      page.put("site", "example");
      page.put("type", shot);
      page.put("path", path);
      // One page of each type, and one in the revoked state, is photographed.
      page.put("screenshot", !types.containsValue(shot));
      types.put(path, shot);
    }

    VerifyCases.add(
        config.putArray("verify"),
        new VerifyCases.Sites(example, signed, before, windows, rotated, many, inputs));

    ObjectNode search = config.putArray("skillsSearch").addObject();
    search.put("name", "skills search");
    search.put("site", "example");
    search.put("path", "skills/search/");
    search.put("query", "Reviewing");
    search.put("nothing", "no such skill");
    search.put("link", "?q=lifetimes&framework=the-rust-programming-language");
    search.put("screenshot", "skills-search-filtered");

    deleteScreenshots();
    Path configFile = tmp.resolve("browser-config.json");
    Path resultFile = tmp.resolve("browser-result.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(configFile.toFile(), config);
    NodePackages.run(
        node, Path.of("src/test/node/browser.cjs"), configFile.toString(), resultFile.toString());
    result = JSON.readTree(resultFile.toFile());
  }

  private void stop() {
    if (host != null) {
      host.close();
    }
  }

  // ---- what the tests read of the result ----

  void assertFailsAt(String name, String step, String reason) {
    Map<String, String> steps = steps(name);
    List<String> order = new ArrayList<>(steps.keySet());
    assertThat(steps).as(name).containsEntry(step, "fail");
    for (String earlier : order.subList(0, order.indexOf(step))) {
      assertThat(steps.get(earlier)).as(name + ": " + earlier).isNotEqualTo("fail");
    }
    assertThat(message(name, step)).as(name).contains(reason);
    assertThat(verify(name).path("verdict").asText()).as(name).isEqualTo("fail");
  }

  JsonNode verify(String name) {
    for (JsonNode c : result.path("verify")) {
      if (c.path("name").asText().equals(name)) {
        assertThat(c.path("error").asText("")).as(name).isEmpty();
        return c;
      }
    }
    throw new AssertionError("no verify case " + name);
  }

  /** The steps of a case, in page order: step to status. */
  Map<String, String> steps(String name) {
    Map<String, String> steps = new LinkedHashMap<>();
    for (JsonNode s : verify(name).path("steps")) {
      steps.put(s.path("step").asText(), s.path("status").asText());
    }
    return steps;
  }

  String message(String name, String step) {
    for (JsonNode s : verify(name).path("steps")) {
      if (s.path("step").asText().equals(step)) {
        return s.path("message").asText();
      }
    }
    throw new AssertionError(name + " has no step " + step);
  }

  static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  // ---- building and serving ----

  /** A variant of the example site: one file changed by a regular expression, then built. */
  private Path build(String name, String file, String regex) throws IOException {
    return build(name, file, regex, tmp.resolve(name + "-site"), "");
  }

  private Path build(String name, String file, String regex, Path out, String replacement)
      throws IOException {
    Path source = tmp.resolve(name + "-source");
    TestSites.copy(EXAMPLE, source);
    // A variant is another site, not a later commit of the example site: its lock does not apply.
    Files.deleteIfExists(source.resolve("published.lock"));
    Path changed = source.resolve(file);
    String before = Files.readString(changed, UTF_8);
    String after = before.replaceAll(regex, replacement);
    assertThat(after).as(file).isNotEqualTo(before);
    Files.writeString(changed, after, UTF_8);
    Report report = Badgesmith.builder().keysDirectory(KEYS).build().build(source, out);
    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).as(name).isEmpty();
    return out;
  }

  private static void deleteScreenshots() throws IOException {
    if (Files.isDirectory(SCREENSHOTS)) {
      try (Stream<Path> files = Files.list(SCREENSHOTS)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".png")).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private static void delete(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> all = Files.walk(folder)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
