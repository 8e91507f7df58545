package dev.badgesmith.incremental;

import dev.badgesmith.write.AtomicFile;
import dev.badgesmith.write.StagingOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private static final String HEADER = "badgesmith-render-state 5";

  /**
   * One award's last rendering: the fingerprint of its own inputs, the positions of its files in
   * the manifest the state was saved with, and facts site-wide files gather from it (such as the
   * digests the verify page checks).
   *
   * @param fingerprint the fingerprint, or null when it is only in the bytes it was read from
   * @param stored where the entry is in the saved state it was read from, or null
   */
  record Entry(String fingerprint, int[] files, List<String> facts, Stored stored) {
    Entry(String fingerprint, int[] files, List<String> facts) {
      this(fingerprint, files, facts, null);
    }

    /**
     * Whether the entry was rendered from inputs of this fingerprint. One read from a saved state
     * is compared with the bytes it was saved as: a rebuild compares every award's, and most match.
     */
    boolean madeFrom(String inputs) {
      if (fingerprint != null) {
        return fingerprint.equals(inputs);
      }
      byte[] bytes = stored.bytes();
      int at = stored.fingerprintAt();
      int length = stored.files() - at;
      if (length == inputs.length()) {
        for (int i = 0; i < length; i++) {
          byte b = bytes[at + i];
          if (b < 0) {
            return new String(bytes, at, length, StandardCharsets.UTF_8).equals(inputs);
          }
          if (b != inputs.charAt(i)) {
            return false;
          }
        }
        return true;
      }
      // As many bytes as characters only if all are ASCII: else it is decoded to tell.
      return new String(bytes, at, length, StandardCharsets.UTF_8).equals(inputs);
    }
  }

  /**
   * Where an entry is in the bytes of a saved state: its place among the entries, which are saved
   * in the order of their keys, and its key and fingerprint ({@code from} to {@code files}, the
   * fingerprint's UTF-8 from {@code fingerprintAt}) and its facts ({@code facts} to {@code to}),
   * copied as they are when it is kept.
   */
  record Stored(
      byte[] bytes, int place, int from, int fingerprintAt, int files, int facts, int to) {}

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
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.get());
    } catch (IOException e) {
      return empty();
    }
    try {
      // Read whole and decoded in place: quicker than a stream for tens of thousands of entries.
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (!ShortText.read(in).equals(HEADER) || !ShortText.read(in).equals(manifest.get())) {
        return empty();
      }
      String site = ShortText.read(in);
      int count = in.getInt();
      Map<String, Entry> entries = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        int from = in.position();
        String key = ShortText.read(in);
        // Compared in place (Entry.madeFrom), not decoded: most are long and match.
        int fingerprintAt = in.position() + 2;
        in.position(fingerprintAt + Short.toUnsignedInt(in.getShort()));
        int filesAt = in.position();
        int[] files = new int[Short.toUnsignedInt(in.getShort())];
        for (int f = 0; f < files.length; f++) {
          files[f] = in.getInt();
        }
        int factsAt = in.position();
        String[] facts = new String[Short.toUnsignedInt(in.getShort())];
        for (int f = 0; f < facts.length; f++) {
          facts[f] = ShortText.read(in);
        }
        entries.put(
            key,
            new Entry(
                null,
                files,
                List.of(facts),
                new Stored(bytes, i, from, fingerprintAt, filesAt, factsAt, in.position())));
      }
      return in.hasRemaining() ? empty() : new RenderState(site, entries);
    } catch (RuntimeException e) {
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

  private static boolean lost(int[] files) {
    for (int position : files) {
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
     * Saves the state for the manifest it now goes with, replacing the file atomically. An entry
     * kept from the state read at the start is copied from its bytes, but for its files' positions:
     * a rebuild keeps most, and encoding each again cost more than the rest of the plan.
     *
     * @param output the output the manifest was written from, which tells each file's position
     */
    void save(Path file, String manifest, StagingOutput output) {
      // The kept entries in the order they were saved in, which is their keys' order: each put
      // at its place, as sorting them again costs more than the rest of the save.
      List<Map.Entry<String, Entry>> keptInOrder = inPlaces(kept, rendered.keySet());
      for (int i = 1; i < keptInOrder.size(); i++) {
        if (keptInOrder.get(i - 1).getKey().compareTo(keptInOrder.get(i).getKey()) >= 0) {
          keptInOrder.sort(Map.Entry.comparingByKey()); // saved otherwise: sorted here
          break;
        }
      }
      String[] renderedKeys = rendered.keySet().toArray(new String[0]);
      Arrays.sort(renderedKeys); // the same state is saved the same way
      try {
        AtomicFile.write(
            file,
            raw -> {
              DataOutputStream out = new DataOutputStream(raw);
              ShortText.write(out, HEADER, "render state");
              ShortText.write(out, manifest, "render state");
              ShortText.write(out, site, "render state");
              // How many entries have every file in the site: a file not in the site after all
              // leaves its award to be rendered again next time.
              int[][] keptFiles = new int[keptInOrder.size()][];
              int[][] renderedFiles = new int[renderedKeys.length][];
              int count = 0;
              for (int k = 0; k < keptFiles.length; k++) {
                int[] files = keptInOrder.get(k).getValue().files();
                keptFiles[k] = positions(files.length, f -> output.listedPosition(files[f]));
                count += lost(keptFiles[k]) ? 0 : 1;
              }
              for (int r = 0; r < renderedFiles.length; r++) {
                List<String> paths = rendered.get(renderedKeys[r]).paths();
                renderedFiles[r] =
                    positions(paths.size(), f -> output.listedPosition(paths.get(f)));
                count += lost(renderedFiles[r]) ? 0 : 1;
              }
              out.writeInt(count);
              int k = 0;
              int r = 0;
              while (k < keptFiles.length || r < renderedFiles.length) {
                boolean keptNext =
                    r == renderedFiles.length
                        || (k < keptFiles.length
                            && keptInOrder.get(k).getKey().compareTo(renderedKeys[r]) < 0);
                if (keptNext) {
                  Map.Entry<String, Entry> entry = keptInOrder.get(k);
                  if (!lost(keptFiles[k])) {
                    write(out, entry.getKey(), entry.getValue(), keptFiles[k]);
                  }
                  k++;
                } else {
                  Rendered entry = rendered.get(renderedKeys[r]);
                  if (!lost(renderedFiles[r])) {
                    write(
                        out,
                        renderedKeys[r],
                        new Entry(entry.fingerprint(), renderedFiles[r], entry.facts()),
                        renderedFiles[r]);
                  }
                  r++;
                }
              }
              out.flush();
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * The kept entries but those rendered too, in their places in the state they were read from; in
     * no order when one was not read from a state.
     */
    private static List<Map.Entry<String, Entry>> inPlaces(
        Map<String, Entry> kept, java.util.Set<String> rendered) {
      List<Map.Entry<String, Entry>> entries = new ArrayList<>(kept.size());
      int places = 0;
      for (Map.Entry<String, Entry> entry : kept.entrySet()) {
        if (rendered.contains(entry.getKey())) {
          continue;
        }
        Stored stored = entry.getValue().stored();
        if (stored == null) {
          places = -1;
        } else if (places >= 0) {
          places = Math.max(places, stored.place() + 1);
        }
        entries.add(entry);
      }
      if (places < 0) {
        return entries;
      }
      @SuppressWarnings("unchecked")
      Map.Entry<String, Entry>[] byPlace = new Map.Entry[places];
      for (Map.Entry<String, Entry> entry : entries) {
        byPlace[entry.getValue().stored().place()] = entry;
      }
      List<Map.Entry<String, Entry>> inOrder = new ArrayList<>(entries.size());
      for (Map.Entry<String, Entry> entry : byPlace) {
        if (entry != null) {
          inOrder.add(entry);
        }
      }
      return inOrder;
    }

    /** One entry, with its files at these positions: copied where it was read from a state. */
    private static void write(DataOutputStream out, String key, Entry entry, int[] files)
        throws IOException {
      Stored stored = entry.stored();
      if (stored != null) {
        out.write(stored.bytes(), stored.from(), stored.files() - stored.from());
      } else {
        ShortText.write(out, key, "render state");
        ShortText.write(out, entry.fingerprint(), "render state");
      }
      out.writeShort(files.length);
      for (int position : files) {
        out.writeInt(position);
      }
      if (stored != null) {
        out.write(stored.bytes(), stored.facts(), stored.to() - stored.facts());
      } else {
        out.writeShort(entry.facts().size());
        for (String fact : entry.facts()) {
          ShortText.write(out, fact, "render state");
        }
      }
    }
  }
}
