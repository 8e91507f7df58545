package dev.badgesmith.source;

import dev.badgesmith.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The private-key scan of a site folder's files, after the scanner listed them: what it found
 * listed is checked without walking its folders again.
 */
final class KeyScan {
  /** Folders of tools and of build output, where no site file lives. */
  private static final Set<String> NOT_SCANNED_FOR_KEYS =
      Set.of(".git", "node_modules", "target", ".badgesmith");

  /** Key files are small; a larger file is a picture or an archive, not a key. */
  private static final long MAX_KEY_FILE_BYTES = 256 * 1024;

  private final Path root;
  private final Function<Path, String> relative;
  private final Diagnostics diagnostics;

  /**
   * @param relative a file's path in the site, as diagnostics name it
   */
  KeyScan(Path root, Function<Path, String> relative, Diagnostics diagnostics) {
    this.root = root;
    this.relative = relative;
    this.diagnostics = diagnostics;
  }

  /**
   * Reports every file under the site folder that holds a private key, but those the loader reads
   * (it checks them on the bytes it reads), so no file is read twice for it. The award folder,
   * which a large site fills with thousands of files, was listed already: it is not walked again.
   * Every file that is published (static files, designs, issuer images) is checked whatever its
   * folder, name or size; a file that is not is checked up to {@value #MAX_KEY_FILE_BYTES} bytes,
   * outside the folders of tools and of build output.
   */
  void privateKeys(
      Set<String> readByLoader,
      List<SourceFile> unreadAwardFiles,
      List<SourceFile> statics,
      List<Path> hidden,
      List<Path> tooDeep) {
    Path awards = root.resolve("awards");
    Path staticFolder = root.resolve("static");
    unreadAwardFiles.forEach(f -> check(f.file(), false));
    statics.forEach(f -> check(f.file(), true));
    hidden.stream()
        .filter(h -> h.startsWith(awards) || h.startsWith(staticFolder))
        .forEach(h -> check(h, h.startsWith(staticFolder)));
    List<Path> roots = new ArrayList<>(List.of(root));
    tooDeep.stream().filter(d -> d.startsWith(awards)).forEach(roots::add);
    for (Path start : roots) {
      walkForKeys(start, readByLoader, awards, staticFolder);
    }
  }

  /** Checks one file; any size when it is published, else small files only. */
  private void check(Path file, boolean published) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      if (attrs.isRegularFile() && (published || attrs.size() <= MAX_KEY_FILE_BYTES)) {
        PrivateKeyCheck.check(relative.apply(file), file, attrs.size(), diagnostics);
      }
    } catch (IOException e) {
      // unreadable files are reported where read
    }
  }

  private void walkForKeys(Path start, Set<String> readByLoader, Path awards, Path statics) {
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              boolean skip =
                  !dir.equals(start)
                      && (dir.equals(awards)
                          || dir.equals(statics) // every file checked already
                          || NOT_SCANNED_FOR_KEYS.contains(name)
                          || SiteScanner.isPublishedSite(dir));
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              String path = relative.apply(file);
              // Designs and issuer images are published whatever their size.
              boolean published = path.startsWith("badges/") || path.startsWith("issuers/");
              if (attrs.isRegularFile()
                  && (published || attrs.size() <= MAX_KEY_FILE_BYTES)
                  && !readByLoader.contains(path)) {
                PrivateKeyCheck.check(path, file, attrs.size(), diagnostics);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // unreadable files are reported where read
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
