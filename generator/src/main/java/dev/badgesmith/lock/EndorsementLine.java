package dev.badgesmith.lock;

import java.util.Map;
import java.util.Objects;

/**
 * One published endorsement in {@code published.lock}: {@code endorsement:<id>}, then the columns
 * of an award's line.
 *
 * @param id the endorsement's id: its file {@code endorsements/<id>.yaml} without the extension
 * @param index its credential's entry in the status list, shared with the awards: pinned for good
 * @param url where its Open Badges 2.0 Endorsement is published
 * @param digest {@code sha256:} over its canonical record (see {@link EndorsementDigest})
 * @param fields a fingerprint of each part of it
 * @param revoked whether it was revoked when the lock was last written
 * @param line where the line is in the file (1-based), for diagnostics; 0 for a new line
 */
public record EndorsementLine(
    String id,
    int index,
    String url,
    String digest,
    Map<EndorsementField, String> fields,
    boolean revoked,
    int line) {
  /** What starts an endorsement's line, and its key among the status indexes. */
  static final String PREFIX = "endorsement:";

  public EndorsementLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(digest, "digest");
    fields = Map.copyOf(fields);
  }

  /** An endorsement's key: no award's, which is {@code <badge-id>/<award-id>}. */
  public static String key(String id) {
    return PREFIX + id;
  }

  public String key() {
    return key(id);
  }

  /** The line as written: space-separated columns, {@code revoked} last when it is. */
  String format() {
    return key()
        + " "
        + index
        + " "
        + url
        + " "
        + digest
        + " "
        + new EndorsementDigest(digest, fields).fieldsColumn()
        + (revoked ? " revoked" : "");
  }

  EndorsementLine withRevoked(boolean revoked) {
    return new EndorsementLine(id, index, url, digest, fields, revoked, line);
  }
}
