package dev.badgesmith.cli;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyFiles;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badgesmith keygen}: a new key pair, the public half into the site. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Make a signing key pair: the public key goes to SITE/keys/<id>.pem, the private key to a"
          + " file outside the site or to standard output (for a CI secret).",
      "Nothing is ever overwritten."
    })
final class Keygen implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      paramLabel = "SITE",
      description = "The badge site folder (default: the current folder).")
  Path site;

  @Option(
      names = "--id",
      required = true,
      paramLabel = "KEY_ID",
      description = "The key's id: lower-case letters, digits and '-', such as rsa-1.")
  String id;

  @Option(
      names = "--algorithm",
      paramLabel = "ALG",
      defaultValue = "RS256",
      description =
          "RS256 (default: deterministic, accepted by every verifier), ES256 (P-256), or Ed25519"
              + " (for Data Integrity proofs).")
  String algorithm;

  @ArgGroup(multiplicity = "1")
  Destination destination;

  static final class Destination {
    @Option(
        names = "--private-key",
        paramLabel = "FILE",
        description = "Write the private key to FILE, outside the site, readable by you only.")
    Path file;

    @Option(
        names = "--stdout",
        description = "Print the private key to standard output, to store as a CI secret.")
    boolean stdout;
  }

  @Override
  public Integer call() {
    KeyAlgorithm chosen = KeyAlgorithm.parse(algorithm);
    String variable = PrivateKeys.environmentVariable(id);
    if (!Files.isDirectory(site)) {
      throw new BadgesmithException("no site folder at " + site);
    }
    Path publicFile = KeyFiles.publicKeyFile(site, id);
    if (Files.exists(publicFile)) {
      throw new BadgesmithException(
          publicFile + " exists already; choose another key id or remove it first");
    }
    if (destination.file != null) {
      KeyFiles.checkPrivateKeyFile(destination.file, site);
    }

    KeyGenerator.PemKeyPair pair = KeyGenerator.generate(chosen);
    KeyFiles.writePublicKey(site, id, pair.publicKeyPem());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (destination.stdout) {
      // Standard output is the key alone, so it can be piped into a secret store.
      out.print(pair.privateKeyPem());
      out.flush();
      err.println("Wrote the " + chosen + " public key to " + publicFile);
      err.println(
          "The private key is on standard output: store it as the secret " + variable + ".");
      return Main.OK;
    }
    try {
      KeyFiles.writePrivateKey(destination.file, site, pair.privateKeyPem());
    } catch (RuntimeException e) {
      deleteQuietly(publicFile); // a public key without its private key is of no use
      throw e;
    }
    out.println("Wrote the " + chosen + " public key to " + publicFile);
    out.println(
        "Wrote the private key to "
            + destination.file
            + " (keep it out of the site and out of Git)");
    out.println("To sign with it, set " + variable + " to the private key, for example:");
    out.println("  export " + variable + "=\"$(cat " + destination.file + ")\"");
    return Main.OK;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      // the error being reported matters more
    }
  }
}
