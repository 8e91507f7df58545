package dev.badgesmith.incremental;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.Site;
import dev.badgesmith.write.PublishedFile;
import dev.badgesmith.write.PublishedManifest;
import dev.badgesmith.write.SiteWriter;
import dev.badgesmith.write.StagingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The shards' outputs a merge puts together, checked first: every shard once, all of one split, all
 * built from the sources being merged, and every file they name inside their own folder.
 */
final class ShardMerge {
  private ShardMerge() {}

  /**
   * Each award's files in the shard output that holds them, by key.
   *
   * @param sources the digest a shard's record must carry to have been built from this site
   */
  static Map<String, RenderPlan.Adopted> adopt(
      Site site, List<Path> shardDirs, Function<RenderPlan.Part, String> sources) {
    if (shardDirs.isEmpty()) {
      throw new BadgesmithException("no shard to merge: give the output folder of every shard");
    }
    Map<Integer, Path> byIndex = new TreeMap<>();
    Map<Integer, ShardRecord> records = new HashMap<>();
    int count = -1;
    for (Path dir : shardDirs) {
      ShardRecord record = ShardRecord.read(dir);
      if (count != -1 && record.count() != count) {
        throw new BadgesmithException(
            dir
                + ": shard "
                + record.index()
                + "/"
                + record.count()
                + " is of another split than "
                + byIndex.values().iterator().next()
                + " (of "
                + count
                + "): build every shard with the same N");
      }
      count = record.count();
      Path other = byIndex.putIfAbsent(record.index(), dir);
      if (other != null) {
        throw new BadgesmithException(
            dir + ": shard " + record.index() + "/" + count + " is given twice, also as " + other);
      }
      RenderPlan.Part part = new RenderPlan.Part(record.index(), record.count());
      if (!record.sources().equals(sources.apply(part))) {
        throw new BadgesmithException(
            dir
                + ": shard "
                + record.index()
                + "/"
                + count
                + " was built from other sources than the site's (another commit, settings or"
                + " version of Badgesmith): build every shard and merge from the same commit");
      }
      records.put(record.index(), record);
    }
    for (int index = 1; index <= count; index++) {
      if (!byIndex.containsKey(index)) {
        throw new BadgesmithException(
            "shard " + index + "/" + count + " is missing: give the output folder of every shard");
      }
    }
    // Each shard's files as its manifest lists them: the merge takes their digests from there
    // rather than reading every file again.
    Map<Integer, Map<String, PublishedFile>> listed = new HashMap<>();
    byIndex.forEach((index, dir) -> listed.put(index, listed(dir, index, records.get(index))));
    Map<String, RenderPlan.Adopted> adopted = new HashMap<>();
    for (Award award : site.awards()) {
      String key = StatusIndexes.key(award);
      int index = ShardRecord.shardOf(count, award.badgeId());
      Path dir = byIndex.get(index);
      ShardRecord.Rendered rendered = records.get(index).awards().get(key);
      if (rendered == null) {
        throw new BadgesmithException(
            dir + ": shard " + index + "/" + count + " has no files of award " + key);
      }
      List<PublishedFile> files = new ArrayList<>(rendered.files().size());
      for (String file : rendered.files()) {
        PublishedFile entry = listed.get(index).get(file);
        if (!StagingOutput.isSitePath(file) || entry == null || !asListed(dir, entry)) {
          throw new BadgesmithException(
              dir
                  + ": shard "
                  + index
                  + "/"
                  + count
                  + " lacks "
                  + file
                  + " of award "
                  + key
                  + " as its build wrote it: give the shard's whole output folder, as it was built");
        }
        files.add(entry);
      }
      adopted.put(key, new RenderPlan.Adopted(award, dir, files, rendered.facts()));
    }
    return adopted;
  }

  /** A shard's files as its manifest lists them, by path. */
  private static Map<String, PublishedFile> listed(Path dir, int index, ShardRecord record) {
    PublishedManifest manifest =
        PublishedManifest.read(dir.resolve(SiteWriter.MANIFEST))
            .filter(PublishedManifest::ours)
            .orElseThrow(
                () ->
                    new BadgesmithException(
                        dir
                            + ": shard "
                            + index
                            + "/"
                            + record.count()
                            + " has no "
                            + SiteWriter.MANIFEST
                            + " of Badgesmith's: give the shard's whole output folder"));
    Map<String, PublishedFile> byPath = new HashMap<>(manifest.files().size() * 2);
    manifest.files().forEach(f -> byPath.put(f.path(), f));
    return byPath;
  }

  /** Whether a shard's file is there, of the size its manifest lists. */
  private static boolean asListed(Path dir, PublishedFile entry) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(dir.resolve(entry.path()), BasicFileAttributes.class);
      return attributes.isRegularFile() && attributes.size() == entry.size();
    } catch (IOException e) {
      return false;
    }
  }
}
