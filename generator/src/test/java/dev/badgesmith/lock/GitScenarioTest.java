package dev.badgesmith.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.badgesmith.cli.Main;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.testing.GitRepo;
import dev.badgesmith.testing.TestSites;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Awarding by pull request, over a real Git repository: what a maintainer commits, what {@code
 * check} says to each change, and what the published status list says in the end.
 */
class GitScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path repo;
  Map<String, String> environment;
  String stdout;
  String stderr;

  /** Runs the git CLI in the repository; fails the test when git fails. */
  private String git(String... args) {
    return new GitRepo(repo, tmp.resolve("gitconfig")).run(args);
  }

  private void commit(String message) {
    new GitRepo(repo, tmp.resolve("gitconfig")).commit(message);
  }

  private int badgesmith(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
    stdout = out.toString();
    stderr = err.toString();
    return code;
  }

  private String lockLine(String award) throws IOException {
    return Files.readAllLines(repo.resolve(PublishedLock.FILE)).stream()
        .filter(l -> l.startsWith(award + " "))
        .findFirst()
        .orElseThrow();
  }

  private String read(String path) throws IOException {
    return Files.readString(repo.resolve(path), StandardCharsets.UTF_8);
  }

  private static JsonNode jwtPayload(Path jwt) throws IOException {
    String[] parts = Files.readString(jwt, StandardCharsets.US_ASCII).strip().split("\\.");
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  /** The bitstring of a BitstringStatusList credential published as a VC-JWT. */
  private static byte[] statusList(Path jwt) throws IOException {
    String encoded = jwtPayload(jwt).at("/credentialSubject/encodedList").asText();
    assertThat(encoded).startsWith("u");
    byte[] gzip = Base64.getUrlDecoder().decode(encoded.substring(1));
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  /** Entry {@code index} of a status list: bit 0 is the first byte's most significant bit. */
  private static boolean bit(byte[] bits, int index) {
    return (bits[index / 8] & (0x80 >> (index % 8))) != 0;
  }

  @Test
  void awardingByPullRequest() throws Exception {
    assumeTrue(GitRepo.installed(), "skipped: the git command is not installed");
    repo = tmp.resolve("guild-badges");
    Files.createDirectories(repo);
    git("init", "-q", "-b", "main");
    TestSites.unpack(repo, TestSites.MINIMAL);
    TestSites.unpack(
        repo,
        """
        -- site.yaml
        title: Test Guild
        baseUrl: https://badges.example.org/guild/
        signing:
          jwt: rsa-1
          keys:
            - id: rsa-1
              algorithm: RS256
        -- .gitignore
        public/
        .badgesmith/
        """);
    var rsa = KeyGenerator.generate(KeyAlgorithm.RS256);
    TestSites.write(repo.resolve("keys/rsa-1.pem"), rsa.publicKeyPem());
    environment =
        Map.of(
            PrivateKeys.environmentVariable("rsa-1"),
            rsa.privateKeyPem(),
            dev.badgesmith.Badgesmith.SALT_SECRET_VARIABLE,
            "the guild's secret");
    String site = repo.toString();

    // A: the site is published with its lock.
    assertThat(badgesmith("lock", site)).as(stderr).isZero();
    commit("A: publish the guild's badges");
    String jane = lockLine("intro/jane");

    // B: a pull request adds an award. check passes and names it; lock adds exactly its line.
    TestSites.write(
        repo.resolve("awards/intro/ada.yaml"),
        "recipient:\n  email: ada@example.org\n  name: Ada L.\nissuedOn: 2025-04-01\n");
    assertThat(badgesmith("check", site)).as(stderr).isZero();
    assertThat(stdout).contains("1 new award not in published.lock yet: intro/ada");
    assertThat(badgesmith("lock", site)).as(stderr).isZero();
    assertThat(git("diff", "--numstat", "--", PublishedLock.FILE))
        .isEqualTo("1\t0\t" + PublishedLock.FILE + "\n");
    assertThat(git("diff", "-U0", "--", PublishedLock.FILE).lines())
        .filteredOn(l -> l.startsWith("+") && !l.startsWith("+++"))
        .singleElement()
        .asString()
        .startsWith("+intro/ada ");
    commit("B: award intro to Ada");
    String b = git("rev-parse", "HEAD").strip();

    // C: a pull request edits a published award: check fails at the file and line of the change.
    git("checkout", "-q", "-b", "edit", b);
    TestSites.write(
        repo.resolve("awards/intro/jane.yaml"), read("awards/intro/jane.yaml").replace("14", "15"));
    commit("C: change the date of Jane's award");
    assertThat(badgesmith("check", site)).isEqualTo(1);
    assertThat(stderr)
        .startsWith(
            "awards/intro/jane.yaml:3:1: error[BSG401]: the published award intro/jane"
                + " (published.lock line 6) changed: its issue date changed\n");

    // D: a pull request deletes a published award: check fails at its lock line.
    git("checkout", "-q", "-b", "delete", b);
    git("rm", "-q", "awards/intro/jane.yaml");
    commit("D: delete Jane's award");
    assertThat(badgesmith("check", site)).isEqualTo(1);
    assertThat(stderr)
        .startsWith(
            "published.lock:6:1: error[BSG402]: the award intro/jane was published at"
                + " https://badges.example.org/guild/assertions/intro/jane.json and is gone\n");

    // E: the pull request revokes it instead: check passes, the lock keeps its line and index,
    // and the published status list marks that index.
    git("checkout", "-q", "-b", "revoke", b);
    TestSites.write(
        repo.resolve("awards/intro/jane.yaml"),
        read("awards/intro/jane.yaml")
            + "revoked:\n  reason: Awarded to the wrong person\n  date: 2025-05-02\n");
    assertThat(badgesmith("check", site)).as(stderr).isZero();
    assertThat(badgesmith("lock", site)).as(stderr).isZero();
    assertThat(lockLine("intro/jane")).isEqualTo(jane + " revoked");
    commit("E: revoke Jane's award");
    Path out = tmp.resolve("public");
    assertThat(badgesmith("build", site, "--out", out.toString())).as(stderr).isZero();
    int index = Integer.parseInt(jane.split(" ")[1]);
    JsonNode credential = jwtPayload(out.resolve("credentials/intro/jane.jwt"));
    assertThat(credential.at("/credentialStatus/statusListIndex").asText())
        .isEqualTo(String.valueOf(index));
    int adaIndex = Integer.parseInt(lockLine("intro/ada").split(" ")[1]);
    assertThat(
            jwtPayload(out.resolve("credentials/intro/ada.jwt"))
                .at("/credentialStatus/statusListIndex")
                .asText())
        .isEqualTo(String.valueOf(adaIndex));
    byte[] bits = statusList(out.resolve("status/revocation.jwt"));
    assertThat(bit(bits, index)).as("jane's entry is marked revoked").isTrue();
    assertThat(bit(bits, adaIndex)).as("ada's entry is not").isFalse();
    int set = 0;
    for (byte x : bits) {
      set += Integer.bitCount(x & 0xff);
    }
    assertThat(set).as("one entry is set").isEqualTo(1);
    assertThat(git("status", "--porcelain")).as("the build changed no committed file").isEmpty();
  }
}
