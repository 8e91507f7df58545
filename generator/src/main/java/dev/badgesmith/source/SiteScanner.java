package dev.badgesmith.source;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.write.PublishedManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Finds the files of a badge site (design §3). Only the known folders are read, so a site can live
 * in a repository beside anything else. Ids come from file names and must be slugs.
 */
public final class SiteScanner {
  public static final String SETTINGS_FILE = "site.yaml";
  private static final Set<String> DESIGN_EXTENSIONS = Set.of("svg", "png");

  private SiteScanner() {}

  public static SiteSources scan(Path root, Diagnostics diagnostics) {
    return scan(root, diagnostics, ForkJoinPool.commonPool());
  }

  /**
   * Lists the site's files as {@link #scan(Path, Diagnostics)} does, walking folders side by side
   * on {@code pool}.
   */
  public static SiteSources scan(Path root, Diagnostics diagnostics, ForkJoinPool pool) {
    Path realRoot = realPath(root);
    Scan scan = new Scan(realRoot, diagnostics, pool);
    Path settingsFile = realRoot.resolve(SETTINGS_FILE);
    Optional<SourceFile> settings = Optional.empty();
    if (Files.isRegularFile(settingsFile)) {
      settings = scan.inside(settingsFile);
    } else {
      diagnostics.add(
          Diagnostic.error(
                  Code.MISSING_SITE_FILE,
                  SourcePosition.startOf(SETTINGS_FILE),
                  "no site.yaml in the site folder")
              .withHint("a badge site needs site.yaml with at least 'title' and 'baseUrl'"));
    }

    List<SourceFile> issuerFolder = scan.files("issuers", 1);
    List<SourceFile> issuers = new ArrayList<>();
    // A translation, <id>.<language>.<extension>, is read by the loader, which checks its parts.
    List<SourceFile> translations = new ArrayList<>();
    for (SourceFile f : issuerFolder) {
      if (isTranslation(f, "yaml", "yml", "md")) {
        translations.add(f);
        continue;
      }
      switch (f.extension()) {
        case "yaml", "yml", "md" -> scan.slug(f).ifPresent(issuers::add);
        case "png", "svg" -> {} // an issuer's image, named from its profile
        default ->
            scan.unexpected(f, "issuers/ holds <issuer-id>.yaml or .md files and their images");
      }
    }

    List<SourceFile> badgeFolder = scan.files("badges", 1);
    List<SourceFile> badges = new ArrayList<>();
    for (SourceFile f : badgeFolder) {
      if (isTranslation(f, "md")) {
        translations.add(f);
      } else if (f.hasExtension("md")) {
        scan.slug(f).ifPresent(badges::add);
      } else if (!DESIGN_EXTENSIONS.contains(f.extension())) {
        scan.unexpected(f, "badges/ holds <badge-id>.md files and their .svg or .png designs");
      }
    }

    List<SourceFile> awards = new ArrayList<>();
    List<SourceFile> awardFolder = scan.files("awards", 2);
    for (SourceFile f : awardFolder) {
      // An award is awards/<badge-id>/<file>: its path's second slash is its last.
      int folderEnd = f.path().indexOf('/', "awards/".length());
      if (folderEnd < 0 || folderEnd != f.path().lastIndexOf('/')) {
        scan.unexpected(f, "an award is awards/<badge-id>/<award-id>.yaml");
      } else if (isTranslation(f, "yaml", "yml")) {
        translations.add(f);
      } else if (f.hasExtension("yaml") || f.hasExtension("yml")) {
        if (scan.isSlug(f.folder(), f)) {
          scan.slug(f).ifPresent(awards::add);
        }
      } else if (f.hasExtension("csv")) {
        // A CSV file holds one award per row; its rows give the ids, not its name.
        if (scan.isSlug(f.folder(), f)) {
          awards.add(f);
        }
      } else {
        scan.unexpected(
            f,
            "an award is awards/<badge-id>/<award-id>.yaml, or a row of awards/<badge-id>/*.csv");
      }
    }

    // CASE packages are sources: the build reads their items into the badges' alignments.
    List<SourceFile> frameworkFolder = scan.files("frameworks", 1);
    List<SourceFile> frameworks = new ArrayList<>();
    for (SourceFile f : frameworkFolder) {
      if (f.hasExtension("json")) {
        scan.slug(f).ifPresent(frameworks::add);
      } else {
        scan.unexpected(f, "frameworks/ holds <name>.json files: CASE packages (CFPackage)");
      }
    }

    // Endorsements this site's issuers give: one file each, named by its id.
    List<SourceFile> endorsementFolder = scan.files("endorsements", 1);
    List<SourceFile> endorsements = new ArrayList<>();
    for (SourceFile f : endorsementFolder) {
      if (f.hasExtension("yaml") || f.hasExtension("yml")) {
        scan.slug(f).ifPresent(endorsements::add);
      } else {
        scan.unexpected(f, "endorsements/ holds <endorsement-id>.yaml files");
      }
    }

    List<SourceFile> staticFiles = scan.files("static", Integer.MAX_VALUE);
    List<SourceFile> all = new ArrayList<>(issuerFolder);
    all.addAll(badgeFolder);
    all.addAll(awardFolder);
    all.addAll(frameworkFolder);
    all.addAll(endorsementFolder);
    all.addAll(staticFiles);
    // The names are checked beside the key scan, which needs nothing of them; each reports into
    // its own diagnostics, added in this order, as when one ran after the other.
    Diagnostics names = new Diagnostics();
    CompletableFuture<Void> namesChecked =
        CompletableFuture.runAsync(() -> FileNames.check(all, names), pool);
    Diagnostics keys = new Diagnostics();
    Set<String> readByLoader = new java.util.HashSet<>();
    settings.ifPresent(f -> readByLoader.add(f.path()));
    for (List<SourceFile> files : List.of(issuers, badges, endorsements, translations)) {
      files.forEach(f -> readByLoader.add(f.path()));
    }
    // The award folder's files the loader does not read: the same objects the list holds.
    Set<SourceFile> read = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    read.addAll(awards);
    read.addAll(translations);
    List<SourceFile> unread = awardFolder.stream().filter(f -> !read.contains(f)).toList();
    new KeyScan(scan.root, scan::relative, keys)
        .privateKeys(readByLoader, unread, staticFiles, scan.hidden, scan.tooDeep);
    namesChecked.join();
    diagnostics.addAll(names.sorted());
    diagnostics.addAll(keys.sorted());
    return new SiteSources(
        realRoot,
        settings,
        issuers,
        badges,
        awards,
        frameworks,
        endorsements,
        staticFiles,
        translations);
  }

  /** A file named {@code <id>.<language>.<extension>}, of one of the extensions given. */
  private static boolean isTranslation(SourceFile f, String... extensions) {
    for (String extension : extensions) {
      if (f.hasExtension(extension)) {
        return SiteSources.translationOf(f).isPresent();
      }
    }
    return false;
  }

  /**
   * Whether a folder is a site Badgesmith published (such as the default {@code public/}): its
   * files are output, written by the build, not sources to check.
   */
  static boolean isPublishedSite(Path dir) {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      return PublishedManifest.startsAsOurs(manifest);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether a path in the site has a hidden part (a name starting with a dot, as a {@code .git}
   * folder or a {@code .DS_Store} file): such files are neither read nor published.
   */
  public static boolean isHidden(String path) {
    return path.startsWith(".") || path.contains("/.");
  }

  /** The site root as the file system names it, so that "inside the site" can be checked. */
  public static Path realPath(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether an id is a slug ({@code [a-z0-9][a-z0-9-]*}), as the ids of files, CSV rows and keys
   * must be; checked by hand, as it is for every file of a large site.
   */
  public static boolean isSlug(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && (i == 0 || c != '-')) {
        return false;
      }
    }
    return !id.isEmpty();
  }

  private static final class Scan {
    private final Path root;
    private final String rootName;
    private final ForkJoinPool pool;
    private final Diagnostics diagnostics;
    private final List<Path> tooDeep = new ArrayList<>();
    private final List<Path> hidden = new ArrayList<>();

    Scan(Path root, Diagnostics diagnostics, ForkJoinPool pool) {
      this.root = root;
      this.pool = pool;
      this.rootName = root.toString();
      this.diagnostics = diagnostics;
    }

    String relative(Path file) {
      // A walk from the root yields paths that start with it: cutting it off is quicker than
      // relativize for each of thousands of files.
      String name = file.toString();
      String relative =
          file.startsWith(root) && name.length() > rootName.length()
              ? name.substring(rootName.length() + 1)
              : root.relativize(file).toString();
      return relative.replace('\\', '/');
    }

    /** One entry a walk found, with its path in the site and its stamp (for a regular file). */
    private record Found(String path, Path file, BasicFileAttributes attributes, String stamp) {}

    private static final Comparator<Found> BY_PATH = (a, b) -> a.path().compareTo(b.path());

    /** Regular files under a folder of the site, at most {@code maxDepth} below it, by path. */
    List<SourceFile> files(String folder, int maxDepth) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return List.of();
      }
      List<Found> found = new ArrayList<>();
      try {
        walk(dir, Math.min(maxDepth, 1), found);
        List<Found> folders =
            maxDepth > 1
                ? found.stream().filter(f -> f.attributes().isDirectory()).toList()
                : List.of();
        found.addAll(walkAll(folders, maxDepth - 1));
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.error(
                Code.UNREADABLE_FILE,
                SourcePosition.startOf(folder),
                "cannot list " + folder + "/: " + e.getMessage()));
        return List.of();
      }
      // Each folder's part came sorted from the walkers: what is left is merging them.
      found.sort(BY_PATH);
      List<SourceFile> files = new ArrayList<>();
      for (Found f : found) {
        if (isHidden(f.path())) {
          if (f.attributes().isRegularFile()) {
            hidden.add(f.file()); // not read nor published, but still checked for keys
          }
          continue; // editor, OS and tool files such as .DS_Store, .gitkeep or a .git folder
        }
        if (f.attributes().isDirectory()) {
          if (f.path().split("/").length > maxDepth) {
            tooDeep.add(f.file());
            unexpected(
                new SourceFile(f.path(), f.file()),
                "this folder is nested too deep and is skipped");
          }
        } else if (f.attributes().isRegularFile()) {
          // not a link: inside the site
          files.add(new SourceFile(f.path(), f.file(), f.stamp()));
        } else {
          inside(f.file()).ifPresent(files::add);
        }
      }
      return files;
    }

    /**
     * Every entry under each of these folders. A large site's award folder holds thousands of files
     * in a folder per badge class: the folders are walked side by side, this thread taking the next
     * one left while idle threads of the pool take others, so it never waits for a busy pool.
     */
    private List<Found> walkAll(List<Found> folders, int maxDepth) throws IOException {
      AtomicInteger next = new AtomicInteger();
      AtomicReferenceArray<List<Found>> walked = new AtomicReferenceArray<>(folders.size());
      CountDownLatch done = new CountDownLatch(folders.size());
      AtomicReference<Exception> failed = new AtomicReference<>();
      Runnable walker =
          () -> {
            for (int i = next.getAndIncrement(); i < folders.size(); i = next.getAndIncrement()) {
              List<Found> inside = new ArrayList<>();
              try {
                walk(folders.get(i).file(), maxDepth, inside);
                inside.sort(BY_PATH);
              } catch (IOException | RuntimeException e) {
                failed.compareAndSet(null, e);
              } finally {
                walked.set(i, inside);
                done.countDown();
              }
            }
          };
      for (int helper = 1; helper < Math.min(folders.size(), pool.getParallelism() + 1); helper++) {
        pool.execute(walker);
      }
      walker.run();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (failed.get() instanceof IOException e) {
        throw e;
      } else if (failed.get() instanceof RuntimeException e) {
        throw e;
      }
      List<Found> all = new ArrayList<>();
      for (int i = 0; i < folders.size(); i++) {
        all.addAll(walked.get(i));
      }
      return all;
    }

    /** Every entry under a folder, at most {@code maxDepth} below it, but the folder itself. */
    private void walk(Path dir, int maxDepth, List<Found> found) throws IOException {
      Files.walkFileTree(
          dir,
          Set.of(),
          maxDepth,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (!d.equals(dir)) {
                found.add(new Found(relative(d), d, attrs, ""));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String stamp = attrs.isRegularFile() ? SourceFile.stamp(attrs) : "";
              found.add(new Found(relative(file), file, attrs, stamp));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              throw e;
            }
          });
    }

    /** The file as a source, unless it is a link that leads out of the site folder. */
    Optional<SourceFile> inside(Path file) {
      String path = relative(file);
      try {
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
          diagnostics.add(
              Diagnostic.error(
                      Code.UNREADABLE_FILE,
                      SourcePosition.startOf(path),
                      "this link leads out of the site folder")
                  .withHint("copy the file into the site instead of linking to it"));
          return Optional.empty();
        }
        if (!Files.isRegularFile(real)) {
          return Optional.empty();
        }
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.error(
                Code.UNREADABLE_FILE,
                SourcePosition.startOf(path),
                "cannot read the file: " + e.getMessage()));
        return Optional.empty();
      }
      return Optional.of(new SourceFile(path, file));
    }

    Optional<SourceFile> slug(SourceFile f) {
      return isSlug(f.id(), f) ? Optional.of(f) : Optional.empty();
    }

    boolean isSlug(String id, SourceFile f) {
      if (SiteScanner.isSlug(id)) {
        return true;
      }
      diagnostics.add(
          Diagnostic.error(
                  Code.INVALID_SLUG,
                  SourcePosition.startOf(f.path()),
                  "'" + id + "' is not a valid id: ids are lowercase letters, digits and '-'")
              .withHint("rename it to '" + suggest(id) + "'"));
      return false;
    }

    void unexpected(SourceFile f, String expected) {
      diagnostics.add(
          Diagnostic.warning(
                  Code.UNEXPECTED_FILE,
                  SourcePosition.startOf(f.path()),
                  "unexpected file; it is not read")
              .withHint(expected));
    }

    private static String suggest(String id) {
      String slug =
          id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
      return slug.isEmpty() ? "badge-1" : slug;
    }
  }
}
