package dev.badgesmith.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The JIT compilers of a run started by {@code java -jar badgesmith.jar}, which cannot choose its
 * JVM's options, or by the launcher for a command that renders every award. HotSpot's C2 costs more
 * CPU than a short run wins back, on cores the awards need, except where the processor's SHA-256
 * and big-number instructions, which only C2 uses, make its code many times faster than C1's:
 * digests of every file, and RSA signatures (3.2 ms against 25 ms each for a 3072-bit key). So C2
 * compiles those alone, unless the command renders every award of a site of 20,000 awards or more,
 * long enough for all of C2's code to pay. HotSpot takes compiler directives while it runs (what
 * {@code jcmd PID Compiler.directives_add} does, here through the platform's DiagnosticCommand
 * MBean): the first that matches a method says whether C2 may compile it.
 *
 * <p>The system property {@code badgesmith.jit} set to {@code jvm} leaves the compilers as the
 * JVM's options set them: the launcher sets it when it chose them itself (C1 alone).
 */
final class Compilers {
  /** From how many awards rendered C2's faster code pays for its compiling (see the launcher). */
  static final long C2_FROM_AWARDS = 20_000;

  private static final String C2_FOR_DIGESTS_ONLY =
      "[{\"match\": [\"sun/security/provider/SHA2.*\", \"sun/security/provider/DigestBase.*\","
          + " \"java/math/BigInteger.*\", \"java/math/MutableBigInteger.*\"],"
          + " \"c2\": {\"Exclude\": false}},"
          + " {\"match\": \"*.*\", \"c2\": {\"Exclude\": true}}]";

  /** The command about to run, once its arguments are parsed. */
  private final CompletableFuture<Object> command = new CompletableFuture<>();

  private Compilers() {}

  /**
   * Starts choosing, on a thread of its own: the management classes it loads take a tenth of a
   * second, spent beside the parsing of the arguments, which need not wait for them.
   */
  static Compilers start() {
    Compilers compilers = new Compilers();
    if ("jvm".equals(System.getProperty("badgesmith.jit"))) {
      return compilers;
    }
    Thread choosing =
        new Thread(
            () -> {
              MBeanServer server;
              try {
                server = ManagementFactory.getPlatformMBeanServer();
              } catch (RuntimeException | LinkageError e) {
                return; // without its management, the JVM's own choice stands
              }
              if (!rendersLargeSite(compilers.command.join())) {
                limitC2(server);
              }
            },
            "badgesmith-compilers");
    choosing.setDaemon(true);
    choosing.start();
    return compilers;
  }

  /** Chooses the compilers for {@code command}, parsed and about to run. */
  void choose(Object command) {
    this.command.complete(command);
  }

  /** Whether {@code command} renders every award (its shard's share) of 20,000 awards or more. */
  static boolean rendersLargeSite(Object command) {
    if (command instanceof SiteCommand site && site.renderedShare() > 0) {
      return hasAwards(site.site, C2_FROM_AWARDS * site.renderedShare());
    }
    return false;
  }

  /**
   * Whether the site has at least {@code n} awards, counted as the launcher counts them: a YAML
   * file each under {@code awards/}, a line of a CSV file each (its header counted too). Counting
   * stops at {@code n}; a folder that cannot be read counts what was read.
   */
  static boolean hasAwards(Path site, long n) {
    long count = 0;
    try (Stream<Path> files = Files.walk(site.resolve("awards"))) {
      Iterator<Path> each = files.iterator();
      while (count < n && each.hasNext()) {
        Path file = each.next();
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") && Files.isRegularFile(file)) {
          count++;
        } else if (name.endsWith(".csv") && Files.isRegularFile(file)) {
          count += lines(file, n - count);
        }
      }
    } catch (IOException | RuntimeException e) {
      // A site that cannot be read is not rendered whole: the command reports why.
    }
    return count >= n;
  }

  private static long lines(Path csv, long atMost) throws IOException {
    long lines = 0;
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.ISO_8859_1)) {
      while (lines < atMost && reader.readLine() != null) {
        lines++;
      }
    }
    return lines;
  }

  /** Adds the directives that keep C2 to the digests; on a JVM that takes none, nothing changes. */
  private static void limitC2(MBeanServer server) {
    Path directives = null;
    try {
      directives = Files.createTempFile("badgesmith-compilers-", ".json");
      Files.writeString(directives, C2_FOR_DIGESTS_ONLY);
      server.invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"),
          "compilerDirectivesAdd",
          new Object[] {new String[] {directives.toString()}},
          new String[] {String[].class.getName()});
    } catch (Exception | LinkageError e) {
      // Not HotSpot: the JVM's own choice stands, only slower.
    } finally {
      if (directives != null) {
        try {
          Files.deleteIfExists(directives);
        } catch (IOException e) {
          // A file of 200 bytes left in the temporary folder.
        }
      }
    }
  }
}
