package dev.badgesmith.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM blocks (RFC 7468) and the little DER needed to rewrap legacy key forms. */
final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);

  /** One PEM block: its label (such as {@code PUBLIC KEY}) and its decoded content. */
  record Block(String label, byte[] der) {}

  private Pem() {}

  static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String body = m.group(2);
      if (body.contains(":")) {
        // RFC 1421 headers such as Proc-Type/DEK-Info: an encrypted legacy key.
        throw new KeyException(
            "the "
                + m.group(1)
                + " is encrypted; decrypt it first"
                + " (openssl pkey -in FILE -out PLAIN.pem)");
      }
      try {
        blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body.strip())));
      } catch (IllegalArgumentException e) {
        throw new KeyException("the " + m.group(1) + " block is not valid Base64", e);
      }
    }
    return blocks;
  }

  /** The only block of a PEM text. */
  static Block single(String text, String what) {
    List<Block> blocks = blocks(text);
    if (blocks.isEmpty()) {
      throw new KeyException(
          "no PEM block in the " + what + " (expected a line such as -----BEGIN PUBLIC KEY-----)");
    }
    if (blocks.size() > 1) {
      throw new KeyException(
          "the " + what + " holds " + blocks.size() + " PEM blocks; give exactly one key");
    }
    return blocks.get(0);
  }

  /** PEM text with 64-character lines and {@code \n} line ends, ending in a newline. */
  static String encode(String label, byte[] der) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
    for (int i = 0; i < base64.length(); i += 64) {
      out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    return out.append("-----END ").append(label).append("-----\n").toString();
  }

  // --- DER, only what rewrapping PKCS#1 and SEC1 keys needs ---

  static final byte[] OID_RSA = oid("2a864886f70d010101"); // 1.2.840.113549.1.1.1
  static final byte[] OID_EC = oid("2a8648ce3d0201"); // 1.2.840.10045.2.1
  static final byte[] OID_P256 = oid("2a8648ce3d030107"); // 1.2.840.10045.3.1.7
  static final byte[] NULL = {0x05, 0x00};

  private static byte[] oid(String hex) {
    return tlv(0x06, java.util.HexFormat.of().parseHex(hex));
  }

  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, parts);
  }

  /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey. */
  static byte[] pkcs8FromPkcs1(byte[] rsaPrivateKey) {
    return sequence(
        new byte[] {0x02, 0x01, 0x00}, sequence(OID_RSA, NULL), tlv(0x04, rsaPrivateKey));
  }

  /** SubjectPublicKeyInfo around a PKCS#1 RSAPublicKey. */
  static byte[] spkiFromPkcs1(byte[] rsaPublicKey) {
    byte[] bits = new byte[rsaPublicKey.length + 1];
    System.arraycopy(rsaPublicKey, 0, bits, 1, rsaPublicKey.length);
    return sequence(sequence(OID_RSA, NULL), tlv(0x03, bits));
  }

  /**
   * PKCS#8 PrivateKeyInfo around a SEC1 ECPrivateKey. The curve is named in the SEC1 structure when
   * it is there; anything but P-256 is refused rather than misread.
   */
  static byte[] pkcs8FromSec1(byte[] ecPrivateKey) {
    byte[] curve = sec1Curve(ecPrivateKey);
    if (curve != null && !java.util.Arrays.equals(curve, OID_P256)) {
      throw new KeyException(
          "the EC private key is not on the P-256 curve, the only one ES256 allows");
    }
    return sequence(
        new byte[] {0x02, 0x01, 0x00}, sequence(OID_EC, OID_P256), tlv(0x04, ecPrivateKey));
  }

  /** The encoded curve OID in a SEC1 key's optional {@code [0] parameters}, or null. */
  private static byte[] sec1Curve(byte[] der) {
    try {
      int[] seq = header(der, 0); // ECPrivateKey SEQUENCE
      int pos = seq[0];
      int end = seq[0] + seq[1];
      while (pos < end) {
        int tag = der[pos] & 0xff;
        int[] h = header(der, pos);
        if (tag == 0xa0) {
          int[] inner = header(der, h[0]);
          int start = h[0];
          return java.util.Arrays.copyOfRange(der, start, inner[0] + inner[1]);
        }
        pos = h[0] + h[1];
      }
      return null;
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new KeyException("the EC private key is not valid DER", e);
    }
  }

  /** {content offset, content length} of the DER element at {@code pos}. */
  private static int[] header(byte[] der, int pos) {
    int length = der[pos + 1] & 0xff;
    int offset = pos + 2;
    if (length >= 0x80) {
      int bytes = length & 0x7f;
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[offset++] & 0xff);
      }
    }
    return new int[] {offset, length};
  }

  static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
