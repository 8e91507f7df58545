package dev.badgesmith.lock;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.YamlNode;
import dev.badgesmith.load.YamlNode.YamlMap;
import dev.badgesmith.load.YamlReader;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.source.SourceFile;
import dev.badgesmith.write.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds a site to its {@code published.lock}: a locked award may be revoked (or its revocation
 * lifted), and nothing else; it may not disappear. The endorsements the site gives are held the
 * same way ({@link EndorsementLock}). New awards pass: they are what a pull request adds, and
 * {@link #updated()} is the lock with their lines.
 */
public final class LockCheck {
  private static final String CHANGE_HINT =
      "a published award cannot change: restore what was published and revoke it instead"
          + " ('revoked:' with a 'reason' and a 'date'), then award anew in a new file";

  private final LockChanges changes;
  private final StatusIndexes indexes;
  private final Supplier<PublishedLock> updated;
  private final Digests digests;
  private PublishedLock written;

  private LockCheck(
      LockChanges changes,
      StatusIndexes indexes,
      Supplier<PublishedLock> updated,
      Digests digests) {
    this.changes = changes;
    this.indexes = indexes;
    this.updated = updated;
    this.digests = digests;
  }

  /**
   * Every award's digest, computed once: from what an earlier build knew, else from the award and
   * the recipient the lock records. Kept as its lock line's columns, a few bytes per award: a large
   * site holds one for each award the whole build.
   *
   * @param locked the recipient the lock records of each award that does not publish it, by key
   */
  private record Digests(
      Function<String, Optional<AwardDigest.Columns>> known,
      Map<String, AwardDigest.LockedRecipient> locked,
      Site site,
      SiteLayout layout,
      Map<String, AwardDigest.Columns> computed) {
    AwardDigest of(Award award) {
      return columns(award).parsed();
    }

    /** A digest as its lock line's columns: what a line is compared with. */
    AwardDigest.Columns columns(Award award) {
      String key = StatusIndexes.key(award);
      Optional<AwardDigest.Columns> digest =
          known.apply(key).filter(AwardDigest.Columns::wellFormed);
      if (digest.isPresent()) {
        return digest.get();
      }
      return computed.computeIfAbsent(
          key,
          k -> {
            AwardDigest made =
                AwardDigest.of(
                    Optional.ofNullable(locked.get(k)),
                    award,
                    site.badge(award.badgeId()).orElseThrow(),
                    layout);
            return new AwardDigest.Columns(made.digest(), made.fieldsColumn());
          });
    }
  }

  /**
   * Checks the site against its lock, reporting into {@code diagnostics}. Lock lines whose award is
   * gone are reported even when the site has other errors; the rest needs a valid site, and the
   * result is empty without one.
   *
   * @param base the lock as committed at the base of the change, which the site's lock must keep
   *     every line of; empty to hold the site to its own lock only
   * @param read the site's lock as read ({@link PublishedLock#readFile}), its problems not yet
   *     reported
   * @param beside where the status indexes are made while this thread compares the awards with
   *     their lines ({@code Runnable::run} for this thread)
   */
  public static Optional<LockCheck> run(
      SiteSources sources,
      SiteDoc doc,
      Optional<Site> site,
      Diagnostics diagnostics,
      Function<String, Optional<AwardDigest.Columns>> known,
      Optional<BaseLock> base,
      PublishedLock.Read read,
      Executor beside) {
    Optional<PublishedLock> lock = read.reportInto(diagnostics);
    Map<String, LockLine> lines = lock.map(PublishedLock::byAward).orElse(Map.of());
    // Each award's key, made once for the checks below: the site's awards in their order.
    List<String> keys =
        site.map(s -> s.awards().stream().map(StatusIndexes::key).toList()).orElse(List.of());
    List<AwardChange> removed = removed(sources, doc, site, keys, lines, diagnostics);
    Map<String, EndorsementLine> endorsementLines =
        lock.map(PublishedLock::byEndorsement).orElse(Map.of());
    List<String> endorsementsRemoved =
        EndorsementLock.removed(sources, doc, site, endorsementLines, diagnostics);
    List<AwardChange> dropped =
        base.map(
                b ->
                    b.check(
                        lines,
                        id -> site.flatMap(s -> s.badge(id)).map(BadgeClass::name),
                        diagnostics))
            .orElse(List.of());
    base.ifPresent(b -> b.checkEndorsements(endorsementLines, diagnostics));
    if (site.isEmpty()) {
      return Optional.empty();
    }
    Site s = site.get();
    SiteLayout layout = new SiteLayout(s.settings());
    Digests digests =
        new Digests(
            known,
            lockedRecipients(doc, s, keys),
            s,
            layout,
            new java.util.concurrent.ConcurrentHashMap<>());
    Map<String, Integer> pinned = new HashMap<>();
    lines.values().forEach(l -> pinned.put(l.award(), l.index()));
    endorsementLines.values().forEach(l -> pinned.put(l.key(), l.index()));
    // The indexes are wanted only once the lines are compared: they are made beside, or here
    // after the comparing when no thread took them up meanwhile (a task runs once, by whichever
    // thread comes first, so this one never waits for a busy pool to start them).
    FutureTask<StatusIndexes> indexing =
        new FutureTask<>(() -> StatusIndexes.pinned(s.awards(), s.endorsements().given(), pinned));
    beside.execute(indexing);

    List<AwardChange> added = new ArrayList<>();
    List<AwardChange> revoked = new ArrayList<>();
    List<AwardChange> reinstated = new ArrayList<>();
    List<AwardChange> altered = new ArrayList<>();
    List<LockLine> next = new ArrayList<>();
    // A gone award's line stays (the lock is not written while one is gone, but never loses one).
    Set<String> gone = new HashSet<>();
    removed.forEach(r -> gone.add(r.award()));
    lines.values().stream().filter(l -> gone.contains(l.award())).forEach(next::add);
    List<Award> fresh = new ArrayList<>();
    Map<String, AwardChange> byKey = new java.util.LinkedHashMap<>();
    Map<String, BadgeClass> badges = s.badgesById();
    for (int i = 0; i < keys.size(); i++) {
      Award award = s.awards().get(i);
      String key = keys.get(i);
      BadgeClass badge = badges.get(award.badgeId());
      AwardChange change =
          new AwardChange(key, badge.name(), award.source(), award.recipient().name());
      byKey.put(key, change);
      LockLine line = lines.get(key);
      if (line == null) {
        added.add(change);
        fresh.add(award); // its line is digested only if the lock is written
        continue;
      }
      String url = layout.ob2Assertion(award).url();
      if (!line.url().equals(url) || !line.digest().equals(digests.columns(award).digest())) {
        altered.add(change);
        report(sources.root(), award, badge, line, url, digests.of(award), diagnostics);
      }
      if (award.revoked() && !line.revoked()) {
        revoked.add(change);
      } else if (!award.revoked() && line.revoked()) {
        reinstated.add(change);
      }
      next.add(line.withRevoked(award.revoked()));
    }
    EndorsementLock endorsements =
        EndorsementLock.check(
            sources.root(), s, layout, endorsementLines, endorsementsRemoved, diagnostics);
    LockChanges changes =
        new LockChanges(
            lock.isPresent(),
            added,
            revoked,
            reinstated,
            altered,
            removed,
            base.map(b -> b.changes(s.awards(), byKey, dropped)),
            false,
            endorsements.changes());
    indexing.run();
    StatusIndexes indexes = joined(indexing);
    Supplier<PublishedLock> updated =
        () -> {
          // In the order lines always had: gone awards first, then every award in site order.
          Map<String, LockLine> kept = new HashMap<>();
          next.forEach(l -> kept.put(l.award(), l));
          List<LockLine> all = new ArrayList<>();
          lines.values().stream().filter(l -> gone.contains(l.award())).forEach(all::add);
          Set<String> isFresh = new HashSet<>();
          fresh.forEach(a -> isFresh.add(StatusIndexes.key(a)));
          for (int i = 0; i < keys.size(); i++) {
            Award award = s.awards().get(i);
            String key = keys.get(i);
            if (!isFresh.contains(key)) {
              all.add(kept.get(key));
              continue;
            }
            AwardDigest.Columns digest = digests.columns(award);
            all.add(
                new LockLine(
                    key,
                    indexes.of(award),
                    layout.ob2Assertion(award).url(),
                    digest.digest(),
                    digest.fields(),
                    award.revoked(),
                    0));
          }
          return new PublishedLock(all, endorsements.updated(indexes));
        };
    return Optional.of(new LockCheck(changes, indexes, updated, digests));
  }

  /** The task's result, with what it threw unwrapped. */
  private static <T> T joined(FutureTask<T> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      } else if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the status indexes were made", e);
    }
  }

  /**
   * The recipient the lock records of each award read from its file whose published recipient is
   * not that one, by key: what the digests need of the files, so the docs are not held for them.
   */
  private static Map<String, AwardDigest.LockedRecipient> lockedRecipients(
      SiteDoc doc, Site site, List<String> keys) {
    Map<String, AwardDoc> docs = new HashMap<>();
    doc.awards().forEach(a -> docs.put(a.badgeId() + "/" + a.id(), a));
    Map<String, AwardDigest.LockedRecipient> locked = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Award award = site.awards().get(i);
      String key = keys.get(i);
      AwardDoc written = docs.get(key);
      if (written != null) {
        AwardDigest.LockedRecipient.of(written, award).ifPresent(r -> locked.put(key, r));
      }
    }
    return locked;
  }

  /** What a lock line records of an award of the checked site. */
  public AwardDigest digest(Award award) {
    return digests.of(award);
  }

  public LockChanges changes() {
    return changes;
  }

  /** Every award's status list index: from its lock line, or new and never used before. */
  public StatusIndexes indexes() {
    return indexes;
  }

  /**
   * The lock as {@code badgesmith lock} writes it: every line kept with its index, its revoked mark
   * brought up to date, and a line for each new award.
   */
  public PublishedLock updated() {
    if (written == null) {
      written = updated.get(); // new awards are digested here, not on every build
    }
    return written;
  }

  /**
   * Writes {@link #updated()} to the site's {@code published.lock}, unless it already says exactly
   * that.
   *
   * @return whether the file changed
   */
  public boolean write(Path siteRoot) throws IOException {
    Path file = siteRoot.resolve(PublishedLock.FILE);
    byte[] text = updated().format().getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), text)) {
      return false;
    }
    AtomicFile.write(file, text);
    return true;
  }

  /**
   * Lock lines whose award is in no file of the site. An award whose file has errors is still
   * there: its errors are reported where they are.
   */
  private static List<AwardChange> removed(
      SiteSources sources,
      SiteDoc doc,
      Optional<Site> site,
      List<String> keys,
      Map<String, LockLine> lines,
      Diagnostics diagnostics) {
    // The site's awards name nearly every line: the files are listed only for a line they do not.
    Set<String> awards = new HashSet<>(keys);
    Set<String> files = null;
    List<AwardChange> removed = new ArrayList<>();
    for (LockLine line : lines.values()) {
      if (awards.contains(line.award())) {
        continue;
      }
      if (files == null) {
        files = new HashSet<>();
        for (SourceFile f : sources.awards()) {
          files.add(f.folder() + "/" + f.id());
        }
        for (AwardDoc a : doc.awards()) {
          files.add(a.badgeId() + "/" + a.id());
        }
      }
      if (files.contains(line.award())) {
        continue;
      }
      String badgeId = line.award().substring(0, line.award().indexOf('/'));
      String badgeName = site.flatMap(s -> s.badge(badgeId)).map(BadgeClass::name).orElse(badgeId);
      String at = PublishedLock.FILE + ":" + line.line();
      removed.add(new AwardChange(line.award(), badgeName, at, Optional.empty()));
      diagnostics.add(
          Diagnostic.error(
                  Code.PUBLISHED_AWARD_REMOVED,
                  new SourcePosition(PublishedLock.FILE, line.line(), 1),
                  "the award " + line.award() + " was published at " + line.url() + " and is gone")
              .withHint(
                  "deleting a published award breaks every copy its earner shared: restore"
                      + " awards/"
                      + line.award()
                      + ".yaml and revoke it instead ('revoked:' with a 'reason' and a 'date')"));
    }
    return removed;
  }

  /** One diagnostic per part of a locked award that changed, on its line where it has one. */
  private static void report(
      Path siteRoot,
      Award award,
      BadgeClass badge,
      LockLine line,
      String url,
      AwardDigest digest,
      Diagnostics diagnostics) {
    String key = StatusIndexes.key(award);
    String source = award.source();
    String published =
        "the published award " + key + " (" + PublishedLock.FILE + " line " + line.line() + ")";
    if (!line.url().equals(url)) {
      diagnostics.add(
          Diagnostic.error(
                  Code.PUBLISHED_AWARD_CHANGED,
                  SourcePosition.startOf(source),
                  published + " would move from " + line.url() + " to " + url)
              .withHint(
                  "an award's URL must not change: keep 'baseUrl' (and 'signing.ob2') as they were"
                      + " when it was published"));
      return;
    }
    Optional<YamlMap> yaml = YamlReader.topMapping(siteRoot, source);
    boolean any = false;
    for (AwardField field : AwardField.values()) {
      String before = line.fields().get(field);
      String now = digest.fields().get(field);
      if (before.equals(now)) {
        continue;
      }
      any = true;
      String what = field.noun();
      String how =
          before.equals(AwardDigest.ABSENT)
              ? "was added"
              : now.equals(AwardDigest.ABSENT) ? "was removed" : "changed";
      SourcePosition at = position(yaml, field).orElse(SourcePosition.startOf(source));
      String from = "";
      if (field == AwardField.ISSUER
          || field == AwardField.EXPIRES && position(yaml, field).isEmpty()) {
        from = " (set by " + badge.source() + ")";
      }
      diagnostics.add(
          Diagnostic.error(
                  Code.PUBLISHED_AWARD_CHANGED,
                  at,
                  published + " changed: its " + what + " " + how + from)
              .withHint(CHANGE_HINT));
    }
    if (!any) {
      diagnostics.add(
          Diagnostic.error(
                  Code.PUBLISHED_AWARD_CHANGED,
                  SourcePosition.startOf(source),
                  published + " changed")
              .withHint(CHANGE_HINT));
    }
  }

  /** Where a part of an award is written in its file, when it is. */
  private static Optional<SourcePosition> position(Optional<YamlMap> yaml, AwardField field) {
    if (yaml.isEmpty()) {
      return Optional.empty();
    }
    YamlMap top = yaml.get();
    return switch (field) {
      case IDENTITY -> {
        Optional<YamlMap> recipient = map(top, "recipient");
        Optional<SourcePosition> identity =
            recipient.flatMap(
                r ->
                    List.of("email", "url", "telephone", "did", "hashed").stream()
                        .map(k -> r.entries().get(k))
                        .filter(java.util.Objects::nonNull)
                        .map(YamlNode.Entry::keyAt)
                        .findFirst());
        yield identity.or(() -> key(top, "recipient"));
      }
      case NAME ->
          map(top, "recipient").flatMap(r -> key(r, "name")).or(() -> key(top, "recipient"));
      case ISSUED_ON -> key(top, "issuedOn");
      case EXPIRES -> key(top, "expires");
      case NARRATIVE -> key(top, "narrative");
      case EVIDENCE -> key(top, "evidence");
      case BADGE, ISSUER -> Optional.empty();
    };
  }

  private static Optional<SourcePosition> key(YamlMap map, String key) {
    return Optional.ofNullable(map.entries().get(key)).map(YamlNode.Entry::keyAt);
  }

  private static Optional<YamlMap> map(YamlMap map, String key) {
    return Optional.ofNullable(map.entries().get(key))
        .map(YamlNode.Entry::value)
        .filter(YamlMap.class::isInstance)
        .map(YamlMap.class::cast);
  }
}
