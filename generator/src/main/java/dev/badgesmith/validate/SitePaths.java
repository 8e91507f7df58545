package dev.badgesmith.validate;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.load.Located;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The files a site's records name (images, public keys): each must stay inside the site folder. */
final class SitePaths {
  private final Path root;
  private final Diagnostics d;

  SitePaths(Path root, Diagnostics d) {
    this.root = root;
    this.d = d;
  }

  Path root() {
    return root;
  }

  /**
   * The file a name in the site refers to, unless it leads out of the site folder, by its name
   * ({@code ../}, an absolute path) or through a link (reported).
   */
  Optional<Path> withinSite(Located<String> named, Code code, String what, String example) {
    Path file = root.resolve(named.value()).normalize();
    boolean outside =
        named.value().startsWith("/") || named.value().contains("\\") || !file.startsWith(root);
    try {
      outside |= Files.exists(file) && !file.toRealPath().startsWith(root);
    } catch (IOException e) {
      outside = true;
    }
    if (outside) {
      d.add(
          Diagnostic.error(
                  code,
                  named.at(),
                  "the " + what + " '" + named.value() + "' is outside the site folder")
              .withHint("name a file relative to the site folder, such as " + example));
      return Optional.empty();
    }
    return Optional.of(file);
  }
}
