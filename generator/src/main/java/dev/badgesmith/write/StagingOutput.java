package dev.badgesmith.write;

import dev.badgesmith.hash.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An {@link OutputSink} over a staging folder. It keeps every file's digest for the manifest,
 * refuses a path that would leave the folder, and refuses a second write of one path, which would
 * mean two documents claim the same URL.
 *
 * <p>Over a previous site, only what changed is staged: a file whose bytes equal the published
 * copy's is recorded and left where it is, and a file the renderer knows to be unchanged is {@link
 * #keep kept} without being rendered at all. {@link SiteWriter} then moves the staged files in.
 */
public final class StagingOutput implements OutputSink {
  private final Path root;
  private final Optional<Path> previousRoot;
  private final Optional<String> previousManifest;
  private final int previousFilesAt;
  // The published site's files, sorted by path, and this build's file at each of their positions.
  // A large site has tens of thousands of files and a rebuild changes few: positions let the
  // renderer keep files and the manifest list them without a lookup by path for each.
  private final PublishedFile[] previous;
  private final boolean inManifestOrder;
  private final String[] previousPaths;
  private final AtomicReferenceArray<PublishedFile> current;
  private final Map<String, PublishedFile> added = new ConcurrentHashMap<>();
  // Which published files this build wrote into the staging folder, by position: every file new to
  // the site is staged, so only these (and the manifest, new to every list) need noting.
  private final AtomicIntegerArray stagedAt;
  private volatile boolean manifestStaged;
  // The staging folder's subfolders made so far: most files share theirs with others, and asking
  // the file system again for each costs a failed mkdir (and an exception) per file.
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private volatile List<PublishedFile> listed;
  private volatile int[] movedTo;
  private volatile int[] earlierPositions;
  private volatile int manifestFilesAt = -1;

  public StagingOutput(Path root) {
    this(root, Optional.empty(), List.of(), Optional.empty(), -1);
  }

  /**
   * @param previousRoot the published site this build updates, whose files stay where they are when
   *     they are unchanged
   * @param previous that site's files, from its manifest, in its order
   * @param previousManifest that manifest's {@linkplain SiteWriter#stamp stamp}
   * @param previousFilesAt where that manifest's first file line starts, or -1 when not known
   */
  StagingOutput(
      Path root,
      Optional<Path> previousRoot,
      List<PublishedFile> previous,
      Optional<String> previousManifest,
      int previousFilesAt) {
    this.root = root;
    this.previousRoot = previousRoot;
    this.previousManifest = previousManifest;
    this.previousFilesAt = previousFilesAt;
    PublishedFile[] listed = previous.toArray(new PublishedFile[0]);
    this.inManifestOrder = sortedByPath(listed);
    this.previous = inManifestOrder ? listed : byPath(previous);
    this.previousPaths = new String[this.previous.length];
    for (int i = 0; i < this.previous.length; i++) {
      previousPaths[i] = this.previous[i].path();
    }
    this.current = new AtomicReferenceArray<>(this.previous.length);
    this.stagedAt = new AtomicIntegerArray(this.previous.length);
  }

  /** Our manifests list files in order; one edited by hand may not, nor name each path once. */
  private static boolean sortedByPath(PublishedFile[] files) {
    for (int i = 1; i < files.length; i++) {
      if (files[i - 1].path().compareTo(files[i].path()) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static PublishedFile[] byPath(List<PublishedFile> files) {
    Map<String, PublishedFile> byPath = new TreeMap<>();
    files.forEach(f -> byPath.putIfAbsent(f.path(), f));
    return byPath.values().toArray(new PublishedFile[0]);
  }

  @Override
  public void write(String path, byte[] content) throws IOException {
    // The manifest lists every file but itself: its own digest would never be read.
    write(path, content, path.equals(SiteWriter.MANIFEST) ? null : Sha256.of(content));
  }

  @Override
  public void write(String path, byte[] content, byte[] sha256) throws IOException {
    checkPath(path);
    PublishedFile file =
        path.equals(SiteWriter.MANIFEST)
            ? new PublishedFile(path, "", content.length)
            : PublishedFile.of(path, sha256, content.length);
    if (!unchanged(claim(file), file, content)) {
      Files.write(folderMade(path), content);
      staged(path);
    }
  }

  /**
   * Claims a path for one file of the new site.
   *
   * @return the published site's file at that path, or null when it had none
   * @throws IllegalStateException when another output claimed it first: two documents would share
   *     one URL
   */
  private PublishedFile claim(PublishedFile file) {
    int at = Arrays.binarySearch(previousPaths, file.path());
    if (at >= 0
        ? !current.compareAndSet(at, null, file)
        : added.putIfAbsent(file.path(), file) != null) {
      throw new IllegalStateException("two outputs write " + file.path());
    }
    return at >= 0 ? previous[at] : null;
  }

  /** Where a file is staged, its folder made. */
  private Path folderMade(String path) throws IOException {
    Path target = root.resolve(path);
    Path folder = target.getParent();
    if (!folders.contains(folder)) {
      Files.createDirectories(folder);
      folders.add(folder);
    }
    return target;
  }

  /**
   * Whether the published copy of a file holds exactly these bytes. The bytes are compared, not
   * only the manifest's digest, so a published file changed by hand is written anew.
   */
  private boolean unchanged(PublishedFile before, PublishedFile file, byte[] content) {
    // The manifest lists every file but itself: its bytes alone tell.
    boolean listed = before != null && before.sameSha256(file);
    if (previousRoot.isEmpty() || !(listed || file.path().equals(SiteWriter.MANIFEST))) {
      return false;
    }
    Path old = previousRoot.get().resolve(file.path());
    try {
      return Files.size(old) == content.length && Arrays.equals(Files.readAllBytes(old), content);
    } catch (IOException e) {
      return false; // missing or unreadable: write it
    }
  }

  /**
   * Keeps published files as they are, unread: the renderer vouches that rendering them again would
   * give the same bytes.
   *
   * @param positions the files' positions in the published manifest (see {@link #listedPosition})
   * @return false, keeping none, when the published site has no file at one of them
   */
  public boolean keep(int[] positions) {
    if (previousRoot.isEmpty()) {
      return false;
    }
    for (int position : positions) {
      if (position < 0 || position >= previous.length) {
        return false;
      }
    }
    for (int position : positions) {
      if (!current.compareAndSet(position, null, previous[position])) {
        throw new IllegalStateException("two outputs write " + previousPaths[position]);
      }
    }
    return true;
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    write(path, Files.readAllBytes(source));
  }

  /**
   * Takes a shard's file unread: its digest and size are its shard's manifest's, and it is staged
   * as a hard link to the shard's copy where the file system allows (a build replaces published
   * files, never writes into them, so the two never part), else copied. Over a published site, it
   * is compared with the published copy as {@link #write} compares bytes.
   */
  @Override
  public void adopt(String path, Path source, PublishedFile listed) throws IOException {
    checkPath(path);
    PublishedFile file =
        listed.path().equals(path)
            ? listed
            : new PublishedFile(path, listed.sha256(), listed.size());
    PublishedFile before = claim(file);
    if (previousRoot.isPresent()
        && before != null
        && before.sameSha256(file)
        && sameFile(previousRoot.get().resolve(path), source)) {
      return;
    }
    Path target = folderMade(path);
    try {
      Files.createLink(target, source);
    } catch (UnsupportedOperationException | FileSystemException e) {
      // Another file system, or one without hard links: the bytes are copied.
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
    staged(path);
  }

  private static boolean sameFile(Path published, Path source) {
    try {
      return Files.mismatch(published, source) == -1;
    } catch (IOException e) {
      return false; // missing or unreadable: write it
    }
  }

  /** What the last call of {@link #files} returned: the list the manifest was written from. */
  public Optional<List<PublishedFile>> listed() {
    return Optional.ofNullable(listed);
  }

  /** Every file of the new site so far, sorted by path. */
  public List<PublishedFile> files() {
    // The published files are in order already: only the new ones are sorted, then merged in.
    String[] fresh = added.keySet().toArray(new String[0]);
    Arrays.sort(fresh);
    List<PublishedFile> sorted = new ArrayList<>(previous.length + fresh.length);
    int[] before = new int[fresh.length]; // each new file goes before this published one
    for (int n = 0; n < fresh.length; n++) {
      before[n] = -Arrays.binarySearch(previousPaths, fresh[n]) - 1;
    }
    int[] moved = new int[previous.length];
    int[] earlier = new int[previous.length + fresh.length];
    int next = 0;
    for (int i = 0; i <= previous.length; i++) {
      while (next < fresh.length && before[next] == i) {
        earlier[sorted.size()] = -1;
        sorted.add(added.get(fresh[next++]));
      }
      if (i < previous.length) {
        PublishedFile file = current.get(i);
        moved[i] = file == null ? -1 : sorted.size();
        if (file != null) {
          boolean same = inManifestOrder && (file == previous[i] || file.equals(previous[i]));
          earlier[sorted.size()] = same ? i : -1;
          sorted.add(file);
        }
      }
    }
    movedTo = moved;
    earlierPositions = Arrays.copyOf(earlier, sorted.size());
    listed = Collections.unmodifiableList(sorted);
    return listed;
  }

  /**
   * Where a file the published manifest listed at {@code previousPosition} is in the list {@link
   * #files} last returned; -1 when this build's site no longer has it.
   */
  public int listedPosition(int previousPosition) {
    return movedTo[previousPosition];
  }

  /**
   * Where the file at {@code listedPosition} in the list {@link #files} last returned is in the
   * published manifest's list of files, when it is listed there just so (same path, digest and
   * size); else -1.
   */
  public int earlierPosition(int listedPosition) {
    return earlierPositions[listedPosition];
  }

  /**
   * The published manifest, to copy the lines of unchanged files from; empty when there is none, it
   * cannot be read, or where its file lines start is not known.
   */
  public Optional<EarlierManifest> earlierManifest() {
    if (previousRoot.isEmpty() || previousFilesAt < 0 || !inManifestOrder) {
      return Optional.empty();
    }
    try (FileChannel channel =
        FileChannel.open(
            previousRoot.get().resolve(SiteWriter.MANIFEST), StandardOpenOption.READ)) {
      ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      return Optional.of(new EarlierManifest(bytes, previousFilesAt, Arrays.asList(previous)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // every line is written anew
    }
  }

  /**
   * Writes the manifest as it is made, straight to its staged file: a large site's manifest is not
   * held whole. As with {@link #write}, it is staged only when it differs from the published one.
   */
  public void writeManifest(ManifestDocument.Manifest manifest) throws IOException {
    String path = SiteWriter.MANIFEST;
    Path target = root.resolve(path);
    Files.createDirectories(target.getParent());
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
      manifest.writeTo(stream);
    }
    // The manifest lists every file but itself: its own digest would never be read.
    claim(new PublishedFile(path, "", Files.size(target)));
    if (sameAsPublished(path, target)) {
      Files.delete(target);
    } else {
      staged(path);
    }
    manifestFilesAt = manifest.filesAt();
  }

  /** Whether the published copy of a staged file holds exactly its bytes. */
  private boolean sameAsPublished(String path, Path staged) {
    return previousRoot.isPresent() && sameFile(previousRoot.get().resolve(path), staged);
  }

  /** Where the first file line of the manifest this build wrote starts, or -1. */
  public int manifestFilesAt() {
    return manifestFilesAt;
  }

  /** Where a file is in the list {@link #files} last returned; -1 when it is not in it. */
  public int listedPosition(String path) {
    List<PublishedFile> files = listed;
    int low = 0;
    int high = files.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = files.get(middle).path().compareTo(path);
      if (order == 0) {
        return middle;
      } else if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return -1;
  }

  /** How many files the new site has so far. */
  public int fileCount() {
    int count = added.size();
    for (int i = 0; i < previous.length; i++) {
      if (current.get(i) != null) {
        count++;
      }
    }
    return count;
  }

  /**
   * The {@linkplain SiteWriter#stamp stamp} of the published site's manifest, when this build
   * updates one.
   */
  public Optional<String> previousManifest() {
    return previousManifest;
  }

  /** Notes a file written into the staging folder. */
  private void staged(String path) {
    int at = Arrays.binarySearch(previousPaths, path);
    if (at >= 0) {
      stagedAt.set(at, 1);
    } else if (path.equals(SiteWriter.MANIFEST)) {
      manifestStaged = true;
    }
  }

  /** The files this build wrote into the staging folder, sorted. */
  List<String> staged() {
    List<String> staged = new ArrayList<>();
    for (int i = 0; i < previous.length; i++) {
      if (stagedAt.get(i) != 0) {
        staged.add(previousPaths[i]);
      }
    }
    for (String path : added.keySet()) {
      if (!path.equals(SiteWriter.MANIFEST) || manifestStaged) {
        staged.add(path);
      }
    }
    Collections.sort(staged);
    return staged;
  }

  /** The published files this build's site no longer has, sorted. */
  List<String> removed() {
    List<String> removed = new ArrayList<>();
    for (int i = 0; i < previous.length; i++) {
      if (current.get(i) == null) {
        removed.add(previousPaths[i]);
      }
    }
    return removed;
  }

  boolean updatesPrevious() {
    return previousRoot.isPresent();
  }

  boolean previouslyPublished(String path) {
    return Arrays.binarySearch(previousPaths, path) >= 0;
  }

  private static void checkPath(String path) {
    if (!isSitePath(path)) {
      throw new IllegalArgumentException("not a file path in the site: '" + path + "'");
    }
  }

  /**
   * Whether a path names a file inside a site folder: relative, each segment a plain name of {@code
   * [A-Za-z0-9._-]+}, never {@code .} or {@code ..}. Asked of every file written, so it reads the
   * characters once instead of splitting and matching.
   */
  public static boolean isSitePath(String path) {
    int start = 0;
    int length = path.length();
    for (int i = 0; i <= length; i++) {
      char c = i < length ? path.charAt(i) : '/';
      if (c == '/') {
        int segment = i - start;
        if (segment == 0
            || (segment == 1 && path.charAt(start) == '.')
            || (segment == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
          return false;
        }
        start = i + 1;
      } else if (!safe(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean safe(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }
}
