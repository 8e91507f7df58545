package dev.badgesmith.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.badgesmith.source.SiteScanner;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches a site folder and every folder under it, including folders made later, and calls back
 * once per burst of changes: an editor's save (a temporary file, a rename, a touch) is one burst,
 * because the call waits until the folder has been quiet for a moment.
 */
final class SiteWatcher implements Closeable {
  /** Folders of tools and build output at the site's top, where no site file lives. */
  private static final Set<String> TOOL_FOLDERS =
      Set.of(".git", ".badgesmith", "node_modules", "target");

  private final Path root;
  private final List<Path> ignored;
  private final Duration quietPeriod;
  private final Runnable onChange;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final Thread thread;

  /**
   * @param ignored folders whose changes do not count, such as the output folder
   */
  SiteWatcher(Path root, List<Path> ignored, Duration quietPeriod, Runnable onChange) {
    this.root = root.toAbsolutePath().normalize();
    this.ignored = ignored.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.quietPeriod = quietPeriod;
    this.onChange = onChange;
    try {
      this.service = this.root.getFileSystem().newWatchService();
      registerTree(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.thread = new Thread(this::run, "badgesmith-watch");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // The service was closing anyway; nothing is left to release.
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (true) {
        boolean changed = handle(service.take());
        // Debounce: gather events until none came for the quiet period.
        WatchKey next;
        while ((next = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          changed |= handle(next);
        }
        if (changed) {
          onChange.run();
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // Closed: the preview stops.
    }
  }

  /** Registers new folders; says whether any event concerns the site. */
  private boolean handle(WatchKey key) {
    Path folder = folders.get(key);
    boolean changed = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        // Events were lost, new folders among them perhaps: look at the whole tree again.
        registerTree(root);
        changed = true;
        continue;
      }
      if (folder == null) {
        continue;
      }
      Path child = folder.resolve((Path) event.context());
      if (isIgnored(child)) {
        continue;
      }
      changed = true;
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        registerTree(child);
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
    return changed;
  }

  private void registerTree(Path start) {
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              if (!dir.equals(root) && isIgnored(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // gone again, or unreadable: nothing to watch
            }
          });
    } catch (ClosedWatchServiceException e) {
      // Closing.
    } catch (IOException e) {
      // A folder that vanished while being walked: its parent's events tell the rest.
    }
  }

  private boolean isIgnored(Path path) {
    for (Path folder : ignored) {
      if (path.startsWith(folder)) {
        return true;
      }
    }
    Path relative = root.relativize(path);
    if (relative.getNameCount() > 0 && TOOL_FOLDERS.contains(relative.getName(0).toString())) {
      return true;
    }
    // A build reads no hidden file or folder (the writer's lock and journal beside an output
    // inside the site are hidden too), so a change to one changes nothing.
    if (SiteScanner.isHidden(relative.toString().replace('\\', '/'))) {
      return true;
    }
    return isEditorScratch(path.getFileName().toString());
  }

  /** Files editors write beside the one being saved: swap, backup and lock files. */
  private static boolean isEditorScratch(String name) {
    return name.endsWith("~")
        || name.endsWith(".swp")
        || name.endsWith(".swx")
        || name.startsWith(".#")
        || name.equals("4913");
  }
}
