package dev.badgesmith.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
  private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  private final Path root;
  private final Map<String, PublishedFile> files = new ConcurrentHashMap<>();
  private final Set<String> staged = ConcurrentHashMap.newKeySet();
  private final Optional<Path> previousRoot;
  private final Map<String, PublishedFile> previous;
  private final String[] previousPaths;
  private volatile List<PublishedFile> listed;
  private final Optional<String> previousManifest;

  public StagingOutput(Path root) {
    this(root, Optional.empty(), Map.of(), Optional.empty());
  }

  /**
   * @param previousRoot the published site this build updates, whose files stay where they are when
   *     they are unchanged
   * @param previous that site's files, from its manifest
   * @param previousManifest that manifest's {@linkplain SiteWriter#stamp stamp}
   */
  StagingOutput(
      Path root,
      Optional<Path> previousRoot,
      Map<String, PublishedFile> previous,
      Optional<String> previousManifest) {
    this.root = root;
    this.previousRoot = previousRoot;
    this.previous = new java.util.HashMap<>(previous);
    this.previousPaths = previous.keySet().toArray(new String[0]);
    this.previousManifest = previousManifest;
  }

  @Override
  public void write(String path, byte[] content) throws IOException {
    checkPath(path);
    // The manifest lists every file but itself: its own digest would never be read.
    String sha256 = path.equals(SiteWriter.MANIFEST) ? "" : sha256(content);
    PublishedFile file = new PublishedFile(path, sha256, content.length);
    if (files.putIfAbsent(path, file) != null) {
      throw new IllegalStateException("two outputs write " + path);
    }
    if (!unchanged(path, file, content)) {
      Path target = root.resolve(path);
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      staged.add(path);
    }
  }

  /**
   * Whether the published copy of a file holds exactly these bytes. The bytes are compared, not
   * only the manifest's digest, so a published file changed by hand is written anew.
   */
  private boolean unchanged(String path, PublishedFile file, byte[] content) {
    PublishedFile before = previous.get(path);
    // The manifest lists every file but itself: its bytes alone tell.
    boolean listed = before != null && before.sha256().equals(file.sha256());
    if (previousRoot.isEmpty() || !(listed || path.equals(SiteWriter.MANIFEST))) {
      return false;
    }
    Path old = previousRoot.get().resolve(path);
    try {
      return Files.size(old) == content.length && Arrays.equals(Files.readAllBytes(old), content);
    } catch (IOException e) {
      return false; // missing or unreadable: write it
    }
  }

  /**
   * Whether every one of these files is in the published site, so a renderer that knows they would
   * come out the same may {@link #keep} them.
   */
  public boolean canKeep(Collection<String> paths) {
    return previousRoot.isPresent() && previous.keySet().containsAll(paths);
  }

  /**
   * Keeps published files as they are, unread: the renderer vouches that rendering them again would
   * give the same bytes.
   */
  public void keep(Collection<String> paths) {
    for (String path : paths) {
      PublishedFile before = previous.get(path);
      if (previousRoot.isEmpty() || before == null) {
        throw new IllegalStateException("no published " + path + " to keep");
      }
      if (files.putIfAbsent(path, before) != null) {
        throw new IllegalStateException("two outputs write " + path);
      }
    }
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    write(path, Files.readAllBytes(source));
  }

  /** What the last call of {@link #files} returned: the list the manifest was written from. */
  Optional<List<PublishedFile>> listed() {
    return Optional.ofNullable(listed);
  }

  /** Every file of the new site so far, by path. */
  public List<PublishedFile> files() {
    listed = List.copyOf(sortedFiles());
    return listed;
  }

  private List<PublishedFile> sortedFiles() {
    // A large site has tens of thousands of files, and a rebuild changes few: the published
    // manifest lists them in order already, so only the new ones are sorted, then merged in.
    List<String> added = new ArrayList<>();
    for (String path : files.keySet()) {
      if (!previous.containsKey(path)) {
        added.add(path);
      }
    }
    String[] fresh = added.toArray(new String[0]);
    Arrays.sort(fresh);
    List<PublishedFile> sorted = new ArrayList<>(files.size());
    int next = 0;
    String last = null;
    for (String path : previousPaths) {
      if (last != null && last.compareTo(path) >= 0) {
        return sortedAnew(); // a manifest out of order, edited by hand
      }
      last = path;
      while (next < fresh.length && fresh[next].compareTo(path) < 0) {
        sorted.add(files.get(fresh[next++]));
      }
      PublishedFile file = files.get(path);
      if (file != null) {
        sorted.add(file);
      }
    }
    while (next < fresh.length) {
      sorted.add(files.get(fresh[next++]));
    }
    return sorted;
  }

  private List<PublishedFile> sortedAnew() {
    String[] paths = files.keySet().toArray(new String[0]);
    Arrays.sort(paths);
    List<PublishedFile> sorted = new ArrayList<>(paths.length);
    for (String path : paths) {
      sorted.add(files.get(path));
    }
    return sorted;
  }

  /** How many files the new site has so far. */
  public int fileCount() {
    return files.size();
  }

  /**
   * The {@linkplain SiteWriter#stamp stamp} of the published site's manifest, when this build
   * updates one.
   */
  public Optional<String> previousManifest() {
    return previousManifest;
  }

  /** The files this build wrote into the staging folder, sorted. */
  List<String> staged() {
    return staged.stream().sorted().toList();
  }

  /** The published files this build's site no longer has, sorted. */
  List<String> removed() {
    List<String> removed = new ArrayList<>();
    for (String path : previousPaths) {
      if (!files.containsKey(path)) {
        removed.add(path);
      }
    }
    return removed.stream().sorted().toList();
  }

  boolean updatesPrevious() {
    return previousRoot.isPresent();
  }

  boolean previouslyPublished(String path) {
    return previous.containsKey(path);
  }

  private static void checkPath(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("not a file path in the site: '" + path + "'");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..") || !SAFE_SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException("not a file path in the site: '" + path + "'");
      }
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
