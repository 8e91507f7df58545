package dev.badgesmith.incremental;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.lock.StatusIndexes;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.Site;
import dev.badgesmith.write.StagingOutput;
import java.nio.file.Files;
import java.nio.file.Path;
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
      for (String file : rendered.files()) {
        if (!StagingOutput.isSitePath(file) || !Files.isRegularFile(dir.resolve(file))) {
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
                  + ": give the shard's whole output folder");
        }
      }
      adopted.put(key, new RenderPlan.Adopted(award, dir, rendered.files(), rendered.facts()));
    }
    return adopted;
  }
}
