package dev.badgesmith.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.hash.Sha256;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.write.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shard's build leaves beside its output for the merge: which of the shard's awards wrote
 * which files, and what the verify page learnt from each, with a digest of the sources they were
 * rendered from so that shards of different commits are never merged.
 *
 * <p>It holds no recipient and no fingerprint of one award: shards' outputs travel between CI jobs
 * as artifacts, which more people can read than the site's own cache.
 *
 * @param index which shard, from 1
 * @param count how many shards the site was split into
 * @param sources a digest of the generator, the site's settings, issuers, badge classes, templates
 *     and of every award of this shard
 * @param awards each award's files and facts, by its key ({@code badge/award})
 */
public record ShardRecord(int index, int count, String sources, Map<String, Rendered> awards) {
  /** The file beside a shard's output, never part of a published site. */
  public static final String FILE = "badgesmith-shard.json";

  private static final String FORMAT = "badgesmith-shard 1";

  /** One award's files, as paths in the site, and its facts. */
  public record Rendered(List<String> files, List<String> facts) {}

  /**
   * Whether the awards of the badge class with this id fall to shard {@code index} of {@code
   * count}.
   */
  public static boolean owns(int index, int count, String badgeId) {
    return shardOf(count, badgeId) == index;
  }

  /** The shard, from 1, that the awards of the badge class with this id fall to. */
  static int shardOf(int count, String badgeId) {
    byte[] digest = Sha256.of(badgeId);
    long value =
        ((digest[0] & 0xffL) << 24)
            | ((digest[1] & 0xffL) << 16)
            | ((digest[2] & 0xffL) << 8)
            | (digest[3] & 0xffL);
    return (int) (value % count) + 1;
  }

  /** Writes the record into a shard's output folder, replacing any earlier one. */
  void write(Path outDir) throws IOException {
    ObjectNode root = JsonOutput.object();
    root.put("format", FORMAT);
    root.put("shard", index + "/" + count);
    root.put("sources", sources);
    ObjectNode byKey = root.putObject("awards");
    new TreeMap<>(awards)
        .forEach(
            (key, rendered) -> {
              ObjectNode award = byKey.putObject(key);
              rendered.files().forEach(award.putArray("files")::add);
              rendered.facts().forEach(award.putArray("facts")::add);
            });
    AtomicFile.write(outDir.resolve(FILE), JsonOutput.bytes(root));
  }

  /**
   * The record a shard's build left in {@code shardDir}.
   *
   * @throws BadgesmithException when there is none, or it is not one this generator wrote
   */
  public static ShardRecord read(Path shardDir) {
    Path file = shardDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new BadgesmithException(
          shardDir
              + ": not the output of a shard's build (no "
              + FILE
              + "): build it with `badgesmith build SITE --shard K/N --out "
              + shardDir
              + "`");
    }
    try {
      JsonNode root = Jackson.json().readTree(file.toFile());
      if (!FORMAT.equals(root.path("format").asText())) {
        throw malformed(file, "written by another version of Badgesmith");
      }
      String[] shard = root.path("shard").asText().split("/", -1);
      int index = Integer.parseInt(shard[0]);
      int count = Integer.parseInt(shard[1]);
      Map<String, Rendered> awards = new TreeMap<>();
      root.path("awards")
          .fields()
          .forEachRemaining(
              e ->
                  awards.put(
                      e.getKey(),
                      new Rendered(
                          texts(e.getValue().path("files")), texts(e.getValue().path("facts")))));
      return new ShardRecord(index, count, root.path("sources").asText(), awards);
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadgesmithException b) {
        throw b;
      }
      throw malformed(file, e.getMessage());
    }
  }

  private static BadgesmithException malformed(Path file, String why) {
    return new BadgesmithException(
        file
            + ": not a shard record this version of Badgesmith can read ("
            + why
            + "): build the shard again");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array instanceof ArrayNode items) {
      items.forEach(item -> texts.add(item.asText()));
    }
    return List.copyOf(texts);
  }
}
