package dev.badgesmith.incremental;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Severity;
import dev.badgesmith.images.ImageProblem;
import dev.badgesmith.images.SvgChecks;
import dev.badgesmith.write.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What checking each SVG found, kept on disk between builds ({@link CacheLayout#svgCheck}), one
 * file per SVG by {@link #key}: the SVG's bytes and Badgesmith's own code, so a new version checks
 * every SVG again. Entries are written whole or not at all ({@link AtomicFile}), and an entry that
 * cannot be read is checked again: the store only ever spares work.
 */
public final class CheckedSvgs implements SvgChecks {
  private static final String HEADER = "badgesmith-svg-check 1";

  private final Function<String, Path> entries;

  /**
   * @param entries where the entry with each key is kept (its folder created when first needed)
   */
  public CheckedSvgs(Function<String, Path> entries) {
    this.entries = entries;
  }

  /** The store of a run: the cache's, or none. */
  public static SvgChecks in(Optional<CacheLayout> cache) {
    return cache.<SvgChecks>map(c -> new CheckedSvgs(c::svgCheck)).orElse(SvgChecks.NONE);
  }

  @Override
  public Optional<Checked> get(byte[] svg) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(entries.apply(key(svg)));
    } catch (IOException e) {
      return Optional.empty(); // none, or unreadable: checked again
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (!in.readUTF().equals(HEADER)) {
        return Optional.empty();
      }
      int count = in.readInt();
      List<ImageProblem> problems = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Severity severity = Severity.valueOf(AwardRecords.text(in));
        Code code = Code.valueOf(AwardRecords.text(in));
        String message = AwardRecords.text(in);
        Optional<String> hint =
            in.readBoolean() ? Optional.of(AwardRecords.text(in)) : Optional.empty();
        problems.add(new ImageProblem(severity, code, message, hint, in.readInt(), in.readInt()));
      }
      Optional<byte[]> published =
          in.readBoolean() ? Optional.of(in.readNBytes(in.readInt())) : Optional.empty();
      if (in.read() != -1) {
        return Optional.empty(); // not what this code writes
      }
      return Optional.of(new Checked(problems, published));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry: checked again
    }
  }

  @Override
  public void put(byte[] svg, Checked checked) throws IOException {
    Path entry = entries.apply(key(svg));
    try {
      AtomicFile.write(
          entry,
          raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeUTF(HEADER);
            out.writeInt(checked.problems().size());
            for (ImageProblem p : checked.problems()) {
              AwardRecords.text(out, p.severity().name());
              AwardRecords.text(out, p.code().name());
              AwardRecords.text(out, p.message());
              out.writeBoolean(p.hint().isPresent());
              if (p.hint().isPresent()) {
                AwardRecords.text(out, p.hint().get());
              }
              out.writeInt(p.line());
              out.writeInt(p.column());
            }
            out.writeBoolean(checked.published().isPresent());
            if (checked.published().isPresent()) {
              out.writeInt(checked.published().get().length);
              out.write(checked.published().get());
            }
            out.flush();
          });
    } catch (IOException e) {
      throw new IOException(entry + ": " + e, e);
    }
  }

  /** An entry's key: hex SHA-256 of Badgesmith's code and the SVG bytes. */
  static String key(byte[] svg) {
    return Fingerprint.ofCode().add(svg).hex();
  }
}
