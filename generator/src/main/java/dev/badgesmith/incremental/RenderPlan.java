package dev.badgesmith.incremental;

import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.write.PublishedFile;
import dev.badgesmith.write.StagingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which awards a build renders, and which it keeps as the last build into the same output folder
 * published them: an award is kept when its inputs are those it was rendered from then, and its
 * files are still as published. A badge class's page, which lists its awards, is kept while they
 * all are; so is a site-wide file whose inputs the renderer fingerprints ({@link #keepsFile}). What
 * this build renders is noted as it goes, and saved once the site is published, for the next build
 * to keep.
 */
public final class RenderPlan {
  /** The start of the key of a site-wide file kept by {@link #keepsFile}, not an award's. */
  static final String FILE = "file:";

  /** Up to how many characters an award's inputs are kept as they are rather than hashed. */
  private static final int SHORT_INPUTS = 1024;

  private final List<Award> toRender;
  private final List<Adopted> adopted;
  private final List<List<String>> keptFacts;
  private final Set<String> keptPages;
  private final Map<String, String> fingerprints;
  private final RenderState.Next next;
  private final RenderState before;
  private final Optional<StagingOutput> out;
  private final Optional<Path> stateFile;
  private final String siteFingerprint;
  private final AtomicInteger rendered = new AtomicInteger();
  private final AtomicReference<String> failure = new AtomicReference<>();

  private RenderPlan(
      List<Award> toRender,
      List<Adopted> adopted,
      List<List<String>> keptFacts,
      Set<String> keptPages,
      Map<String, String> fingerprints,
      RenderState.Next next,
      RenderState before,
      Optional<StagingOutput> out,
      Optional<Path> stateFile,
      String siteFingerprint) {
    this.toRender = toRender;
    this.before = before;
    this.out = out;
    this.adopted = adopted;
    this.siteFingerprint = siteFingerprint;
    this.keptFacts = keptFacts;
    this.keptPages = keptPages;
    this.fingerprints = fingerprints;
    this.next = next;
    this.stateFile = stateFile;
  }

  /**
   * What the render stage needs to know of a site to tell what changed.
   *
   * @param designs every badge class's design as published and as PNG, in the site's order: part of
   *     what all awards share
   * @param templates the site's template overrides, when it has them: part of what all awards share
   * @param strings the site's own strings ({@code i18n/}), when it has them: part of what all
   *     awards share
   * @param pageContext what an award's page shows besides the award and what all awards share
   * @param badgePageFiles the files of a badge class's page, one in each of the site's languages
   * @param indexes every award's status list index, for a site that publishes credentials
   * @param identities what tells an award from any other without writing it out, when known
   */
  public record Inputs(
      Site site,
      List<byte[]> designs,
      Optional<Path> templates,
      Optional<Path> strings,
      Function<Award, String> pageContext,
      Function<BadgeClass, List<String>> badgePageFiles,
      Optional<StatusIndexes> indexes,
      Function<Award, Optional<String>> identities) {}

  /**
   * An award a shard's build rendered, whose files a merge takes as they are.
   *
   * @param from the shard's output folder
   * @param files the award's files, as the shard's manifest lists them (paths in the site)
   * @param facts what the verify page learnt from it
   */
  public record Adopted(Award award, Path from, List<PublishedFile> files, List<String> facts) {
    public Adopted {
      files = List.copyOf(files);
    }

    /** The award's files' paths in the site. */
    public List<String> paths() {
      return files.stream().map(PublishedFile::path).toList();
    }
  }

  /** One shard of a site's awards: those of the badge classes that fall to it. */
  public record Part(int index, int count) {
    boolean owns(Award award) {
      return ShardRecord.owns(index, count, award.badgeId());
    }
  }

  /**
   * The plan of a build into {@code out}.
   *
   * @param stateFile where the last build into the same folder left what it rendered ({@link
   *     CacheLayout#renderState}), and where this one leaves it
   * @param renderAll whether to render every award even so
   * @param part the shard to render the awards of, or every award: a shard renders all of its own,
   *     as it runs on a machine of its own
   */
  public static RenderPlan of(
      Inputs inputs,
      Optional<Path> stateFile,
      boolean renderAll,
      StagingOutput out,
      ForkJoinPool pool,
      Optional<Part> part)
      throws IOException {
    Site site = inputs.site();
    ForkJoinTask<RenderState> previous =
        pool.submit(
            () ->
                renderAll || part.isPresent()
                    ? RenderState.empty()
                    : RenderState.load(stateFile, out.previousManifest()));
    // What all awards share is hashed beside each award's inputs, which need none of it.
    ForkJoinTask<String> shared = pool.submit(() -> siteFingerprint(inputs));
    // And so are the badge class pages' inputs, which need nothing the awards' comparing finds.
    ForkJoinTask<Map<String, String>> listed = pool.submit(() -> badgePages(inputs));
    Map<String, String> fingerprints = fingerprints(inputs, pool);
    String siteFingerprint = joinHashing(shared);
    // What all awards share changed: every award and page is rendered again.
    RenderState before = previous.join().ifSite(siteFingerprint);
    RenderState.Next next = new RenderState.Next(siteFingerprint);
    // Which awards changed: each one's inputs against those the last build rendered it from.
    List<Award> toRender = new ArrayList<>();
    List<List<String>> keptFacts = new ArrayList<>();
    Set<String> rendering = new HashSet<>(); // the badge classes of the awards rendered
    List<Optional<RenderState.Entry>> kept =
        pool.submit(
                () ->
                    site.awards().parallelStream()
                        .map(
                            a -> {
                              String key = StatusIndexes.key(a);
                              return kept(before, key, fingerprints.get(key), out);
                            })
                        .toList())
            .join();
    for (int i = 0; i < kept.size(); i++) {
      Award award = site.awards().get(i);
      if (part.isPresent() && !part.get().owns(award)) {
        continue; // another shard's
      }
      if (kept.get(i).isPresent()) {
        keptFacts.add(kept.get(i).get().facts());
        next.kept(StatusIndexes.key(award), kept.get(i).get());
      } else {
        toRender.add(award);
        rendering.add(award.badgeId());
      }
    }
    Set<String> keptPages =
        pages(
            inputs,
            listed.join(),
            b -> !rendering.contains(b.id()) && part.isEmpty(),
            before,
            next,
            out);
    return new RenderPlan(
        List.copyOf(toRender),
        List.of(),
        List.copyOf(keptFacts),
        keptPages,
        fingerprints,
        next,
        before,
        Optional.of(out),
        stateFile,
        siteFingerprint);
  }

  /**
   * The plan of a merge into {@code out}: every award's files copied from the shard that rendered
   * it, nothing rendered again.
   *
   * @param shardDirs the output folders of every shard's build, each with its {@link ShardRecord}
   * @throws dev.badgesmith.diag.BadgesmithException when a shard is missing, given twice, or was
   *     built from other sources than the site's
   */
  public static RenderPlan adopting(
      Inputs inputs, Optional<Path> stateFile, List<Path> shardDirs, ForkJoinPool pool)
      throws IOException {
    Map<String, String> fingerprints = fingerprints(inputs, pool);
    String siteFingerprint = siteFingerprint(inputs);
    Map<String, Adopted> byKey =
        ShardMerge.adopt(
            inputs.site(),
            shardDirs,
            part -> sources(siteFingerprint, fingerprints, inputs.site(), part));
    RenderState.Next next = new RenderState.Next(siteFingerprint);
    List<Adopted> adopted = new ArrayList<>();
    for (Award award : inputs.site().awards()) {
      adopted.add(byKey.get(StatusIndexes.key(award)));
    }
    pages(inputs, badgePages(inputs), b -> false, RenderState.empty(), next, null);
    return new RenderPlan(
        List.of(),
        List.copyOf(adopted),
        List.of(),
        Set.of(),
        fingerprints,
        next,
        RenderState.empty(),
        Optional.empty(),
        stateFile,
        siteFingerprint);
  }

  /** The task's result, with the {@link IOException} it failed with, if any, as it was thrown. */
  private static String joinHashing(ForkJoinTask<String> task) throws IOException {
    try {
      return task.join();
    } catch (RuntimeException e) {
      // A task's exception may come wrapped more than once when another thread ran it.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException io) {
          throw io;
        }
      }
      throw e;
    }
  }

  private static Map<String, String> fingerprints(Inputs inputs, ForkJoinPool pool) {
    return pool.submit(
            () ->
                inputs.site().awards().parallelStream()
                    .collect(
                        Collectors.toConcurrentMap(
                            StatusIndexes::key, a -> awardInputs(a, inputs))))
        .join();
  }

  /**
   * The badge class pages kept as published; each noted for the next build.
   *
   * @param listed each badge class page's inputs ({@link #badgePages})
   * @param awardsKept whether every award of a badge class is kept as published
   */
  private static Set<String> pages(
      Inputs inputs,
      Map<String, String> listed,
      java.util.function.Predicate<BadgeClass> awardsKept,
      RenderState before,
      RenderState.Next next,
      StagingOutput out) {
    Set<String> keptPages = new HashSet<>();
    for (BadgeClass badge : inputs.site().badges()) {
      boolean keepable = out != null && awardsKept.test(badge);
      for (String file : inputs.badgePageFiles().apply(badge)) {
        String key = "page:" + file;
        String fingerprint = listed.get(badge.id());
        if (keepable && kept(before, key, fingerprint, out).isPresent()) {
          keptPages.add(file);
        }
        next.rendered(key, fingerprint, List.of(file), List.of());
      }
    }
    return Set.copyOf(keptPages);
  }

  /**
   * A digest of what one shard's awards were rendered from: the generator and what all awards
   * share, and each of the shard's awards, by key. One digest over them all tells nothing of any
   * one.
   */
  static String sources(
      String siteFingerprint, Map<String, String> fingerprints, Site site, Part part) {
    Fingerprint sources =
        new Fingerprint().add(siteFingerprint).add(part.index() + "/" + part.count());
    site.awards().stream()
        .filter(part::owns)
        .map(StatusIndexes::key)
        .sorted()
        .forEach(key -> sources.add(key).add(fingerprints.get(key)));
    return sources.hex();
  }

  /**
   * Leaves the record of what this shard's build rendered beside its output, for the merge.
   *
   * @param part the shard this plan rendered
   */
  public void writeShardRecord(Path outDir, Part part, Site site) throws IOException {
    new ShardRecord(
            part.index(),
            part.count(),
            sources(siteFingerprint, fingerprints, site, part),
            next.renderedAwards())
        .write(outDir);
  }

  /**
   * Whether a site-wide file is kept as published: the last build made it from the same inputs,
   * while every award shared what this build's share (the generator, settings, issuers, badge
   * classes, designs, templates). Noted either way, so the next build keeps it while its inputs
   * stay the same; a file not kept is to be written by the caller.
   *
   * @param file the file, as a path in the site
   * @param inputs a fingerprint of everything its bytes depend on besides what all awards share
   */
  public boolean keepsFile(String file, String inputs) {
    String key = FILE + file;
    Optional<RenderState.Entry> last =
        out.isPresent() ? kept(before, key, inputs, out.get()) : Optional.empty();
    if (last.isPresent()) {
      next.kept(key, last.get());
      return true;
    }
    next.rendered(key, inputs, List.of(file), List.of());
    return false;
  }

  /** The awards to render, in the site's order. */
  public List<Award> awards() {
    return toRender;
  }

  /** The awards whose files are copied from a shard's output as they are. */
  public List<Adopted> adopted() {
    return adopted;
  }

  /** What the verify page learnt from each award kept as published. */
  public List<List<String>> keptFacts() {
    return keptFacts;
  }

  /** The badge class pages kept as published: every award they list is. */
  public Set<String> keptPages() {
    return keptPages;
  }

  /** Whether this build keeps the award's files as published. */
  public boolean isKept(Award award) {
    return next.isKept(StatusIndexes.key(award));
  }

  /**
   * Notes an award this build rendered: the files it wrote and what the verify page learnt from it.
   */
  public void rendered(Award award, List<String> paths, List<String> facts) {
    String key = StatusIndexes.key(award);
    next.rendered(key, fingerprints.get(key), paths, facts);
    rendered.incrementAndGet();
  }

  /** How many awards this build rendered; the others were kept as published. */
  public int awardsRendered() {
    return rendered.get();
  }

  /**
   * Remembers what this build rendered, once its site is published with this manifest, so the next
   * build can keep what did not change.
   *
   * @param manifest the stamp of the published manifest
   * @param output the output the manifest was written from
   */
  public void save(String manifest, StagingOutput output) {
    stateFile.ifPresent(
        file -> {
          try {
            next.save(file, manifest, output);
          } catch (UncheckedIOException e) {
            // The site is published already; the next build only renders more.
            failure.compareAndSet(null, file + ": " + e.getCause().getMessage());
          }
        });
  }

  /** Why this build could not keep what it rendered, if it could not. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure.get());
  }

  /**
   * What the last build rendered under this key from the same inputs, its files kept as published;
   * empty when it is to be rendered again.
   */
  private static Optional<RenderState.Entry> kept(
      RenderState before, String key, String fingerprint, StagingOutput out) {
    Optional<RenderState.Entry> last = before.get(key).filter(e -> e.madeFrom(fingerprint));
    return last.isPresent() && out.keep(last.get().files()) ? last : Optional.empty();
  }

  /**
   * Each badge class page's inputs, by badge class: its badge class and the awards it lists, in
   * order. What the page shows of each award is among the award's inputs, so a page is kept only
   * while every award it lists is. Its pages in other languages list the same awards: the awards'
   * inputs hold their texts.
   */
  private static Map<String, String> badgePages(Inputs inputs) {
    Map<String, Fingerprint> listed = new HashMap<>();
    inputs.site().badges().forEach(b -> listed.put(b.id(), new Fingerprint().add(b.id())));
    for (Award award : inputs.site().awards()) {
      listed.get(award.badgeId()).add(StatusIndexes.key(award));
    }
    Map<String, String> byBadge = new HashMap<>();
    listed.forEach((badge, fingerprint) -> byBadge.put(badge, fingerprint.hex()));
    return byBadge;
  }

  /**
   * What an award's files depend on besides what all awards share ({@link #siteFingerprint}): the
   * award, its page's context and its status index.
   */
  private static String awardInputs(Award award, Inputs inputs) {
    String context = inputs.pageContext().apply(award);
    Optional<String> index = inputs.indexes().map(i -> Integer.toString(i.of(award)));
    Optional<String> identity = inputs.identities().apply(award);
    if (identity.isPresent() && identity.get().length() + context.length() <= SHORT_INPUTS) {
      // Its file's digest stands for the award when known, and its inputs are then short enough
      // to keep as they are: comparing them is quicker than hashing them. Parts are
      // length-prefixed, as a fingerprint's are; a hash is never written so.
      StringBuilder inputsAsThey = new StringBuilder("file ");
      part(inputsAsThey, identity.get());
      part(inputsAsThey, context);
      index.ifPresent(i -> part(inputsAsThey, i));
      return inputsAsThey.toString();
    }
    // Else the award written out stands for itself, hashed.
    String self = identity.map(i -> "file " + i).orElseGet(() -> "award " + award);
    Fingerprint fingerprint = new Fingerprint().add(self).add(context);
    index.ifPresent(fingerprint::add);
    return fingerprint.hex();
  }

  private static void part(StringBuilder inputs, String part) {
    inputs.append(part.length()).append(':').append(part);
  }

  /**
   * What every award's files depend on besides the award itself: the generator's code and theme,
   * the site's settings, issuers and badge classes with their designs, and the site's template
   * overrides and strings. Any change there renders every award again.
   */
  private static String siteFingerprint(Inputs inputs) throws IOException {
    Site site = inputs.site();
    Fingerprint records = new Fingerprint().add(site.settings().toString());
    site.issuers().forEach(issuer -> records.add(issuer.toString()));
    site.badges().forEach(badge -> records.add(badge.toString()));
    // Award pages show the endorsements of their award, badge class and issuer.
    records.add(site.endorsements().toString());
    // And the texts of the issuers and badge classes in the site's other languages.
    records.add(site.translations().badges().toString());
    records.add(site.translations().issuers().toString());
    Fingerprint fingerprint = Fingerprint.ofCode().add(records.hex());
    inputs.designs().forEach(fingerprint::add);
    for (Optional<Path> folder : List.of(inputs.templates(), inputs.strings())) {
      if (folder.isPresent()) {
        try (Stream<Path> files = Files.walk(folder.get())) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            fingerprint.add(folder.get().getFileName() + "/" + folder.get().relativize(file));
            fingerprint.add(Files.readAllBytes(file));
          }
        }
      }
    }
    return fingerprint.hex();
  }
}
