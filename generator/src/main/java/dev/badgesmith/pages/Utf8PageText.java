package dev.badgesmith.pages;

import java.io.Writer;
import java.util.Arrays;

/**
 * A page as it is written, encoded to UTF-8 as the template writes it: one pass over the text,
 * where a {@code StringBuilder} then {@code toString} then {@code getBytes} made three (and a page
 * with one character outside Latin-1 doubled the builder). Encodes as {@code
 * String.getBytes(UTF_8)} does, a lone surrogate as {@code ?}, so the bytes are the same.
 */
final class Utf8PageText extends Writer {
  /** The largest buffer a thread keeps for its next page. */
  private static final int KEPT = 1 << 20;

  /**
   * Each thread's buffer from its last page, for its next: a build writes tens of thousands of
   * pages, and a new buffer for each was a tenth of everything a build allocated.
   */
  private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

  private byte[] bytes;
  private int size;

  Utf8PageText() {
    byte[] spare = SPARE.get();
    if (spare != null) {
      SPARE.set(null); // this page's alone until it is done, even if another starts meanwhile
      bytes = spare;
    } else {
      bytes = new byte[16384];
    }
  }

  /** A high surrogate written last, waiting for its low half. */
  private char high;

  @Override
  public void write(char[] chars, int offset, int length) {
    // The templates' own text comes as arrays: as the strings below, ASCII first.
    room(length);
    int end = offset + length;
    int i = offset;
    if (high == 0) {
      byte[] b = bytes;
      int n = size;
      for (; i < end; i++) {
        char c = chars[i];
        if (c >= 0x80) {
          break;
        }
        b[n++] = (byte) c;
      }
      size = n;
    }
    for (; i < end; i++) {
      put(chars[i]);
    }
  }

  @Override
  public void write(String string) {
    write(string, 0, string.length());
  }

  @Override
  public void write(String string, int offset, int length) {
    room(length);
    int end = offset + length;
    int i = offset;
    if (high == 0) {
      // The common case, ASCII, without the checks of each character's width.
      byte[] b = bytes;
      int n = size;
      for (; i < end; i++) {
        char c = string.charAt(i);
        if (c >= 0x80) {
          break;
        }
        b[n++] = (byte) c;
      }
      size = n;
    }
    for (; i < end; i++) {
      put(string.charAt(i));
    }
  }

  @Override
  public void write(int c) {
    put((char) c);
  }

  private void put(char c) {
    if (high != 0) {
      char h = high;
      high = 0;
      if (Character.isLowSurrogate(c)) {
        int code = Character.toCodePoint(h, c);
        room(4);
        bytes[size++] = (byte) (0xf0 | (code >> 18));
        bytes[size++] = (byte) (0x80 | ((code >> 12) & 0x3f));
        bytes[size++] = (byte) (0x80 | ((code >> 6) & 0x3f));
        bytes[size++] = (byte) (0x80 | (code & 0x3f));
        return;
      }
      room(1);
      bytes[size++] = '?';
    }
    if (c < 0x80) {
      room(1);
      bytes[size++] = (byte) c;
    } else if (c < 0x800) {
      room(2);
      bytes[size++] = (byte) (0xc0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3f));
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      room(1);
      bytes[size++] = '?';
    } else {
      room(3);
      bytes[size++] = (byte) (0xe0 | (c >> 12));
      bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      bytes[size++] = (byte) (0x80 | (c & 0x3f));
    }
  }

  /** Room for at least {@code more} bytes. */
  private void room(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  /**
   * The page's bytes, a lone high surrogate at the end as {@code ?}. The page is done: its buffer
   * goes to the thread's next page, so nothing more is written to this one.
   */
  byte[] toBytes() {
    if (high != 0) {
      high = 0;
      room(1);
      bytes[size++] = '?';
    }
    byte[] page = Arrays.copyOf(bytes, size);
    if (bytes.length <= KEPT) {
      SPARE.set(bytes);
    }
    bytes = null;
    return page;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
