package dev.badgesmith.incremental;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.Evidence;
import dev.badgesmith.model.Recipient;
import dev.badgesmith.model.Revocation;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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

  static Award read(DataInputStream in) throws IOException {
    String badgeId = text(in);
    String id = text(in);
    Recipient recipient = new Recipient(text(in), text(in), text(in), optional(in), optional(in));
    OffsetDateTime issuedOn = time(in);
    Optional<OffsetDateTime> expires = in.readBoolean() ? Optional.of(time(in)) : Optional.empty();
    Optional<String> narrative = optional(in);
    int count = in.readInt();
    List<Evidence> evidence = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      evidence.add(
          new Evidence(
              optional(in), optional(in), optional(in), optional(in), optional(in), optional(in)));
    }
    Optional<Revocation> revocation =
        in.readBoolean()
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

  private static OffsetDateTime time(DataInputStream in) throws IOException {
    Instant instant = Instant.ofEpochSecond(in.readLong(), in.readInt());
    return OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(in.readInt()));
  }

  private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      text(out, value.get());
    }
  }

  private static Optional<String> optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
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
}
