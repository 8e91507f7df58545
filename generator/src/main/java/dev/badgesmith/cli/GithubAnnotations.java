package dev.badgesmith.cli;

import dev.badgesmith.diag.Diagnostic;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnostics as GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), so
 * a pull request shows each problem on the line of the file it is in.
 */
final class GithubAnnotations {
  private final Path site;
  private final Optional<Path> workspace;

  private GithubAnnotations(Path site, Optional<Path> workspace) {
    this.site = site;
    this.workspace = workspace;
  }

  /** Present when the command runs in a GitHub Actions job. */
  static Optional<GithubAnnotations> in(Map<String, String> environment, Path site) {
    if (!"true".equals(environment.get("GITHUB_ACTIONS"))) {
      return Optional.empty();
    }
    Optional<Path> workspace =
        Optional.ofNullable(environment.get("GITHUB_WORKSPACE")).map(Path::of);
    return Optional.of(new GithubAnnotations(site, workspace));
  }

  String annotation(Diagnostic d) {
    String message = d.message() + d.hint().map(h -> "\nhint: " + h).orElse("");
    return "::"
        + d.severity().label()
        + " file="
        + property(file(d))
        + ",line="
        + d.line()
        + ",col="
        + d.column()
        + ",title="
        + property(d.code().id())
        + "::"
        + data(message);
  }

  /** The file as GitHub names it: relative to the repository (the workspace), with slashes. */
  private String file(Diagnostic d) {
    Path file = site.resolve(d.path()).normalize();
    if (workspace.isPresent() && file.isAbsolute()) {
      Path root = workspace.get().toAbsolutePath().normalize();
      if (file.startsWith(root)) {
        file = root.relativize(file);
      }
    } else if (workspace.isEmpty() && file.isAbsolute()) {
      Path here = Path.of("").toAbsolutePath();
      if (file.startsWith(here)) {
        file = here.relativize(file);
      }
    }
    return file.toString().replace('\\', '/');
  }

  /** The message: percent signs and line ends escaped, as GitHub's toolkit does. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: also its separators, ':' and ','. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
