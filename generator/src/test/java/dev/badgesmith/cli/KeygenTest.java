package dev.badgesmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.SigningKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path tmp;

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path site() throws Exception {
    return Files.createDirectories(tmp.resolve("site"));
  }

  @Test
  void writesThePublicKeyIntoTheSiteAndThePrivateKeyOutsideIt() throws Exception {
    Path site = site();
    Path secret = tmp.resolve("secrets/es-1.pem");
    Files.createDirectories(secret.getParent());

    int code =
        run(
            "keygen",
            site.toString(),
            "--id",
            "es-1",
            "--algorithm",
            "ES256",
            "--private-key",
            secret.toString());

    assertThat(code).as(err.toString()).isZero();
    Path publicFile = site.resolve("keys/es-1.pem");
    PublicKeyInfo publicKey = PublicKeyInfo.fromPem("es-1", Files.readString(publicFile));
    assertThat(publicKey.algorithm()).isEqualTo(KeyAlgorithm.ES256);
    SigningKey key = SigningKey.of(publicKey, PrivateKeys.fromFile(secret));
    assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.ES256);
    assertThat(out.toString())
        .contains("Wrote the ES256 public key to " + publicFile)
        .contains("Wrote the private key to " + secret)
        .contains("set BADGESMITH_KEY_ES_1 to the private key");
    assertThat(out + err.toString()).doesNotContain("PRIVATE KEY");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void makesRs256KeysByDefault() throws Exception {
    Path site = site();
    assertThat(
            run(
                "keygen",
                site.toString(),
                "--id",
                "rsa-1",
                "--private-key",
                tmp.resolve("rsa.pem").toString()))
        .as(err.toString())
        .isZero();
    assertThat(
            PublicKeyInfo.fromPem("rsa-1", Files.readString(site.resolve("keys/rsa-1.pem")))
                .algorithm())
        .isEqualTo(KeyAlgorithm.RS256);
  }

  @Test
  void printsThePrivateKeyAloneOnStandardOutputWithStdout() throws Exception {
    Path site = site();

    int code = run("keygen", site.toString(), "--id", "ed-1", "--algorithm", "Ed25519", "--stdout");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    SigningKey key =
        SigningKey.of(
            PublicKeyInfo.fromPem("ed-1", Files.readString(site.resolve("keys/ed-1.pem"))),
            PrivateKeys.fromPem(out.toString()));
    assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.Ed25519);
    assertThat(err.toString())
        .contains("store it as the secret BADGESMITH_KEY_ED_1")
        .doesNotContain("PRIVATE KEY");
    assertThat(site.resolve("keys"))
        .isDirectoryContaining(p -> p.getFileName().toString().equals("ed-1.pem"));
    try (var files = Files.list(site.resolve("keys"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void refusesAPrivateKeyPathInsideTheSite() throws Exception {
    Path site = site();

    int code =
        run(
            "keygen",
            site.toString(),
            "--id",
            "rsa-1",
            "--private-key",
            site.resolve("secret.pem").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "badgesmith: the private key file "
                + site.resolve("secret.pem")
                + " is inside the site folder");
    assertThat(site.resolve("keys")).doesNotExist();
    assertThat(site.resolve("secret.pem")).doesNotExist();
    assertThat(out + err.toString()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void refusesAPathThatReachesIntoTheSiteThroughALink() throws Exception {
    Path site = site();
    Path link = tmp.resolve("link");
    try {
      Files.createSymbolicLink(link, site);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      return; // no links on this file system
    }
    assertThat(
            run(
                "keygen",
                site.toString(),
                "--id",
                "k",
                "--private-key",
                link.resolve("k.pem").toString()))
        .isEqualTo(2);
  }

  @Test
  void neverOverwritesAKey() throws Exception {
    Path site = site();
    Path secret = tmp.resolve("k.pem");
    assertThat(run("keygen", site.toString(), "--id", "k", "--private-key", secret.toString()))
        .isZero();
    String before = Files.readString(site.resolve("keys/k.pem"));

    assertThat(
            run(
                "keygen",
                site.toString(),
                "--id",
                "k",
                "--private-key",
                tmp.resolve("other.pem").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("keys/k.pem exists already");
    assertThat(run("keygen", site.toString(), "--id", "k2", "--private-key", secret.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains(secret + " exists already");
    assertThat(Files.readString(site.resolve("keys/k.pem"))).isEqualTo(before);
    assertThat(site.resolve("keys/k2.pem")).doesNotExist();
  }

  @Test
  void needsAnIdAndOneDestination() throws Exception {
    Path site = site();
    assertThat(run("keygen", site.toString(), "--stdout")).isEqualTo(2);
    assertThat(run("keygen", site.toString(), "--id", "k")).isEqualTo(2);
    assertThat(run("keygen", site.toString(), "--id", "k", "--stdout", "--private-key", "x.pem"))
        .isEqualTo(2);
    assertThat(run("keygen", site.toString(), "--id", "Bad_Id", "--stdout")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid key id 'Bad_Id'");
    assertThat(run("keygen", site.toString(), "--id", "k", "--algorithm", "HS256", "--stdout"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown key algorithm 'HS256'");
    assertThat(run("keygen", tmp.resolve("nowhere").toString(), "--id", "k", "--stdout"))
        .isEqualTo(2);
    assertThat(out.toString()).doesNotContain("PRIVATE KEY");
  }
}
