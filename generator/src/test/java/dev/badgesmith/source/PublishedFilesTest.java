package dev.badgesmith.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.Report;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.testing.TestSites;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a site publishes is checked for private keys, whatever its folder, size or encoding,
 * and files in hidden folders are neither read nor published.
 */
class PublishedFilesTest {
  @TempDir Path tmp;

  @Test
  void findsPrivateKeysInBinaryFormsAndLargeFiles() throws Exception {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    Map<String, byte[]> keys = new LinkedHashMap<>();
    KeyPair rsa = pair("RSA", null);
    KeyPair ec = pair("EC", new ECGenParameterSpec("secp256r1"));
    keys.put("static/rsa-pkcs8.der", rsa.getPrivate().getEncoded());
    keys.put("static/ec-pkcs8.der", ec.getPrivate().getEncoded());
    keys.put("static/ed25519.der", pair("Ed25519", null).getPrivate().getEncoded());
    keys.put("static/rsa-pkcs1.der", innerKey(rsa.getPrivate().getEncoded()));
    keys.put("static/ec-sec1.der", innerKey(ec.getPrivate().getEncoded()));
    keys.put("static/encrypted.p8", encrypted(rsa.getPrivate().getEncoded()));
    keys.put("static/store.p12", keystore(ec));
    keys.put(
        "static/id_ed25519.bin", ("openssh-key-v1\0" + "none").getBytes(StandardCharsets.US_ASCII));
    byte[] large = new byte[300_000];
    Arrays.fill(large, (byte) 'x');
    keys.put(
        "static/large.txt",
        concat(
            large,
            ("\n-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII)));
    // Over the window the scan reads at a time, with the key across the first window's end.
    byte[] huge = new byte[3 * PrivateKeyCheck.WINDOW];
    Arrays.fill(huge, (byte) 'y');
    byte[] pem =
        "\n-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(pem, 0, huge, PrivateKeyCheck.WINDOW - 10, pem.length);
    keys.put("static/huge.bin", huge);
    for (var e : keys.entrySet()) {
      write(site.resolve(e.getKey()), e.getValue());
    }
    // Public keys and images are not private keys.
    write(site.resolve("static/rsa-public.der"), rsa.getPublic().getEncoded());
    write(site.resolve("static/ec-public.der"), ec.getPublic().getEncoded());

    Report report = Badgesmith.builder().build().check(site);

    assertThat(TestSites.withoutSaltWarning(report.diagnostics()))
        .filteredOn(d -> d.code() == Code.PRIVATE_KEY_IN_SITE)
        .extracting(Diagnostic::path)
        .containsExactlyInAnyOrderElementsOf(keys.keySet());
    assertThat(TestSites.withoutSaltWarning(report.diagnostics()))
        .allMatch(d -> d.code() == Code.PRIVATE_KEY_IN_SITE);
  }

  @Test
  void publishesNothingFromHiddenFolders() throws Exception {
    Path site = TestSites.unpack(tmp.resolve("site"), TestSites.MINIMAL);
    write(site.resolve("static/.git/config"), "[remote]\n  url = https://token@x/\n".getBytes());
    write(site.resolve("static/docs/.secrets/notes.txt"), "a note".getBytes());
    write(site.resolve("static/.htaccess"), "Deny from all\n".getBytes());
    write(site.resolve("static/CNAME"), "badges.example.org\n".getBytes());
    Path out = tmp.resolve("out");

    Report report = Badgesmith.builder().build().build(site, out);

    assertThat(TestSites.withoutSaltWarning(report.diagnostics())).isEmpty();
    assertThat(out.resolve("CNAME")).isRegularFile();
    assertThat(out.resolve(".git")).doesNotExist();
    assertThat(out.resolve(".htaccess")).doesNotExist();
    assertThat(out.resolve("docs")).doesNotExist();
    assertThat(Files.readString(out.resolve("manifest.json"))).doesNotContain(".git/");
  }

  private static KeyPair pair(String algorithm, ECGenParameterSpec spec) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (spec != null) {
      generator.initialize(spec);
    } else if (algorithm.equals("RSA")) {
      generator.initialize(2048);
    }
    return generator.generateKeyPair();
  }

  /** The key inside a PKCS#8 structure: PKCS#1 for RSA, SEC1 for EC (its OCTET STRING). */
  private static byte[] innerKey(byte[] pkcs8) {
    int at = 0;
    at = afterHeader(pkcs8, at); // the outer SEQUENCE
    at = skip(pkcs8, at); // version
    at = skip(pkcs8, at); // algorithm
    int start = afterHeader(pkcs8, at); // the OCTET STRING's value
    return Arrays.copyOfRange(pkcs8, start, pkcs8.length);
  }

  private static int afterHeader(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    return at + 2 + (first < 0x80 ? 0 : first & 0x7f);
  }

  private static int skip(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    int length = first;
    int header = 2;
    if (first >= 0x80) {
      length = 0;
      for (int i = 0; i < (first & 0x7f); i++) {
        length = (length << 8) | (der[at + 2 + i] & 0xff);
      }
      header += first & 0x7f;
    }
    return at + header + length;
  }

  private static byte[] encrypted(byte[] pkcs8) throws Exception {
    String algorithm = "PBEWithSHA1AndDESede"; // a PKCS#12 password-based encryption
    byte[] salt = new byte[8];
    new SecureRandom().nextBytes(salt);
    var key =
        SecretKeyFactory.getInstance(algorithm)
            .generateSecret(new PBEKeySpec("password".toCharArray()));
    Cipher cipher = Cipher.getInstance(algorithm);
    cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, 1000));
    AlgorithmParameters parameters = cipher.getParameters();
    return new EncryptedPrivateKeyInfo(parameters, cipher.doFinal(pkcs8)).getEncoded();
  }

  private static byte[] keystore(KeyPair pair) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "password".toCharArray();
    // A keystore holds a key with its certificate; a secret key needs none.
    store.setEntry(
        "secret",
        new KeyStore.SecretKeyEntry(new javax.crypto.spec.SecretKeySpec(new byte[16], "AES")),
        new KeyStore.PasswordProtection(password));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static void write(Path file, byte[] bytes) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
