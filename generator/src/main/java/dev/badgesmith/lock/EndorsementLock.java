package dev.badgesmith.lock;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.json.Ob2Documents;
import dev.badgesmith.load.Docs.SiteDoc;
import dev.badgesmith.load.YamlNode;
import dev.badgesmith.load.YamlNode.YamlMap;
import dev.badgesmith.load.YamlReader;
import dev.badgesmith.model.Endorsement;
import dev.badgesmith.model.Site;
import dev.badgesmith.model.SiteLayout;
import dev.badgesmith.source.SiteSources;
import dev.badgesmith.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds the endorsements a site gives to their lines of {@code published.lock}, as {@link
 * LockCheck} holds its awards: a holder of an endorsement credential keeps it, so a locked
 * endorsement may be revoked (or its revocation lifted), and nothing else; it may not disappear.
 */
final class EndorsementLock {
  private static final String CHANGE_HINT =
      "a published endorsement cannot change: restore what was published and revoke it instead"
          + " ('revoked:' with a 'reason' and a 'date'), then endorse anew in a new file";

  private final LockChanges.Endorsed changes;
  private final List<EndorsementLine> kept;
  private final List<Endorsement> fresh;
  private final Ob2Documents ob2;
  private final SiteLayout layout;

  private EndorsementLock(
      LockChanges.Endorsed changes,
      List<EndorsementLine> kept,
      List<Endorsement> fresh,
      Ob2Documents ob2,
      SiteLayout layout) {
    this.changes = changes;
    this.kept = List.copyOf(kept);
    this.fresh = List.copyOf(fresh);
    this.ob2 = ob2;
    this.layout = layout;
  }

  /**
   * Lock lines whose endorsement is in no file of the site, each an error on its line. An
   * endorsement whose file has errors is still there: its errors are reported where they are.
   *
   * @return their ids
   */
  static List<String> removed(
      SiteSources sources,
      SiteDoc doc,
      Optional<Site> site,
      Map<String, EndorsementLine> lines,
      Diagnostics diagnostics) {
    Set<String> present = new HashSet<>();
    sources.endorsements().stream().map(SourceFile::id).forEach(present::add);
    doc.endorsements().forEach(e -> present.add(e.id()));
    site.ifPresent(s -> s.endorsements().given().forEach(e -> present.add(e.id())));
    List<String> removed = new ArrayList<>();
    for (EndorsementLine line : lines.values()) {
      if (present.contains(line.id())) {
        continue;
      }
      removed.add(line.id());
      diagnostics.add(
          Diagnostic.error(
                  Code.PUBLISHED_AWARD_REMOVED,
                  new SourcePosition(PublishedLock.FILE, line.line(), 1),
                  "the endorsement "
                      + line.id()
                      + " was published at "
                      + line.url()
                      + " and is gone")
              .withHint(
                  "deleting a published endorsement breaks every copy of its credential that was"
                      + " shared: restore endorsements/"
                      + line.id()
                      + ".yaml and revoke it instead ('revoked:' with a 'reason' and a 'date')"));
    }
    return removed;
  }

  /**
   * Checks each endorsement of a valid site against its line.
   *
   * @param removed the ids of locked endorsements that are gone, whose lines stay
   */
  static EndorsementLock check(
      Path siteRoot,
      Site site,
      SiteLayout layout,
      Map<String, EndorsementLine> lines,
      List<String> removed,
      Diagnostics diagnostics) {
    Ob2Documents ob2 = new Ob2Documents(layout, site.endorsements());
    List<String> added = new ArrayList<>();
    List<String> revoked = new ArrayList<>();
    List<String> reinstated = new ArrayList<>();
    List<String> altered = new ArrayList<>();
    List<EndorsementLine> next = new ArrayList<>();
    removed.forEach(id -> next.add(lines.get(id)));
    List<Endorsement> fresh = new ArrayList<>();
    for (Endorsement endorsement : site.endorsements().given()) {
      EndorsementLine line = lines.get(endorsement.id());
      if (line == null) {
        added.add(endorsement.id());
        fresh.add(endorsement);
        continue;
      }
      EndorsementDigest digest =
          EndorsementDigest.of(endorsement, ob2.endorsedId(endorsement.target()), layout);
      String url = layout.endorsementJson(endorsement.id()).url();
      if (!line.url().equals(url) || !line.digest().equals(digest.digest())) {
        altered.add(endorsement.id());
        report(siteRoot, endorsement, line, url, digest, diagnostics);
      }
      if (endorsement.revoked() && !line.revoked()) {
        revoked.add(endorsement.id());
      } else if (!endorsement.revoked() && line.revoked()) {
        reinstated.add(endorsement.id());
      }
      next.add(line.withRevoked(endorsement.revoked()));
    }
    return new EndorsementLock(
        new LockChanges.Endorsed(added, revoked, reinstated, altered, removed),
        next,
        fresh,
        ob2,
        layout);
  }

  LockChanges.Endorsed changes() {
    return changes;
  }

  /**
   * The endorsement lines {@code badgesmith lock} writes: every line kept with its index and its
   * revoked mark brought up to date, and one for each new endorsement, at the index it is given.
   */
  List<EndorsementLine> updated(StatusIndexes indexes) {
    List<EndorsementLine> all = new ArrayList<>(kept);
    for (Endorsement endorsement : fresh) {
      EndorsementDigest digest =
          EndorsementDigest.of(endorsement, ob2.endorsedId(endorsement.target()), layout);
      all.add(
          new EndorsementLine(
              endorsement.id(),
              indexes.of(endorsement),
              layout.endorsementJson(endorsement.id()).url(),
              digest.digest(),
              digest.fields(),
              endorsement.revoked(),
              0));
    }
    return all;
  }

  /** One diagnostic per part of a locked endorsement that changed, on its line in the file. */
  private static void report(
      Path siteRoot,
      Endorsement endorsement,
      EndorsementLine line,
      String url,
      EndorsementDigest digest,
      Diagnostics diagnostics) {
    String source = endorsement.source();
    String published =
        "the published endorsement "
            + endorsement.id()
            + " ("
            + PublishedLock.FILE
            + " line "
            + line.line()
            + ")";
    if (!line.url().equals(url)) {
      diagnostics.add(
          Diagnostic.error(
                  Code.PUBLISHED_AWARD_CHANGED,
                  SourcePosition.startOf(source),
                  published + " would move from " + line.url() + " to " + url)
              .withHint(
                  "an endorsement's URL must not change: keep 'baseUrl' as it was when it was"
                      + " published"));
      return;
    }
    Optional<YamlMap> yaml = YamlReader.topMapping(siteRoot, source);
    boolean any = false;
    for (EndorsementField field : EndorsementField.values()) {
      String before = line.fields().get(field);
      if (before.equals(digest.fields().get(field))) {
        continue;
      }
      any = true;
      diagnostics.add(
          Diagnostic.error(
                  Code.PUBLISHED_AWARD_CHANGED,
                  position(yaml, field).orElse(SourcePosition.startOf(source)),
                  published + " changed: its " + field.noun() + " changed")
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

  /**
   * Where a part is written in the file: its key; for what it endorses, the key under {@code
   * endorses:} that names it.
   */
  private static Optional<SourcePosition> position(Optional<YamlMap> yaml, EndorsementField field) {
    Optional<YamlNode.Entry> entry = yaml.map(y -> y.entries().get(field.key()));
    if (field == EndorsementField.TARGET) {
      Optional<SourcePosition> inner =
          entry
              .map(YamlNode.Entry::value)
              .filter(YamlMap.class::isInstance)
              .map(YamlMap.class::cast)
              .flatMap(m -> m.entries().values().stream().findFirst())
              .map(YamlNode.Entry::keyAt);
      if (inner.isPresent()) {
        return inner;
      }
    }
    return entry.map(YamlNode.Entry::keyAt);
  }
}
