package dev.badgesmith.incremental;

import dev.badgesmith.write.AtomicFile;
import dev.badgesmith.write.StagingOutput;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last build of one output folder rendered, per award: the fingerprint of its inputs and
 * the files it wrote. A rebuild keeps an award's files unread when its fingerprint is the same.
 *
 * <p>Kept in the cache, never in the site or its output (fingerprints cover recipients), and tied
 * to the manifest it was written with: a published folder changed since is rendered again in full.
 * Files are named by their position in that manifest's list, so keeping an award's files costs no
 * lookup by path.
 */
final class RenderState {
  private static final String HEADER = "badgesmith-render-state 4";

  /**
   * One award's last rendering: the fingerprint of its own inputs, the positions of its files in
   * the manifest the state was saved with, and facts site-wide files gather from it (such as the
   * digests the verify page checks).
   */
  record Entry(String fingerprint, int[] files, List<String> facts) {}

  private final String site;
  private final Map<String, Entry> entries;

  private RenderState(String site, Map<String, Entry> entries) {
    this.site = site;
    this.entries = entries;
  }

  static RenderState empty() {
    return new RenderState("", Map.of());
  }

  /**
   * This state, when it was saved by a build whose awards all shared these inputs (the generator,
   * settings, issuers, badge classes and templates); else an empty one.
   */
  RenderState ifSite(String fingerprint) {
    return site.equals(fingerprint) ? this : empty();
  }

  /**
   * The state saved for a published site whose manifest has this stamp (size, time and inode);
   * empty when there is none, or it was saved for another manifest.
   */
  static RenderState load(Optional<Path> file, Optional<String> manifest) {
    if (file.isEmpty() || manifest.isEmpty() || !Files.isRegularFile(file.get())) {
      return empty();
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file.get())))) {
      if (!in.readUTF().equals(HEADER) || !in.readUTF().equals(manifest.get())) {
        return empty();
      }
      String site = in.readUTF();
      int count = in.readInt();
      Map<String, Entry> entries = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        String key = in.readUTF();
        String fingerprint = in.readUTF();
        int[] files = new int[in.readUnsignedShort()];
        for (int f = 0; f < files.length; f++) {
          files[f] = in.readInt();
        }
        String[] facts = new String[in.readUnsignedShort()];
        for (int f = 0; f < facts.length; f++) {
          facts[f] = in.readUTF();
        }
        entries.put(key, new Entry(fingerprint, files, List.of(facts)));
      }
      return in.available() == 0 ? new RenderState(site, entries) : empty();
    } catch (IOException | RuntimeException e) {
      return empty(); // a state that cannot be read only means everything is rendered
    }
  }

  /** The positions of an entry's files in the new manifest's list, by their index. */
  private static int[] positions(int count, java.util.function.IntUnaryOperator position) {
    int[] positions = new int[count];
    for (int f = 0; f < count; f++) {
      positions[f] = position.applyAsInt(f);
    }
    return positions;
  }

  private static boolean lost(Entry entry) {
    for (int position : entry.files()) {
      if (position < 0) {
        return true;
      }
    }
    return false;
  }

  Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** What one build rendered or kept, to be saved once its site is published. */
  static final class Next {
    private record Rendered(String fingerprint, List<String> paths, List<String> facts) {}

    private final String site;
    private final Map<String, Entry> kept = new ConcurrentHashMap<>();
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * @param site the fingerprint of what every award's files depend on, beside each award's own
     */
    Next(String site) {
      this.site = site;
    }

    /** An entry of the last state whose files this build kept. */
    void kept(String key, Entry entry) {
      kept.put(key, entry);
    }

    /** Whether this build kept the files of the award with this key. */
    boolean isKept(String key) {
      return kept.containsKey(key);
    }

    /**
     * The awards this build rendered, by key, with their files and facts; no badge class page or
     * site-wide file.
     */
    Map<String, ShardRecord.Rendered> renderedAwards() {
      Map<String, ShardRecord.Rendered> awards = new HashMap<>();
      rendered.forEach(
          (key, entry) -> {
            if (!key.startsWith("page:") && !key.startsWith(RenderPlan.FILE)) {
              awards.put(key, new ShardRecord.Rendered(entry.paths(), entry.facts()));
            }
          });
      return awards;
    }

    void rendered(String key, String fingerprint, List<String> paths, List<String> facts) {
      rendered.put(key, new Rendered(fingerprint, List.copyOf(paths), List.copyOf(facts)));
    }

    /**
     * Saves the state for the manifest it now goes with, replacing the file atomically.
     *
     * @param output the output the manifest was written from, which tells each file's position
     */
    void save(Path file, String manifest, StagingOutput output) {
      Map<String, Entry> entries = new HashMap<>((kept.size() + rendered.size()) * 2);
      kept.forEach(
          (key, entry) -> {
            int[] files = entry.files();
            int[] now = positions(files.length, f -> output.listedPosition(files[f]));
            entries.put(key, new Entry(entry.fingerprint(), now, entry.facts()));
          });
      rendered.forEach(
          (key, entry) -> {
            List<String> paths = entry.paths();
            int[] now = positions(paths.size(), f -> output.listedPosition(paths.get(f)));
            entries.put(key, new Entry(entry.fingerprint(), now, entry.facts()));
          });
      // A file not in the site after all: its award is rendered again next time.
      entries.values().removeIf(RenderState::lost);
      String[] keys = entries.keySet().toArray(new String[0]);
      Arrays.sort(keys); // the same state is saved the same way
      try {
        AtomicFile.write(
            file,
            raw -> {
              DataOutputStream out = new DataOutputStream(raw);
              out.writeUTF(HEADER);
              out.writeUTF(manifest);
              out.writeUTF(site);
              out.writeInt(keys.length);
              for (String key : keys) {
                Entry entry = entries.get(key);
                out.writeUTF(key);
                out.writeUTF(entry.fingerprint());
                out.writeShort(entry.files().length);
                for (int position : entry.files()) {
                  out.writeInt(position);
                }
                out.writeShort(entry.facts().size());
                for (String fact : entry.facts()) {
                  out.writeUTF(fact);
                }
              }
              out.flush();
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
