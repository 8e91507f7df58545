package dev.badgesmith.incremental;

import dev.badgesmith.incremental.AwardCache.Entry;
import dev.badgesmith.model.Award;
import dev.badgesmith.write.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The award cache's file ({@link AwardCache}): a header, then segments, each the contexts its
 * entries name that earlier segments did not (numbered after theirs), its entries, and the paths
 * whose entries it removes, ending with a mark, its length and its CRC-32. A later segment's entry
 * for a path replaces an earlier one's. Reading stops at the first segment that does not end so.
 */
final class AwardCacheFile {
  private static final String HEADER = "badgesmith-award-cache 6";

  /** What ends a segment, before its length and CRC-32. */
  private static final int SEGMENT_END = 0x5E9E17D5;

  private AwardCacheFile() {}

  /**
   * Appends a segment to the file as it was read; false, having changed nothing, when the file is
   * not as it was read (another build wrote it since, or a segment was left half-written).
   */
  static boolean append(
      Path file, AwardCache.Segments segments, List<Entry> added, List<String> removed)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
    segment(new DataOutputStream(bytes), segments.contexts(), added, removed);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      if (channel.size() != segments.length() || !Objects.equals(key, segments.fileKey())) {
        return false;
      }
      ByteBuffer segment = ByteBuffer.wrap(bytes.toByteArray());
      long at = segments.length();
      while (segment.hasRemaining()) {
        at += channel.write(segment, at);
      }
    } catch (NoSuchFileException e) {
      return false;
    }
    return true;
  }

  /**
   * One segment: the contexts its entries name that {@code known} does not (numbered after them),
   * its entries, the paths whose entries it removes, then its end, length and CRC-32.
   */
  private static void segment(
      DataOutputStream out, List<String> known, List<Entry> entries, List<String> removed)
      throws IOException {
    // Contexts are few (one per badge class): a table, each entry naming one by its number.
    Map<String, Integer> numbers = new HashMap<>();
    for (int i = 0; i < known.size(); i++) {
      numbers.putIfAbsent(known.get(i), i);
    }
    List<String> fresh = new ArrayList<>();
    for (Entry e : entries) {
      if (!numbers.containsKey(e.context())) {
        numbers.put(e.context(), known.size() + fresh.size());
        fresh.add(e.context());
      }
    }
    CRC32 crc = new CRC32();
    DataOutputStream body = new DataOutputStream(new CheckedOutputStream(out, crc));
    body.writeInt(fresh.size());
    for (String context : fresh) {
      AwardRecords.text(body, context);
    }
    body.writeInt(entries.size());
    for (Entry e : entries) {
      AwardRecords.text(body, e.stamp());
      AwardRecords.text(body, e.fileDigest());
      body.writeInt(numbers.get(e.context()));
      AwardRecords.write(body, e.award());
      AwardRecords.text(body, e.lockDigest());
      AwardRecords.text(body, e.lockFields());
    }
    body.writeInt(removed.size());
    for (String path : removed) {
      AwardRecords.text(body, path);
    }
    body.flush();
    out.writeInt(SEGMENT_END);
    out.writeInt(body.size());
    out.writeLong(crc.getValue());
    out.flush();
  }

  static AwardCache.Earlier read(Path file) {
    AwardCache.Earlier none = new AwardCache.Earlier(file, Map.of(), Optional.empty());
    if (!Files.isRegularFile(file)) {
      return none;
    }
    Map<String, Entry> entries = new HashMap<>();
    List<String> contexts = new ArrayList<>();
    int records = 0;
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      byte[] bytes = Files.readAllBytes(file);
      // Decoded in place: a stream's reads, each locked, cost more than the decoding itself.
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (!header(in)) {
        return none;
      }
      int end = in.position();
      while (in.hasRemaining()) {
        Optional<Integer> read = segment(bytes, end, in, contexts, entries);
        if (read.isEmpty()) {
          break; // what follows the last whole segment is not read, and is written over
        }
        records += read.get();
        end = in.position();
      }
      return new AwardCache.Earlier(
          file,
          entries,
          Optional.of(new AwardCache.Segments(end, key, List.copyOf(contexts), records)));
    } catch (IOException | RuntimeException e) {
      return none; // a damaged or older cache: read everything anew
    }
  }

  /**
   * Reads the segment starting at {@code from} into {@code contexts} and {@code entries}, when it
   * is whole; else changes neither.
   *
   * @return how many entries and removals it holds, or empty when it is not whole
   */
  private static Optional<Integer> segment(
      byte[] bytes, int from, ByteBuffer in, List<String> contexts, Map<String, Entry> entries) {
    try {
      List<String> fresh = new ArrayList<>();
      int contextCount = count(in);
      for (int i = 0; i < contextCount; i++) {
        fresh.add(AwardRecords.text(in));
      }
      List<String> table = new ArrayList<>(contexts);
      table.addAll(fresh);
      int count = count(in);
      List<Entry> read = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String stamp = AwardRecords.text(in);
        String fileDigest = AwardRecords.text(in);
        String context = table.get(in.getInt());
        Award award = AwardRecords.read(in);
        String lockDigest = AwardRecords.text(in);
        String lockFields = AwardRecords.text(in);
        String path = award.source();
        read.add(new Entry(path, stamp, fileDigest, context, award, lockDigest, lockFields));
      }
      int removedCount = count(in);
      List<String> removed = new ArrayList<>(removedCount);
      for (int i = 0; i < removedCount; i++) {
        removed.add(AwardRecords.text(in));
      }
      int length = in.position() - from;
      if (in.getInt() != SEGMENT_END || in.getInt() != length) {
        return Optional.empty();
      }
      CRC32 crc = new CRC32();
      crc.update(bytes, from, length);
      if (in.getLong() != crc.getValue()) {
        return Optional.empty();
      }
      contexts.addAll(fresh);
      read.forEach(e -> entries.put(e.path(), e));
      removed.forEach(entries::remove);
      return Optional.of(count + removedCount);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the buffer starts with {@link #HEADER} as {@link DataOutputStream#writeUTF} wrote it.
   */
  private static boolean header(ByteBuffer in) {
    byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
    if (in.remaining() < 2 + header.length || Short.toUnsignedInt(in.getShort()) != header.length) {
      return false;
    }
    byte[] read = new byte[header.length];
    in.get(read);
    return Arrays.equals(read, header);
  }

  /** A count of what follows, which a damaged file could make larger than the file itself. */
  private static int count(ByteBuffer in) throws IOException {
    int count = in.getInt();
    if (count < 0 || count > in.remaining()) {
      throw new IOException("not a cache segment");
    }
    return count;
  }

  /** Writes the file anew: the header and one segment of every entry. */
  static void write(Path file, List<Entry> entries) throws IOException {
    AtomicFile.write(
        file,
        raw -> {
          DataOutputStream out = new DataOutputStream(raw);
          out.writeUTF(HEADER);
          segment(out, List.of(), entries, List.of());
          out.flush();
        });
  }
}
