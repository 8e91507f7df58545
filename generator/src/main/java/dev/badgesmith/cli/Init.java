package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.InitRequest;
import dev.badgesmith.InitResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badgesmith init}: a new badge site, with its GitHub workflows, that builds at once. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Make a new badge site in DIR, a new or empty folder: site.yaml, an issuer, a badge with"
          + " its design, one example award, JSON Schemas for editors, .gitignore, CODEOWNERS,"
          + " and GitHub workflows that check pull requests and publish to GitHub Pages."
    })
final class Init implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The new site's folder.")
  Path dir;

  @Option(names = "--title", description = "The site's name (default: from the folder's name).")
  String title;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The https:// address the site will be served at"
              + " (default: https://example.github.io/<folder>/, to be changed).")
  String baseUrl;

  @Option(
      names = "--issuer-name",
      paramLabel = "NAME",
      description = "The issuer's name (default: the title).")
  String issuerName;

  @Option(
      names = "--issuer-url",
      paramLabel = "URL",
      description = "The issuer's home page (default: the base URL).")
  String issuerUrl;

  @Option(
      names = "--issuer-email",
      paramLabel = "ADDRESS",
      description = "The issuer's contact address (default: badges@example.org, to be changed).")
  String issuerEmail;

  @Option(
      names = "--signing",
      description =
          "Also make an RS256 key and sign Open Badges 3.0 credentials with it; the private key"
              + " goes outside the site.")
  boolean signing;

  @Option(
      names = "--key-id",
      paramLabel = "KEY_ID",
      description = "With --signing: the key's id (default: rsa-1).")
  String keyId;

  @Option(
      names = "--private-key",
      paramLabel = "FILE",
      description =
          "With --signing: where the private key goes, outside DIR"
              + " (default: <DIR>-keys/<key-id>.pem beside DIR).")
  Path privateKey;

  @Option(
      names = "--badgesmith-version",
      paramLabel = "X.Y.Z",
      description =
          "The Badgesmith release the site's workflows run, through the Badgesmith GitHub Action"
              + " (default: this Badgesmith's version; for a development build, the commit it was"
              + " built from).")
  String badgesmithVersion;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description =
          "Build the site in N jobs of the deploy workflow (a matrix of `build --shard K/N`),"
              + " merged by one more; for sites that outgrow one runner (default: 1, one job).")
  int shards = 1;

  @Override
  public Integer call() {
    InitRequest request =
        new InitRequest(
            dir,
            Optional.ofNullable(title),
            Optional.ofNullable(baseUrl),
            Optional.ofNullable(issuerName),
            Optional.ofNullable(issuerUrl),
            Optional.ofNullable(issuerEmail),
            signing,
            Optional.ofNullable(keyId),
            Optional.ofNullable(privateKey),
            Optional.ofNullable(badgesmithVersion),
            LocalDate.now(),
            shards);
    InitResult result = Badgesmith.builder().build().init(request, new SecureRandom());
    PrintWriter out = spec.commandLine().getOut();
    out.println("Made a badge site in " + dir + ":");
    result.files().forEach(f -> out.println("  " + f));
    out.println(
        "Its workflows run Badgesmith "
            + result.badgesmith()
            + " (uses: badgesmith/badgesmith@"
            + result.badgesmithRef()
            + ").");
    result
        .signing()
        .ifPresent(
            s -> {
              out.println("Wrote the private key to " + s.privateKeyFile() + ", outside the site.");
              out.println(
                  "Store it as the repository secret "
                      + s.environmentVariable()
                      + " (gh secret set "
                      + s.environmentVariable()
                      + " < "
                      + s.privateKeyFile()
                      + "), and keep it out of Git.");
              out.println(
                  "To build here: badgesmith build "
                      + dir
                      + " --keys "
                      + s.privateKeyFile().getParent());
            });
    out.println(
        "Next: set baseUrl in site.yaml and the issuer's address; see " + dir.resolve("README.md"));
    out.println("Check it with: badgesmith check " + dir);
    return Main.OK;
  }
}
