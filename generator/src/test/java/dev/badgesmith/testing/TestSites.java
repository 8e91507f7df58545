package dev.badgesmith.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small badge sites for tests: unpacked from one text block, or copied from test resources. */
public final class TestSites {
  private TestSites() {}

  /**
   * Writes the files of a text block into {@code dir}. Each file starts with a line {@code --
   * path/of/file}; the lines up to the next such line are its content.
   */
  public static Path unpack(Path dir, String files) {
    String path = null;
    List<String> lines = new ArrayList<>();
    for (String line : (files + "\n-- ").split("\n", -1)) {
      if (line.startsWith("-- ")) {
        if (path != null) {
          write(dir.resolve(path), String.join("\n", lines) + "\n");
        }
        path = line.substring(3).strip();
        lines.clear();
      } else {
        lines.add(line);
      }
    }
    return dir;
  }

  /**
   * A case of {@code invalid/} unpacked: the {@link #MINIMAL} site, the files its {@code
   * -- @delete} section names deleted, then the files of its overlay (the text before {@code
   * -- @expected}).
   */
  public static Path unpackCase(Path dir, String overlay) {
    unpack(dir, MINIMAL);
    int deleteAt = overlay.indexOf("-- @delete\n");
    if (deleteAt >= 0) {
      String rest = overlay.substring(deleteAt + "-- @delete\n".length());
      int next = rest.indexOf("\n-- ");
      for (String path : (next < 0 ? rest : rest.substring(0, next)).strip().split("\n")) {
        try {
          Files.delete(dir.resolve(path));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      overlay = overlay.substring(0, deleteAt) + (next < 0 ? "" : rest.substring(next + 1));
    }
    return unpack(dir, overlay);
  }

  /** A valid one-issuer, one-badge, one-award site that tests change file by file. */
  public static final String MINIMAL =
      """
      -- site.yaml
      title: Test Guild
      baseUrl: https://badges.example.org/guild/
      -- issuers/guild.yaml
      name: The Guild
      url: https://guild.example.org/
      email: badges@guild.example.org
      -- badges/intro.md
      ---
      name: Intro
      description: Took the intro.
      ---
      Finish the **intro** course.
      -- badges/intro.svg
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
      -- awards/intro/jane.yaml
      recipient:
        email: jane@example.org
      issuedOn: 2025-03-14
      """;

  public static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder tree. */
  public static void copy(Path from, Path to) {
    for (Map.Entry<String, byte[]> e : read(from).entrySet()) {
      try {
        Path target = to.resolve(e.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, e.getValue());
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }

  /** Every file under a folder, by relative path with forward slashes. */
  public static Map<String, byte[]> read(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Builds a site of the test resources into {@code out}; the build must have no diagnostics. */
  public static Map<String, byte[]> build(String site, Path out) {
    dev.badgesmith.Report report =
        dev.badgesmith.Badgesmith.builder().build().build(resources(site), out);
    if (!withoutSaltWarning(report.diagnostics()).isEmpty()) {
      throw new AssertionError(
          "the test site " + site + " has diagnostics: " + report.diagnostics());
    }
    return read(out);
  }

  /**
   * A site's diagnostics but the warning that e-mail hashes are salted without a secret (BSG114):
   * the test sites, the example site among them, publish plain e-mail recipients without {@code
   * BADGESMITH_SALT_SECRET} on purpose, so that their published hashes stay fixed.
   */
  public static java.util.List<dev.badgesmith.diag.Diagnostic> withoutSaltWarning(
      java.util.List<dev.badgesmith.diag.Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(d -> d.code() != dev.badgesmith.diag.Code.UNSALTED_HASHES)
        .toList();
  }

  /** Builds the repository's example site, signed with its demonstration keys. */
  public static dev.badgesmith.Report buildExample(Path out) {
    return dev.badgesmith.Badgesmith.builder()
        .keysDirectory(Path.of("../example-keys").toAbsolutePath().normalize())
        .build()
        .build(Path.of("../example-site").toAbsolutePath().normalize(), out);
  }

  /** The folder of test resources, from the module's base directory. */
  public static Path resources(String folder) {
    return Path.of("src/test/resources").resolve(folder).toAbsolutePath();
  }

  /**
   * The standards' reference files beside the project ({@code ../shared/spec}); absent on a user's
   * fresh clone, where the tests that need them skip.
   */
  public static Path spec() {
    String configured = System.getProperty("badgesmith.spec");
    if (configured != null && !configured.isBlank() && !configured.contains("${")) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return Path.of("../../shared/spec").toAbsolutePath().normalize();
  }
}
