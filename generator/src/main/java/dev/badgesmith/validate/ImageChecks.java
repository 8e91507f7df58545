package dev.badgesmith.validate;

import dev.badgesmith.bake.PngSignature;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.Severity;
import dev.badgesmith.images.ImageInspector;
import dev.badgesmith.images.ImageProblem;
import dev.badgesmith.load.Docs.BadgeDoc;
import dev.badgesmith.load.Located;
import dev.badgesmith.model.ImageFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The images the site's records name, or a badge class's design found beside it: inside the site,
 * PNG or SVG, really what their names say, and sound inside (see {@link ImageInspector}).
 */
final class ImageChecks {
  private final SitePaths paths;
  private final Diagnostics d;
  private final ImageInspector inspector;

  ImageChecks(SitePaths paths, Diagnostics d, ImageInspector inspector) {
    this.paths = paths;
    this.d = d;
    this.inspector = inspector;
  }

  /**
   * A badge class's design: drawn from its {@code design:} block, the file its {@code image:}
   * names, or the one beside it.
   */
  Optional<ImageFile> badgeDesign(BadgeDoc b, long maxImageBytes) {
    if (b.design().isPresent()) {
      return new DesignChecks(d, inspector).design(b, b.design().get(), maxImageBytes);
    }
    return b.image().isPresent()
        ? image(b.image().get(), maxImageBytes)
        : defaultDesign(b, maxImageBytes);
  }

  /** badges/<id>.svg or .png beside the badge class; exactly one of them. */
  Optional<ImageFile> defaultDesign(BadgeDoc b, long maxImageBytes) {
    List<String> found = new ArrayList<>();
    for (String format : List.of("svg", "png")) {
      if (Files.isRegularFile(paths.root().resolve("badges/" + b.id() + "." + format))) {
        found.add("badges/" + b.id() + "." + format);
      }
    }
    if (found.size() == 1) {
      return image(new Located<>(found.get(0), b.frontMatterAt()), maxImageBytes);
    }
    d.add(
        Diagnostic.error(
                Code.MISSING_IMAGE,
                b.frontMatterAt(),
                found.isEmpty()
                    ? "no design for badge class '" + b.id() + "'"
                    : "two designs for badge class '"
                        + b.id()
                        + "': "
                        + String.join(" and ", found))
            .withHint(
                found.isEmpty()
                    ? "add badges/" + b.id() + ".svg or .png, or name the file with 'image:'"
                    : "remove one, or choose one with 'image:'"));
    return Optional.empty();
  }

  /** An image named in a file: inside the site, PNG or SVG, and really what its name says. */
  Optional<ImageFile> image(Located<String> named, long maxImageBytes) {
    String path = named.value();
    Path root = paths.root();
    Optional<Path> within =
        paths.withinSite(named, Code.MISSING_IMAGE, "image", "badges/design.svg");
    if (within.isEmpty()) {
      return Optional.empty();
    }
    Path file = within.get();
    String format = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (!format.equals("png") && !format.equals("svg")) {
      d.add(
          Diagnostic.error(
                  Code.MISSING_IMAGE, named.at(), "the image '" + path + "' is not PNG or SVG")
              .withHint("Open Badges images are .png or .svg files"));
      return Optional.empty();
    }
    try {
      if (!Files.isRegularFile(file)) {
        d.add(
            Diagnostic.error(Code.MISSING_IMAGE, named.at(), "no image file '" + path + "'")
                .withHint("paths are relative to the site folder"));
        return Optional.empty();
      }
      if (!looksLike(file, format)) {
        d.add(
            Diagnostic.error(
                Code.MISSING_IMAGE,
                named.at(),
                "'" + path + "' is not a " + format.toUpperCase(Locale.ROOT) + " image"));
        return Optional.empty();
      }
      if (!inspect(file, path, format, maxImageBytes)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      d.add(
          Diagnostic.error(
              Code.MISSING_IMAGE,
              named.at(),
              "cannot read the image '" + path + "': " + e.getMessage()));
      return Optional.empty();
    }
    return Optional.of(new ImageFile(root.relativize(file).toString().replace('\\', '/'), format));
  }

  /**
   * Reports what is wrong inside an image (corrupt, unsafe, too large, not square) in the image
   * file itself; false when any of it is an error.
   */
  private boolean inspect(Path file, String path, String format, long maxImageBytes)
      throws IOException {
    boolean ok = true;
    for (ImageProblem p : inspector.inspect(Files.readAllBytes(file), format, maxImageBytes)) {
      d.add(p.in(path));
      ok &= p.severity() != Severity.ERROR;
    }
    return ok;
  }

  private static boolean looksLike(Path file, String format) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(1024);
      if (format.equals("png")) {
        return PngSignature.startsWith(head);
      }
      return new String(head, StandardCharsets.UTF_8).contains("<svg");
    }
  }
}
