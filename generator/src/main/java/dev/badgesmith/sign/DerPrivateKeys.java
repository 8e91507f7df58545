package dev.badgesmith.sign;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells binary private keys by their structure, as a file holds them outside PEM: DER PKCS#8 (plain
 * or encrypted), PKCS#1 RSA, SEC1 EC, a PKCS#12 keystore, and OpenSSH's binary form. Only the outer
 * layout is read (the whole file one DER sequence, the first fields' tags and values), so
 * certificates and public keys, whose first fields differ, never match.
 */
final class DerPrivateKeys {
  private static final byte SEQUENCE = 0x30;
  private static final byte INTEGER = 0x02;
  private static final byte OCTET_STRING = 0x04;
  private static final byte OID = 0x06;
  private static final byte[] OPENSSH = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

  /** 1.2.840.113549.1.7.1, pkcs7-data: the content of a PKCS#12 keystore. */
  private static final byte[] PKCS7_DATA = {
    0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x01
  };

  /** 1.2.840.113549.1.5 (PKCS#5: PBES1, PBES2) and 1.2.840.113549.1.12.1 (PKCS#12 PBE). */
  private static final byte[] PKCS5 = {
    0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x05
  };

  private static final byte[] PKCS12_PBE = {
    0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x0c, 0x01
  };

  private DerPrivateKeys() {}

  static boolean isPrivateKey(byte[] content) {
    if (startsWith(content, 0, OPENSSH)) {
      return true;
    }
    Tlv outer = Tlv.read(content, 0);
    if (outer == null || outer.tag() != SEQUENCE || outer.end() != content.length) {
      return false;
    }
    Tlv first = Tlv.read(content, outer.valueStart());
    if (first == null) {
      return false;
    }
    Tlv second = Tlv.read(content, first.end());
    if (second == null) {
      return false;
    }
    if (first.tag() == INTEGER && first.length() == 1) {
      int version = content[first.valueStart()];
      return switch (version) {
        // PKCS#8 PrivateKeyInfo (an algorithm follows), or PKCS#1 RSAPrivateKey (the modulus)
        case 0 -> second.tag() == SEQUENCE || (second.tag() == INTEGER && second.length() > 32);
        // SEC1 ECPrivateKey (the key octets follow), or PKCS#8 v2 OneAsymmetricKey
        case 1 -> second.tag() == OCTET_STRING || second.tag() == SEQUENCE;
        // PKCS#12: version 3, then the authenticated safe as pkcs7-data
        case 3 -> second.tag() == SEQUENCE && startsWithOid(content, second, PKCS7_DATA);
        default -> false;
      };
    }
    // EncryptedPrivateKeyInfo: a password-based encryption algorithm, then the encrypted octets.
    return first.tag() == SEQUENCE
        && second.tag() == OCTET_STRING
        && (startsWithOid(content, first, PKCS5) || startsWithOid(content, first, PKCS12_PBE));
  }

  /** Whether a sequence's first field is an OID that starts with {@code prefix}. */
  private static boolean startsWithOid(byte[] content, Tlv sequence, byte[] prefix) {
    Tlv oid = Tlv.read(content, sequence.valueStart());
    return oid != null
        && oid.tag() == OID
        && oid.length() >= prefix.length
        && startsWith(content, oid.valueStart(), prefix);
  }

  private static boolean startsWith(byte[] content, int at, byte[] prefix) {
    return content.length - at >= prefix.length
        && Arrays.equals(content, at, at + prefix.length, prefix, 0, prefix.length);
  }

  /** One DER tag-length-value: its tag, where its value starts, its length. */
  private record Tlv(byte tag, int valueStart, int length) {
    int end() {
      return valueStart + length;
    }

    /** The TLV at {@code at}, or null when the bytes there are not one (or run past the end). */
    static Tlv read(byte[] b, int at) {
      if (at + 2 > b.length) {
        return null;
      }
      int first = b[at + 1] & 0xff;
      int length;
      int start;
      if (first < 0x80) {
        length = first;
        start = at + 2;
      } else {
        int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 4 || at + 2 + bytes > b.length) {
          return null;
        }
        long value = 0;
        for (int i = 0; i < bytes; i++) {
          value = (value << 8) | (b[at + 2 + i] & 0xff);
        }
        if (value > Integer.MAX_VALUE) {
          return null;
        }
        length = (int) value;
        start = at + 2 + bytes;
      }
      if ((long) start + length > b.length) {
        return null;
      }
      return new Tlv(b[at], start, length);
    }
  }
}
