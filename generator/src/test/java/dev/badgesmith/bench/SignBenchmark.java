package dev.badgesmith.bench;

import dev.badgesmith.sign.CredentialSigner;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Signatures per second for RS256 JWS, ES256 JWS and raw Ed25519, on one thread and on all cores. A
 * harness, not a test: timings depend on the machine. Run from the repository root with
 *
 * <pre>
 * mvn -B -pl templates,generator test-compile exec:java \
 *     -Dexec.mainClass=dev.badgesmith.bench.SignBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class SignBenchmark {
  private static final long WARM_UP_MILLIS = 1_500;
  private static final long MEASURE_MILLIS = 3_000;

  /** A hosted assertion of typical size (about 1 KB), as the OB 2.0 JWS payload. */
  private static final byte[] ASSERTION =
      ("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
              + "\"id\":\"https://badges.example.org/guild/assertions/code-reviewer/ada.json\","
              + "\"recipient\":{\"type\":\"email\",\"hashed\":true,\"salt\":\"9f2c1e\","
              + "\"identity\":\"sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399\"},"
              + "\"badge\":\"https://badges.example.org/guild/badges/code-reviewer.json\","
              + "\"issuedOn\":\"2025-03-14T00:00:00Z\",\"expires\":\"2027-03-14T00:00:00Z\","
              + "\"verification\":{\"type\":\"SignedBadge\","
              + "\"creator\":\"https://badges.example.org/guild/keys/rsa-1.json\"},"
              + "\"narrative\":\""
              + "Reviewed pull requests carefully and kindly. ".repeat(14)
              + "\"}")
          .getBytes(StandardCharsets.UTF_8);

  /** What an eddsa-rdfc-2022 proof signs: two SHA-256 hashes. */
  private static final byte[] HASH_DATA = new byte[64];

  private SignBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "%s %s, %d cores; payload %d bytes%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        cores,
        ASSERTION.length);
    SigningKey rsa = signingKey("rsa-1", KeyGenerator.generate(KeyAlgorithm.RS256));
    KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
    small.initialize(2048);
    KeyPair pair = small.generateKeyPair();
    SigningKey rsa2048 =
        new SigningKey("rsa-2048", KeyAlgorithm.RS256, pair.getPrivate(), pair.getPublic());
    SigningKey ec = signingKey("ec-1", KeyGenerator.generate(KeyAlgorithm.ES256));
    SigningKey ed = signingKey("ed-1", KeyGenerator.generate(KeyAlgorithm.Ed25519));
    Function<byte[], byte[]> edSigner = CredentialSigner.ed25519Signer(ed);
    List<Case> cases =
        List.of(
            new Case("RS256 JWS (RSA 3072)", () -> CredentialSigner.signCompactJws(rsa, ASSERTION)),
            new Case(
                "RS256 JWS (RSA 2048)", () -> CredentialSigner.signCompactJws(rsa2048, ASSERTION)),
            new Case("ES256 JWS (P-256)", () -> CredentialSigner.signCompactJws(ec, ASSERTION)),
            new Case("Ed25519 raw (64 bytes)", () -> edSigner.apply(HASH_DATA)));
    System.out.printf(Locale.ROOT, "%-24s %14s %14s%n", "", "1 thread /s", cores + " threads /s");
    for (Case c : cases) {
      double single = rate(c.sign(), 1);
      double all = rate(c.sign(), cores);
      System.out.printf(Locale.ROOT, "%-24s %14.0f %14.0f%n", c.name(), single, all);
    }
  }

  private record Case(String name, Runnable sign) {}

  /**
   * Signatures per second with {@code threads} threads signing for a fixed time after a warm-up.
   */
  private static double rate(Runnable sign, int threads) throws Exception {
    run(sign, threads, WARM_UP_MILLIS, n -> {});
    long[] total = new long[1];
    long start = System.nanoTime();
    run(sign, threads, MEASURE_MILLIS, n -> total[0] += n);
    return total[0] / ((System.nanoTime() - start) / 1e9);
  }

  private static void run(Runnable sign, int threads, long millis, Consumer<Long> counts)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long end = System.nanoTime() + millis * 1_000_000;
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  long n = 0;
                  while (System.nanoTime() < end) {
                    sign.run();
                    n++;
                  }
                  return n;
                }));
      }
      for (Future<Long> future : futures) {
        counts.accept(future.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  private static SigningKey signingKey(String id, KeyGenerator.PemKeyPair pair) {
    return SigningKey.of(
        PublicKeyInfo.fromPem(id, pair.publicKeyPem()), PrivateKeys.fromPem(pair.privateKeyPem()));
  }
}
