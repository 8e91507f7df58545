package dev.badgesmith.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.ld.Canonicalizer;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.ld.DataIntegrity;
import dev.badgesmith.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Canonicalisations and eddsa-rdfc-2022 proofs per second for the spec's full and minimal Open
 * Badges 3.0 examples, on one thread and on all cores. Not a test: run it by hand from the project
 * root with
 *
 * <pre>
 * mvn -B -pl templates,generator test-compile exec:java \
 *   -Dexec.mainClass=dev.badgesmith.bench.CanonicalizeBenchmark -Dexec.classpathScope=test
 * </pre>
 *
 * An optional argument names the spec folder (default {@code ../shared/spec}).
 */
public final class CanonicalizeBenchmark {
  private static final double SECONDS = 3;

  private CanonicalizeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path spec = specFolder(args);
    Canonicalizer canonicalizer = new Canonicalizer(new ContextStore());
    DataIntegrity integrity = new DataIntegrity(canonicalizer);
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    int cores = Runtime.getRuntime().availableProcessors();
    for (String example : List.of("full_ex.json", "minimal_valid_obv3.json")) {
      ObjectNode credential = example(spec.resolve("ob3/examples").resolve(example));
      System.out.printf(
          Locale.ROOT,
          "%s: %d bytes of JSON, %d canonical N-Quads; %d cores; %.0f s per figure%n",
          example,
          new ObjectMapper().writeValueAsBytes(credential).length,
          canonicalizer.canonicalize(credential).lines().count(),
          cores,
          SECONDS);
      IntConsumer canonicalize = i -> canonicalizer.canonicalize(credential);
      IntConsumer prove =
          i ->
              integrity.addProof(
                  credential,
                  "did:web:badges.example.org#key-1",
                  "2025-01-15T12:00:00Z",
                  data -> sign(keys.getPrivate(), data));
      rate(canonicalize, 1, SECONDS);
      rate(prove, 1, SECONDS);
      report("canonicalisations/s, 1 thread", rate(canonicalize, 1, SECONDS));
      report("canonicalisations/s, " + cores + " threads", rate(canonicalize, cores, SECONDS));
      report("Data Integrity proofs/s, 1 thread", rate(prove, 1, SECONDS));
      report("Data Integrity proofs/s, " + cores + " threads", rate(prove, cores, SECONDS));
    }
  }

  /** A spec example without its proof. */
  private static ObjectNode example(Path file) throws java.io.IOException {
    ObjectNode credential = (ObjectNode) new ObjectMapper().readTree(file.toFile());
    credential.remove("proof");
    return credential;
  }

  private static Path specFolder(String[] args) {
    if (args.length > 0) {
      return Path.of(args[0]);
    }
    // exec:java runs in the project root, surefire in the module folder.
    for (Path candidate : List.of(Path.of("../shared/spec"), TestSites.spec())) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("no ../shared/spec folder; pass its path as an argument");
  }

  private static void report(String what, double perSecond) {
    System.out.printf(Locale.ROOT, "%-40s %8.0f%n", what, perSecond);
  }

  /** Operations per second over about {@code seconds}, summed over {@code threads} threads. */
  private static double rate(IntConsumer operation, int threads, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicBoolean stop = new AtomicBoolean();
      List<Future<Long>> counts = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        counts.add(
            pool.submit(
                () -> {
                  long n = 0;
                  while (!stop.get()) {
                    operation.accept((int) n);
                    n++;
                  }
                  return n;
                }));
      }
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      long total = 0;
      for (Future<Long> count : counts) {
        total += count.get();
      }
      return total / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  private static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
