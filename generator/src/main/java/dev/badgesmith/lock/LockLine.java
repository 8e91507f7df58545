package dev.badgesmith.lock;

import java.util.Map;
import java.util.Objects;

/**
 * One published award in {@code published.lock}.
 *
 * @param award {@code <badge-id>/<award-id>}: the award's path under {@code awards/}, without the
 *     extension
 * @param index its entry in the Open Badges 3.0 status list: pinned, never reused
 * @param url where its Open Badges 2.0 assertion is published
 * @param digest {@code sha256:} over its canonical record (see {@link AwardDigest})
 * @param fieldsColumn a fingerprint of each part of it, as the line's column gives them (see {@link
 *     AwardDigest#fieldsColumn()}): read into {@link #fields()} only where a part is named
 * @param revoked whether it was revoked when the lock was last written
 * @param line where the line is in the file (1-based), for diagnostics; 0 for a new line
 */
public record LockLine(
    String award,
    int index,
    String url,
    String digest,
    String fieldsColumn,
    boolean revoked,
    int line) {

  public LockLine {
    Objects.requireNonNull(award, "award");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(digest, "digest");
    if (!AwardDigest.isFieldsColumn(fieldsColumn)) {
      throw new IllegalArgumentException("not a fields column: " + fieldsColumn);
    }
  }

  /** The fingerprint of each part. */
  public Map<AwardField, String> fields() {
    return AwardDigest.parseFields(fieldsColumn).orElseThrow();
  }

  /** The line as written: space-separated columns, {@code revoked} last when it is. */
  String format() {
    return award
        + " "
        + index
        + " "
        + url
        + " "
        + digest
        + " "
        + fieldsColumn
        + (revoked ? " revoked" : "");
  }

  LockLine withRevoked(boolean revoked) {
    return new LockLine(award, index, url, digest, fieldsColumn, revoked, line);
  }
}
