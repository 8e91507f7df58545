package dev.badgesmith.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.badgesmith.jackson.Jackson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading private keys, and the convention for where they live: in the environment variable {@code
 * BADGESMITH_KEY_<ID>} (for CI secrets) or in a file outside the site, never in the site.
 */
public final class PrivateKeys {
  /** The prefix of the environment variable that holds the PEM text of a private key. */
  public static final String ENVIRONMENT_PREFIX = "BADGESMITH_KEY_";

  private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern ANY_PRIVATE_PEM =
      Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");

  private PrivateKeys() {}

  /**
   * Reads a private key from PEM: PKCS#8 ({@code PRIVATE KEY}), or the legacy PKCS#1 ({@code RSA
   * PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}) forms OpenSSL writes.
   */
  public static PrivateKey fromPem(String pem) {
    Pem.Block block = Pem.single(pem, "private key");
    byte[] pkcs8 =
        switch (block.label()) {
          case "PRIVATE KEY" -> block.der();
          case "RSA PRIVATE KEY" -> Pem.pkcs8FromPkcs1(block.der());
          case "EC PRIVATE KEY" -> Pem.pkcs8FromSec1(block.der());
          case "ENCRYPTED PRIVATE KEY" ->
              throw new KeyException(
                  "the private key is encrypted; give it unencrypted, as -----BEGIN PRIVATE KEY-----"
                      + " (openssl pkey -in FILE -out PLAIN.pem)");
          default ->
              throw new KeyException(
                  "a '"
                      + block.label()
                      + "' block is not a private key Badgesmith reads; give a PKCS#8 key,"
                      + " -----BEGIN PRIVATE KEY----- (openssl pkey -in FILE -out KEY.pem)");
        };
    PrivateKey key = Keys.privateKey(pkcs8);
    KeyAlgorithm.of(key); // refuses what we cannot sign with
    return key;
  }

  /** Reads a private key from a PEM file; the message names the file when it cannot. */
  public static PrivateKey fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KeyException("cannot read the private key file " + file + ": " + e.getMessage(), e);
    }
    try {
      return fromPem(text);
    } catch (KeyException e) {
      throw new KeyException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The private key of {@code keyId} from {@link #environmentVariable(String)}, if it is set.
   * Literal {@code \n} sequences count as line ends, as some secret stores keep PEM on one line.
   */
  public static Optional<PrivateKey> fromEnvironment(
      Map<String, String> environment, String keyId) {
    String name = environmentVariable(keyId);
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(fromPem(value.replace("\\n", "\n")));
    } catch (KeyException e) {
      throw new KeyException("$" + name + ": " + e.getMessage(), e);
    }
  }

  /** {@code BADGESMITH_KEY_} + the key id upper-cased, with {@code -} as {@code _}. */
  public static String environmentVariable(String keyId) {
    requireKeyId(keyId);
    return ENVIRONMENT_PREFIX + keyId.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** Checks that a key id is a slug, as every id in a badge site is. */
  public static String requireKeyId(String keyId) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new KeyException(
          "invalid key id '" + keyId + "': use lower-case letters, digits and '-', such as rsa-1");
    }
    return keyId;
  }

  /**
   * Whether a file holds private key material: a PEM private key of any kind (PKCS#8, encrypted,
   * RSA, EC, OpenSSH...), the same in binary form (DER, a PKCS#12 keystore, OpenSSH's), or a JSON
   * Web Key with its private member {@code d}, alone or in a set. The build refuses a site folder
   * that holds one.
   */
  public static boolean containsPrivateKey(byte[] content) {
    if (DerPrivateKeys.isPrivateKey(content)) {
      return true;
    }
    String text = Pem.ascii(content);
    if (ANY_PRIVATE_PEM.matcher(text).find()) {
      return true;
    }
    if (!text.contains("\"d\"")) {
      return false; // the cheap test first: most files are not JSON
    }
    try {
      // The mapper only for a file that may be JSON: the scan of a site loads none of it.
      return hasPrivateJwk(Jackson.json().readTree(content));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasPrivateJwk(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isObject() && node.has("kty") && node.has("d")) {
      return true;
    }
    for (JsonNode child : node) {
      if (hasPrivateJwk(child)) {
        return true;
      }
    }
    return false;
  }
}
