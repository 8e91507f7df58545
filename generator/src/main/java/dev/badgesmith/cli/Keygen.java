package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.GeneratedKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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
    GeneratedKey key =
        Badgesmith.builder()
            .build()
            .keygen(site, id, algorithm, Optional.ofNullable(destination.file));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (key.privateKeyPem().isPresent()) {
      // Standard output is the key alone, so it can be piped into a secret store.
      out.print(key.privateKeyPem().get());
      out.flush();
      err.println("Wrote the " + key.algorithm() + " public key to " + key.publicKeyFile());
      err.println(
          "The private key is on standard output: store it as the secret " + key.variable() + ".");
      return Main.OK;
    }
    out.println("Wrote the " + key.algorithm() + " public key to " + key.publicKeyFile());
    out.println(
        "Wrote the private key to "
            + destination.file
            + " (keep it out of the site and out of Git)");
    out.println("To sign with it, set " + key.variable() + " to the private key, for example:");
    out.println("  export " + key.variable() + "=\"$(cat " + destination.file + ")\"");
    return Main.OK;
  }
}
