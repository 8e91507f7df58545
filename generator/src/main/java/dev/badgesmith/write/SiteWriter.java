package dev.badgesmith.write;

import dev.badgesmith.diag.BadgesmithException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Publishes a build so that a failed or killed build leaves the previous site as it was. It
 * replaces only a folder that is empty or that Badgesmith wrote (it has our manifest), so a
 * mistyped {@code --out} cannot wipe someone's files.
 *
 * <p>A first build is staged whole beside the output folder and moved into place. A rebuild stages
 * only the files that changed, then updates the published folder in place under a journal: before
 * anything moves, the journal lists every file to add, replace or remove; each replaced or removed
 * file is set aside, not deleted, until the journal is gone. A build killed in between is rolled
 * back by the next one, from the journal. Updating in place makes a rebuild cost what changed, not
 * what the site holds.
 */
public final class SiteWriter {

  /** The manifest's path in the output: every published file, with its SHA-256. */
  public static final String MANIFEST = "manifest.json";

  private static final String JOURNAL_HEADER = "badgesmith-journal 1";

  /** The lock files of the output folders this process writes into now. */
  private static final java.util.Set<Path> LOCKED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path out;
  private final Path staging;
  private final Path previous;
  private final Path journal;
  private final Path lockFile;
  private FileChannel lockChannel;

  private StagingOutput output;

  private SiteWriter(Path out) {
    this.out = out;
    String name = out.getFileName().toString();
    this.staging = out.resolveSibling("." + name + ".staging");
    this.previous = out.resolveSibling("." + name + ".previous");
    this.journal = out.resolveSibling("." + name + ".journal");
    this.lockFile = out.resolveSibling("." + name + ".lock");
  }

  /**
   * Prepares a fresh staging folder for {@code out}, first undoing a build that was killed.
   *
   * @param index what may know the published manifest's file list, quicker to read than the
   *     manifest
   */
  public static SiteWriter open(Path out, PublishedList.Source index) {
    SiteWriter writer = new SiteWriter(out.toAbsolutePath().normalize());
    writer.lock();
    try {
      writer.recover();
      boolean update = writer.checkReplaceable();
      deleteTree(writer.staging);
      Files.createDirectories(writer.staging);
      Optional<String> stamp =
          update ? Optional.of(stamp(writer.out.resolve(MANIFEST))) : Optional.empty();
      Optional<PublishedList> indexed = stamp.flatMap(index::read);
      Optional<List<PublishedFile>> published = indexed.map(PublishedList::files);
      if (update && published.isEmpty()) {
        published =
            PublishedManifest.read(writer.out.resolve(MANIFEST)).map(PublishedManifest::files);
      }
      if (published.isPresent()) {
        writer.output =
            new StagingOutput(
                writer.staging,
                Optional.of(writer.out),
                published.get(),
                stamp,
                indexed.map(PublishedList::manifestFilesAt).orElse(-1));
      } else {
        writer.output = new StagingOutput(writer.staging);
      }
    } catch (IOException | RuntimeException e) {
      writer.unlock();
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new BadgesmithException(
          "cannot prepare the output folder " + out + ": " + e.getMessage(), e);
    }
    return writer;
  }

  /**
   * Takes the output folder for this build: one build at a time writes into a folder, or the two
   * would interleave their files. The lock is the operating system's, on a file beside the folder,
   * so a build that is killed leaves no stale lock behind.
   */
  private void lock() {
    // The operating system's locks belong to the process, and closing any channel on the file
    // drops them all: a second build in this process is told apart here, before the file is
    // touched. Process-wide, as the locks are.
    if (!LOCKED.add(lockFile)) {
      throw busy();
    }
    try {
      Files.createDirectories(lockFile.getParent());
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        channel.close();
        LOCKED.remove(lockFile);
        throw busy();
      }
      lockChannel = channel;
    } catch (IOException e) {
      LOCKED.remove(lockFile);
      throw new BadgesmithException(
          "cannot lock the output folder " + out + ": " + e.getMessage(), e);
    }
  }

  private BadgesmithException busy() {
    return new BadgesmithException(
        "another build is writing into "
            + out
            + " (it holds "
            + lockFile.getFileName()
            + "); wait for it to finish, or build into another folder");
  }

  /**
   * Lets the next build write into the output folder. The lock file stays: deleting it would let a
   * build that opened it just before lock a file no other build sees.
   */
  private void unlock() {
    FileChannel channel = lockChannel;
    lockChannel = null;
    if (channel != null) {
      try {
        channel.close(); // releases the lock
      } catch (IOException e) {
        // the lock goes with the process at the latest
      }
      LOCKED.remove(lockFile);
    }
  }

  public StagingOutput output() {
    return output;
  }

  /**
   * Publishes the staged site.
   *
   * @return how many published files were added, replaced or removed
   */
  public int commit() {
    try {
      return publish();
    } finally {
      unlock();
    }
  }

  private int publish() {
    try {
      if (!output.updatesPrevious()) {
        // No site yet, or one whose manifest cannot be read: swap the whole folder.
        if (Files.exists(out)) {
          Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(previous);
        return output.fileCount();
      }
      List<String> staged = new ArrayList<>(output.staged());
      // The manifest goes last: a reader never sees it name a file not yet in place.
      if (staged.remove(MANIFEST)) {
        staged.add(MANIFEST);
      }
      List<String> entries = new ArrayList<>();
      for (String path : staged) {
        entries.add((output.previouslyPublished(path) ? "R " : "N ") + path);
      }
      for (String path : output.removed()) {
        entries.add("D " + path);
      }
      writeJournal(entries);
      apply(entries);
      Files.delete(journal); // the commit point
      deleteTree(previous);
      deleteTree(staging);
      return entries.size();
    } catch (IOException e) {
      try {
        recover();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new BadgesmithException(
          "cannot update the output folder " + out + ": " + e.getMessage(), e);
    }
  }

  /** Drops the staged files; the old site stays. */
  public void abandon() {
    try {
      deleteTree(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      unlock();
    }
  }

  private void apply(List<String> entries) throws IOException {
    for (String entry : entries) {
      String path = entry.substring(2);
      Path published = out.resolve(path);
      setAside(path);
      if (entry.charAt(0) == 'D') {
        removeEmptyFolders(published.getParent());
      } else {
        Files.createDirectories(published.getParent());
        Files.move(staging.resolve(path), published, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  private void setAside(String path) throws IOException {
    Path aside = previous.resolve(path);
    Files.createDirectories(aside.getParent());
    try {
      Files.move(out.resolve(path), aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      // deleted by hand since the last build: nothing to set aside
    }
  }

  private void removeEmptyFolders(Path folder) throws IOException {
    for (Path dir = folder; dir != null && dir.startsWith(out) && !dir.equals(out); ) {
      try {
        Files.delete(dir);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      }
      dir = dir.getParent();
    }
  }

  /** Writes the journal whole and durably before the first file moves. */
  private void writeJournal(List<String> entries) throws IOException {
    Path partial = journal.resolveSibling(journal.getFileName() + ".partial");
    StringBuilder text = new StringBuilder(JOURNAL_HEADER).append('\n');
    entries.forEach(e -> text.append(e).append('\n'));
    try (FileChannel channel =
        FileChannel.open(
            partial,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    }
    Files.move(partial, journal, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Undoes a commit that did not finish: from its journal, in reverse, each file set aside goes
   * back and each added file goes. A swap killed between its moves is put back too.
   */
  private void recover() throws IOException {
    Files.deleteIfExists(journal.resolveSibling(journal.getFileName() + ".partial"));
    if (Files.exists(journal)) {
      List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(JOURNAL_HEADER)) {
        throw new IOException("unreadable journal " + journal + "; restore the site by hand");
      }
      for (int i = lines.size() - 1; i >= 1; i--) {
        String path = lines.get(i).substring(2);
        Path published = out.resolve(path);
        Path aside = previous.resolve(path);
        if (Files.exists(aside)) {
          Files.createDirectories(published.getParent());
          Files.move(aside, published, StandardCopyOption.REPLACE_EXISTING);
        } else if (lines.get(i).charAt(0) != 'D' && !Files.exists(staging.resolve(path))) {
          Files.deleteIfExists(published); // moved in where there was nothing
        }
      }
      Files.delete(journal);
    } else if (!Files.exists(out) && Files.isDirectory(previous)) {
      Files.move(previous, out, StandardCopyOption.ATOMIC_MOVE);
    }
    deleteTree(previous);
    deleteTree(staging);
  }

  /**
   * Whether {@code out} holds a site this tool published, to update; false when there is none yet.
   */
  private boolean checkReplaceable() throws IOException {
    if (!Files.exists(out)) {
      return false;
    }
    if (!Files.isDirectory(out)) {
      throw new BadgesmithException("the output " + out + " is a file, not a folder");
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isEmpty()) {
        return false;
      }
    }
    Path manifest = out.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest) || !PublishedManifest.startsAsOurs(manifest)) {
      throw new BadgesmithException(
          "the output folder "
              + out
              + " holds files Badgesmith did not write;"
              + " refusing to replace it (choose an empty or new folder)");
    }
    return true;
  }

  /**
   * What tells one published manifest from another without reading it: its size, modification time
   * and file key (device and inode). A build moves a new manifest in, or leaves the old one
   * untouched; either way the stamp changes exactly when the manifest does.
   */
  public static String stamp(Path manifest) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(manifest, BasicFileAttributes.class);
    return attributes.size()
        + ":"
        + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
        + ":"
        + String.valueOf(attributes.fileKey()).replace(' ', '_');
  }

  /**
   * The stamp the manifest has once this build is published, from when it is written: the staged
   * manifest's (moving a file keeps its inode and time), or the published one's when this build
   * leaves it as it was.
   */
  public String manifestStamp() {
    Path staged = staging.resolve(MANIFEST);
    try {
      return stamp(Files.exists(staged) ? staged : out.resolve(MANIFEST));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder and everything in it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
