package dev.badgesmith.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last build of one output folder rendered, per award: the fingerprint of its inputs and
 * the files it wrote. A rebuild keeps an award's files unread when its fingerprint is the same.
 *
 * <p>Kept in the cache, never in the site or its output (fingerprints cover recipients), and tied
 * to the manifest it was written with: a published folder changed since is rendered again in full.
 */
final class RenderState {
  private static final String HEADER = "badgesmith-render-state 2";

  /**
   * One award's last rendering: its files, and facts site-wide files gather from it (such as the
   * digests the verify page checks), as words without spaces.
   */
  record Entry(String fingerprint, List<String> files, List<String> facts) {
    Entry {
      files = List.copyOf(files);
      facts = List.copyOf(facts);
    }
  }

  /** Separates an entry's files from its facts on its line. */
  private static final String FACTS = "|";

  private final Map<String, Entry> entries;

  private RenderState(Map<String, Entry> entries) {
    this.entries = entries;
  }

  static RenderState empty() {
    return new RenderState(new ConcurrentHashMap<>());
  }

  /**
   * The state saved for a published site whose manifest has this stamp (size, time and inode);
   * empty when there is none, or it was saved for another manifest.
   */
  static RenderState load(Optional<Path> file, Optional<String> manifest) {
    if (file.isEmpty() || manifest.isEmpty() || !Files.isRegularFile(file.get())) {
      return empty();
    }
    Map<String, Entry> entries = new ConcurrentHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
      if (!(HEADER + " " + manifest.get()).equals(in.readLine())) {
        return empty();
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.split(" ");
        if (fields.length < 2) {
          return empty();
        }
        List<String> words = List.of(fields).subList(2, fields.length);
        int bar = words.indexOf(FACTS);
        entries.put(
            fields[1],
            bar < 0
                ? new Entry(fields[0], words, List.of())
                : new Entry(
                    fields[0], words.subList(0, bar), words.subList(bar + 1, words.size())));
      }
    } catch (IOException | UncheckedIOException e) {
      return empty(); // a state that cannot be read only means everything is rendered
    }
    return new RenderState(entries);
  }

  Optional<Entry> get(String award) {
    return Optional.ofNullable(entries.get(award));
  }

  void put(String award, Entry entry) {
    entries.put(award, entry);
  }

  /** Saves the state for the manifest it now goes with, replacing the file atomically. */
  void save(Path file, String manifest) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        out.write(HEADER + " " + manifest + "\n");
        for (var entry : new TreeMap<>(entries).entrySet()) {
          out.write(entry.getValue().fingerprint());
          out.write(' ');
          out.write(entry.getKey());
          for (String path : entry.getValue().files()) {
            out.write(' ');
            out.write(path);
          }
          if (!entry.getValue().facts().isEmpty()) {
            out.write(' ' + FACTS);
            for (String fact : entry.getValue().facts()) {
              out.write(' ');
              out.write(fact);
            }
          }
          out.write('\n');
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
