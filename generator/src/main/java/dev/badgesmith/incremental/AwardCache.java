package dev.badgesmith.incremental;

import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.load.SiteLoader;
import dev.badgesmith.model.Award;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What earlier builds learnt from each award file: the award as validated (its recipient hashed,
 * never in the clear) and its lock digest. An entry is keyed by the SHA-256 of the file's bytes and
 * by the context its validation reads: {@code site.yaml}, the issuers, the award's badge class, the
 * salt secret and Badgesmith's own code. A file whose bytes and context are both unchanged is
 * neither parsed nor validated again, which is most of the work a rebuild of a large site has. A
 * file whose size, modification time and inode are those an earlier build saw is not even read (as
 * Git's index and Gradle's file hashes do), unless it was modified within moments of that build,
 * when a later change could have left the same time.
 *
 * <p>Only files that loaded without any diagnostic are kept, so a cached award never hides a
 * warning. The cache is one file per site, read whole at the start. It is a header and then
 * segments, one per build that changed it: a rebuild appends a segment of what it learnt (new
 * entries, and the paths of entries no longer held) rather than writing every entry again, and the
 * file is written anew, as one segment, before its segments hold a quarter more records than the
 * entries they describe. Each segment ends with its length and CRC-32: a segment that does not (a
 * build killed while appending, a damaged file) ends what is read, so a cache that cannot be read
 * is as good as the segments before the damage, and a damaged first segment leaves it empty.
 */
public final class AwardCache {

  /**
   * A file whose modification time is this close to the build's start may change again within the
   * same tick of the file system's clock: its stamp is not trusted, its bytes are read.
   */
  private static final long RACY_MILLIS = 2_000;

  /**
   * An award file as an earlier build read it.
   *
   * @param stamp what the scan saw of the file (size, time, inode), when it may be trusted: a file
   *     with the same stamp is taken as unchanged without being read; else empty
   */
  public record Entry(
      String path,
      String stamp,
      String fileDigest,
      String context,
      Award award,
      String lockDigest,
      String lockFields) {}

  private final Optional<Path> file;
  private final Map<String, String> contexts;
  private final Map<String, Entry> before;
  private final Optional<Segments> segments;
  private final Map<String, String> read = new ConcurrentHashMap<>();
  private final Map<String, Entry> hits = new ConcurrentHashMap<>();
  private final Map<String, String> stamps = new ConcurrentHashMap<>();
  private final long opened = System.currentTimeMillis();

  /** Why the cache could not be written, if it could not: the next run only reads more. */
  private final AtomicReference<String> writeFailure = new AtomicReference<>();

  private AwardCache(
      Optional<Path> file,
      Map<String, String> contexts,
      Map<String, Entry> before,
      Optional<Segments> segments) {
    this.file = file;
    this.contexts = contexts;
    this.before = before;
    this.segments = segments;
  }

  /** A cache that remembers nothing. */
  /** Why this run could not write the cache, if it could not. */
  public Optional<String> writeFailure() {
    return Optional.ofNullable(writeFailure.get());
  }

  public static AwardCache none() {
    return new AwardCache(Optional.empty(), Map.of(), Map.of(), Optional.empty());
  }

  /**
   * The cache file of a site as an earlier build left it, read before the site is scanned.
   *
   * @param entries the entry of each path, as the file's segments left it
   * @param segments where the file's segments end, to append to; empty when it is to be written
   *     whole
   */
  public record Earlier(Path file, Map<String, Entry> entries, Optional<Segments> segments) {}

  /**
   * What a new segment is appended after.
   *
   * @param length where the last whole segment ends: the file's length when it was read
   * @param fileKey the file's key (device and inode) when it was read
   * @param contexts the contexts the segments named, in the order of their numbers
   * @param records how many entries and removals the segments hold
   */
  public record Segments(long length, Object fileKey, List<String> contexts, int records) {}

  /**
   * Reads a site's cache file ({@link CacheLayout#awards}). It needs nothing from the site's files,
   * so it may be read while they are scanned.
   *
   * @param reuse whether entries may be used; when false, the cache is only written
   */
  public static Earlier earlier(Path file, boolean reuse) {
    return reuse ? AwardCacheFile.read(file) : new Earlier(file, Map.of(), Optional.empty());
  }

  /**
   * The cache of a site: what an earlier build left, for the site's files as scanned now.
   *
   * @param secret the salt secret, when the site has one: cached hashes depend on it
   */
  public static AwardCache open(Earlier earlier, SiteSources sources, Optional<String> secret) {
    Fingerprint base = Fingerprint.ofCode();
    // An HMAC of the secret (as the salts are), not the secret: nothing here recovers it.
    base.add(
        secret
            .map(s -> "secret:" + IdentityHash.salt(secret, "badgesmith", "award-cache"))
            .orElse("no secret"));
    try {
      for (SourceFile f : sources.settings().stream().toList()) {
        base.add(f.path()).add(Files.readAllBytes(f.file()));
      }
      for (SourceFile f : sources.issuers()) {
        base.add(f.path()).add(Files.readAllBytes(f.file()));
      }
      // A badge class's or issuer's translations are part of what its awards are checked with.
      Map<String, List<SourceFile>> badgeTranslations = new HashMap<>();
      for (SourceFile f : sources.translations()) {
        if (f.path().startsWith("issuers/")) {
          base.add(f.path()).add(Files.readAllBytes(f.file()));
        } else if (f.path().startsWith("badges/")) {
          String badge = SiteSources.translationOf(f).orElseThrow()[0];
          badgeTranslations.computeIfAbsent(badge, b -> new ArrayList<>()).add(f);
        }
      }
      String site = base.hex();
      Map<String, String> contexts = new HashMap<>();
      for (SourceFile f : sources.badges()) {
        Fingerprint context =
            new Fingerprint().add(site).add(f.path()).add(Files.readAllBytes(f.file()));
        for (SourceFile t : badgeTranslations.getOrDefault(f.id(), List.of())) {
          context.add(t.path()).add(Files.readAllBytes(t.file()));
        }
        contexts.put(f.id(), context.hex());
      }
      return new AwardCache(
          Optional.of(earlier.file()), Map.copyOf(contexts), earlier.entries(), earlier.segments());
    } catch (IOException e) {
      return none(); // a source that cannot be read is reported by the loader
    }
  }

  /**
   * The awards of files an earlier build validated, unchanged since: the loader need not read them,
   * and validation takes them as they are.
   *
   * @param paths their files
   */
  public record Known(List<Award> awards, Set<String> paths) {}

  /**
   * Which award files need no reading: those with the stamp they had, and those whose bytes are the
   * same, when their context did not change either. The others are read here only for their digest
   * (kept for {@link #save}); CSV files, whose rows are not cached, are not read at all.
   */
  public Known known(List<SourceFile> awardFiles, ForkJoinPool pool) {
    if (file.isEmpty()) {
      return new Known(List.of(), Set.of());
    }
    List<Award> awards =
        pool.submit(
                () ->
                    awardFiles.parallelStream()
                        .filter(f -> !f.hasExtension("csv"))
                        .map(f -> unchanged(f).or(() -> compared(f)))
                        .flatMap(Optional::stream)
                        .toList())
            .join();
    Set<String> paths = new HashSet<>();
    awards.forEach(a -> paths.add(a.source()));
    return new Known(awards, paths);
  }

  /**
   * The award of a file an earlier build cached, when its bytes are unchanged. A file the cache
   * holds nothing for, or held under another context, is not read here: the loader reads it, and
   * tells {@link #loaded} its bytes.
   */
  private Optional<Award> compared(SourceFile f) {
    Entry entry = before.get(f.path());
    if (entry == null || !entry.context().equals(contexts.get(f.folder()))) {
      return Optional.empty();
    }
    return read(f).flatMap(b -> lookup(f, b));
  }

  /** Notes the digest and stamp of an award file the loader read, for {@link #save}. */
  public void loaded(SourceFile source, byte[] bytes) {
    if (file.isPresent()) {
      note(source, bytes);
    }
  }

  /** A file's bytes, unless it cannot be read or is too large to load (the loader says so). */
  private static Optional<byte[]> read(SourceFile source) {
    try (InputStream in = Files.newInputStream(source.file())) {
      byte[] bytes = in.readNBytes(SiteLoader.MAX_TEXT_BYTES + 1);
      return bytes.length > SiteLoader.MAX_TEXT_BYTES ? Optional.empty() : Optional.of(bytes);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The award in this file as an earlier build validated it, when the file has the stamp it had
   * then and its context did not change: the file need not be read.
   */
  Optional<Award> unchanged(SourceFile source) {
    Entry entry = before.get(source.path());
    if (entry == null
        || source.stamp().isEmpty()
        || !entry.stamp().equals(source.stamp())
        || !entry.context().equals(contexts.get(source.folder()))) {
      return Optional.empty();
    }
    hits.put(source.path(), entry);
    return Optional.of(entry.award());
  }

  /**
   * The award in this file as an earlier build validated it, when neither the file's bytes nor its
   * context changed since. Also notes the file's digest and stamp, for {@link #save}.
   */
  Optional<Award> lookup(SourceFile source, byte[] bytes) {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String path = source.path();
    String digest = note(source, bytes);
    String stamp = stamps.get(path);
    Entry entry = before.get(path);
    String context = contexts.get(source.folder());
    if (entry == null
        || context == null
        || !entry.fileDigest().equals(digest)
        || !entry.context().equals(context)) {
      return Optional.empty();
    }
    if (!entry.stamp().equals(stamp)) {
      entry =
          new Entry(
              path, stamp, digest, context, entry.award(), entry.lockDigest(), entry.lockFields());
    }
    hits.put(path, entry);
    return Optional.of(entry.award());
  }

  /** Records a file's digest and the stamp it may be trusted by; gives the digest. */
  private String note(SourceFile source, byte[] bytes) {
    String digest = new Fingerprint().add(bytes).hex();
    read.put(source.path(), digest);
    boolean trusted = source.stampMillis() < opened - RACY_MILLIS;
    stamps.put(source.path(), trusted ? source.stamp() : "");
    return digest;
  }

  /** The entry a {@link #lookup} found for a file in this build. */
  public Optional<Entry> hit(String path) {
    return Optional.ofNullable(hits.get(path));
  }

  /**
   * What tells an award from any other without writing it out: its file's path and digest, and the
   * context it was validated in, which together make it. Empty for an award not read from a file of
   * its own (a CSV row).
   */
  public Optional<String> identity(Award award) {
    String path = award.source();
    Entry hit = hits.get(path);
    if (hit != null) {
      return Optional.of(path + " " + hit.fileDigest() + " " + hit.context());
    }
    String digest = read.get(path);
    String context = contexts.get(award.badgeId());
    return digest == null || context == null
        ? Optional.empty()
        : Optional.of(path + " " + digest + " " + context);
  }

  /** An award's lock digest and fields column, as its lock line gives them. */
  public record LockDigest(String digest, String fields) {}

  /**
   * Writes the cache for the next build: every award of this build whose file was read whole and
   * had no diagnostic. Nothing is written when nothing changed.
   *
   * @param awards the site's awards, as validated
   * @param clean whether a file had no diagnostic
   */
  public void save(
      List<Award> awards,
      java.util.function.Predicate<String> clean,
      java.util.function.Function<Award, LockDigest> digests) {
    if (file.isEmpty()) {
      return;
    }
    List<Entry> entries = new ArrayList<>();
    // What the file's segments do not say yet: entries new or changed, and paths they hold that
    // this build does not keep.
    List<Entry> added = new ArrayList<>();
    int stillHeld = 0; // how many of the entries read are kept, as they were or changed
    for (Award award : awards) {
      String path = award.source();
      Entry hit = hits.get(path);
      if (hit != null) {
        entries.add(hit);
        stillHeld++;
        if (hit != before.get(path)) {
          added.add(hit); // the same file, with another stamp
        }
        continue;
      }
      String digest = read.get(path);
      String context = contexts.get(award.badgeId());
      if (digest == null || context == null || !clean.test(path)) {
        continue; // not one file of its own (a CSV row), or not clean
      }
      LockDigest lock = digests.apply(award);
      Entry entry =
          new Entry(
              path,
              stamps.getOrDefault(path, ""),
              digest,
              context,
              award,
              lock.digest(),
              lock.fields());
      entries.add(entry);
      added.add(entry);
      stillHeld += before.containsKey(path) ? 1 : 0;
    }
    List<String> removed = new ArrayList<>();
    if (stillHeld < before.size()) {
      Set<String> live = new HashSet<>();
      entries.forEach(e -> live.add(e.path()));
      for (String path : before.keySet()) {
        if (!live.contains(path)) {
          removed.add(path);
        }
      }
      removed.sort(null);
    }
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    try {
      // Every build reads the whole file: it is written anew before a quarter more is read than
      // the entries it holds (at once when most entries changed, as after an upgrade).
      if (segments.isEmpty()
          || segments.get().records() + added.size() + removed.size()
              > entries.size() + entries.size() / 4 + COMPACT_SLACK
          || !AwardCacheFile.append(file.get(), segments.get(), added, removed)) {
        AwardCacheFile.write(file.get(), entries);
      }
    } catch (IOException e) {
      // A cache that cannot be written only makes the next build slower: a warning, not an error.
      writeFailure.compareAndSet(null, file.get() + ": " + e);
    }
  }

  /** How many records beyond a quarter more than its entries a small cache may hold. */
  private static final int COMPACT_SLACK = 64;
}
