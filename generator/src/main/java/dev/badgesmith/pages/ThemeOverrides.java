package dev.badgesmith.pages;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.diag.Spelling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a site's {@code templates/} folder: a file there replaces the theme's file of its name, so
 * a file that names none replaces nothing, most likely by a slip of the name (a warning). Files
 * whose names start with {@code _} are the site's own, for its overrides to import.
 */
public final class ThemeOverrides {
  /** The site's folder of theme overrides. */
  public static final String FOLDER = "templates";

  private ThemeOverrides() {}

  public static void check(Path siteRoot, Diagnostics diagnostics) {
    Path folder = siteRoot.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error(
              Code.UNREADABLE_FILE,
              SourcePosition.startOf(FOLDER),
              "cannot list " + FOLDER + "/: " + e.getMessage()));
      return;
    }
    for (Path file : files) {
      String name = folder.relativize(file).toString().replace('\\', '/');
      boolean hidden = List.of(name.split("/")).stream().anyMatch(s -> s.startsWith("."));
      boolean ownPartial = !name.contains("/") && name.startsWith("_");
      if (hidden || ownPartial || PageRenderer.THEME_FILES.contains(name)) {
        continue;
      }
      diagnostics.add(
          Diagnostic.warning(
                  Code.UNKNOWN_TEMPLATE,
                  SourcePosition.startOf(FOLDER + "/" + name),
                  "'" + name + "' is not a file of the theme, so it replaces nothing")
              .withHint(hint(name)));
    }
  }

  private static String hint(String name) {
    String known = "the theme's files are " + String.join(", ", PageRenderer.THEME_FILES);
    if (name.startsWith(ThemeTemplateLoader.DEFAULTS)) {
      return "the default theme is imported as /"
          + ThemeTemplateLoader.DEFAULTS
          + "<file> from the theme itself, never from this folder; "
          + known;
    }
    if (name.contains("/")) {
      return "only files at the top of " + FOLDER + "/ replace the theme's; " + known;
    }
    String suggestion =
        Spelling.closest(name, PageRenderer.THEME_FILES)
            .map(s -> "did you mean '" + s + "'? ")
            .orElse("");
    return suggestion
        + known
        + "; name a file of your own macros with a leading '_', such as _macros.ftlh";
  }
}
