package dev.badgesmith.incremental;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.Evidence;
import dev.badgesmith.model.Recipient;
import dev.badgesmith.model.Revocation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An award as the award cache holds it, field by field: every field goes through its record's
 * canonical constructor, so a field added to the model does not compile here until it is cached
 * too.
 */
final class AwardRecords {
  private AwardRecords() {}

  static void write(DataOutputStream out, Award a) throws IOException {
    text(out, a.badgeId());
    text(out, a.id());
    Recipient r = a.recipient();
    text(out, r.type());
    text(out, r.identity());
    text(out, r.salt());
    optional(out, r.name());
    optional(out, r.publicId());
    time(out, a.issuedOn());
    out.writeBoolean(a.expires().isPresent());
    if (a.expires().isPresent()) {
      time(out, a.expires().get());
    }
    optional(out, a.narrative());
    out.writeInt(a.evidence().size());
    for (Evidence e : a.evidence()) {
      optional(out, e.url());
      optional(out, e.name());
      optional(out, e.description());
      optional(out, e.narrative());
      optional(out, e.genre());
      optional(out, e.audience());
    }
    out.writeBoolean(a.revocation().isPresent());
    if (a.revocation().isPresent()) {
      text(out, a.revocation().get().reason());
      optional(out, a.revocation().get().date().map(LocalDate::toString));
    }
    text(out, a.source());
    optional(out, a.language());
  }

  /** An award as {@link #write} wrote it, read in place from the cache file's buffer. */
  static Award read(ByteBuffer in) throws IOException {
    String badgeId = text(in);
    String id = text(in);
    Recipient recipient = new Recipient(text(in), text(in), text(in), optional(in), optional(in));
    OffsetDateTime issuedOn = time(in);
    Optional<OffsetDateTime> expires = flag(in) ? Optional.of(time(in)) : Optional.empty();
    Optional<String> narrative = optional(in);
    int count = in.getInt();
    if (count < 0 || count > in.remaining()) {
      throw new IOException("not a cache entry");
    }
    List<Evidence> evidence = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      evidence.add(
          new Evidence(
              optional(in), optional(in), optional(in), optional(in), optional(in), optional(in)));
    }
    Optional<Revocation> revocation =
        flag(in)
            ? Optional.of(new Revocation(text(in), optional(in).map(LocalDate::parse)))
            : Optional.empty();
    String source = text(in);
    return new Award(
        badgeId,
        id,
        recipient,
        issuedOn,
        expires,
        narrative,
        evidence,
        revocation,
        source,
        optional(in));
  }

  /** A date-time as its instant and offset: it reads back equal, without parsing text. */
  private static void time(DataOutputStream out, OffsetDateTime time) throws IOException {
    out.writeLong(time.toEpochSecond());
    out.writeInt(time.getNano());
    out.writeInt(time.getOffset().getTotalSeconds());
  }

  private static OffsetDateTime time(ByteBuffer in) {
    long seconds = in.getLong();
    int nanos = in.getInt();
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.getInt());
    // What ofInstant gives for a fixed offset, without making the offset's zone rules each time.
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(seconds, nanos, offset), offset);
  }

  /** A boolean as {@link DataOutputStream#writeBoolean} writes it. */
  private static boolean flag(ByteBuffer in) {
    return in.get() != 0;
  }

  private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      text(out, value.get());
    }
  }

  private static Optional<String> optional(ByteBuffer in) throws IOException {
    return flag(in) ? Optional.of(text(in)) : Optional.empty();
  }

  /** UTF-8 with an int length: {@code writeUTF} stops at 64 KB, a narrative need not. */
  static void text(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > (1 << 26)) {
      throw new IOException("not a cache entry");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** {@link #text(DataInputStream)} from a buffer, decoded where it lies. */
  static String text(ByteBuffer in) throws IOException {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IOException("not a cache entry");
    }
    String text =
        new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }
}
