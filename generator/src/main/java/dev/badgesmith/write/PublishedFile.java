package dev.badgesmith.write;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file written to the site: its path under the output root, SHA-256 (hex) and size.
 *
 * <p>A site has tens of thousands of files, each held for the manifest from the start of a build to
 * its end: a SHA-256 is held as its 32 bytes, and written out as hex only where a manifest line is
 * made. A digest given as any other text (a manifest edited by hand) is kept as that text.
 */
public final class PublishedFile {
  private static final HexFormat HEX = HexFormat.of();

  private final String path;
  private final long size;
  private final byte[] digest; // the SHA-256, when the text given was one in lowercase hex
  private final String text; // the text given otherwise

  public PublishedFile(String path, String sha256, long size) {
    this.path = Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    this.size = size;
    this.digest = isLowercaseSha256(sha256) ? HEX.parseHex(sha256) : null;
    this.text = digest == null ? sha256 : null;
  }

  private PublishedFile(String path, byte[] digest, long size) {
    this.path = Objects.requireNonNull(path, "path");
    this.digest = digest;
    this.text = null;
    this.size = size;
  }

  /**
   * A file of this SHA-256.
   *
   * @param sha256 its 32 bytes, kept as they are (not copied)
   */
  public static PublishedFile of(String path, byte[] sha256, long size) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256.length + " bytes");
    }
    return new PublishedFile(path, sha256, size);
  }

  public String path() {
    return path;
  }

  /** The SHA-256 in lowercase hex, or the text the manifest gave. */
  public String sha256() {
    return digest == null ? text : HEX.formatHex(digest);
  }

  public long size() {
    return size;
  }

  /** Its SHA-256's 32 bytes (not a copy: not to be changed), or null when given as other text. */
  public byte[] sha256Bytes() {
    return digest;
  }

  /** How many characters {@link #sha256} has. */
  int sha256Length() {
    return digest == null ? text.length() : 64;
  }

  /** Appends {@link #sha256} to {@code text}. */
  StringBuilder appendSha256(StringBuilder out) {
    return digest == null ? out.append(text) : HEX.formatHex(out, digest);
  }

  /** Whether the two files have the same digest, as text. */
  boolean sameSha256(PublishedFile other) {
    return digest != null && other.digest != null
        ? Arrays.equals(digest, other.digest)
        : sha256().equals(other.sha256());
  }

  private static boolean isLowercaseSha256(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublishedFile f && size == f.size && path.equals(f.path) && sameSha256(f);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * path.hashCode() + Long.hashCode(size))
        + (digest == null ? text.hashCode() : Arrays.hashCode(digest));
  }

  @Override
  public String toString() {
    return "PublishedFile[path=" + path + ", sha256=" + sha256() + ", size=" + size + "]";
  }
}
