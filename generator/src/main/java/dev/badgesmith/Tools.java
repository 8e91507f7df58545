package dev.badgesmith;

import dev.badgesmith.bake.BakeException;
import dev.badgesmith.bake.Baked;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.doctor.DoctorReport;
import dev.badgesmith.doctor.Finding;
import dev.badgesmith.doctor.SiteDoctor;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyFiles;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.verify.Check;
import dev.badgesmith.verify.HttpResolver;
import dev.badgesmith.verify.Resolver;
import dev.badgesmith.verify.SiteFolderResolver;
import dev.badgesmith.verify.VerificationReport;
import dev.badgesmith.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The facade's operations on single files, keys and deployed sites: verify, extract, keygen,
 * doctor; each maps its packages' results onto the API's.
 */
final class Tools {
  private Tools() {}

  /** The client of live URLs, as the network settings allow. */
  static HttpResolver.Builder http(Network network) {
    HttpResolver.Builder http = HttpResolver.builder();
    if (network.privateAddresses()) {
      http.allowPrivateAddresses();
    }
    return http;
  }

  static Verification verify(
      String input, Optional<String> recipient, Optional<Path> builtSite, Network network) {
    Resolver resolver =
        builtSite.<Resolver>map(SiteFolderResolver::new).orElseGet(() -> http(network).build());
    Verifier verifier = Verifier.builder().resolver(resolver).clock(Clock.systemUTC()).build();
    VerificationReport report;
    if (input.startsWith("https://") || input.startsWith("http://")) {
      report = verifier.verifyUrl(input, recipient);
    } else {
      Path file = Path.of(input);
      if (!Files.isRegularFile(file)) {
        throw new BadgesmithException("no file at " + input);
      }
      try {
        report = verifier.verify(Files.readAllBytes(file), input, recipient);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return verification(report);
  }

  private static Verification verification(VerificationReport report) {
    return new Verification(
        report.input(),
        report.checks().stream().map(Check::line).toList(),
        report.passed(),
        report.firstFailure().map(Check::name),
        report.contained().stream().map(Tools::verification).toList());
  }

  static Extraction extract(Path image) {
    if (!Files.isRegularFile(image)) {
      throw new BadgesmithException("no file at " + image);
    }
    List<Baked> found;
    try {
      found = BakedImages.extract(Files.readAllBytes(image));
    } catch (BakeException e) {
      return new Extraction(List.of(), Optional.of(String.valueOf(e.getMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Extraction(
        found.stream()
            .map(
                b ->
                    new BakedBadge(
                        b.version().title(), b.format(), b.carrier(), b.payload(), b.verify()))
            .toList(),
        Optional.empty());
  }

  static DoctorResult doctor(String siteUrl, Network network, OptionalInt maxFiles) {
    DoctorReport report = new SiteDoctor(http(network), maxFiles).examine(siteUrl);
    return new DoctorResult(
        report.siteUrl(),
        report.findings().stream().map(Finding::line).toList(),
        report.listed(),
        report.checked(),
        report.problemCount(),
        report.warningCount());
  }

  static GeneratedKey keygen(
      Path site, String id, String algorithmName, Optional<Path> privateKeyFile) {
    KeyAlgorithm algorithm = KeyAlgorithm.parse(algorithmName);
    if (!Files.isDirectory(site)) {
      throw new BadgesmithException("no site folder at " + site);
    }
    Path publicFile = KeyFiles.publicKeyFile(site, id);
    if (Files.exists(publicFile)) {
      throw new BadgesmithException(
          publicFile + " exists already; choose another key id or remove it first");
    }
    privateKeyFile.ifPresent(file -> KeyFiles.checkPrivateKeyFile(file, site));
    KeyGenerator.PemKeyPair pair = KeyGenerator.generate(algorithm);
    KeyFiles.writePublicKey(site, id, pair.publicKeyPem());
    String variable = PrivateKeys.environmentVariable(id);
    if (privateKeyFile.isEmpty()) {
      return new GeneratedKey(
          algorithm.name(), publicFile, Optional.of(pair.privateKeyPem()), variable);
    }
    try {
      KeyFiles.writePrivateKey(privateKeyFile.get(), site, pair.privateKeyPem());
    } catch (RuntimeException e) {
      try {
        Files.deleteIfExists(publicFile); // a public key without its private key is of no use
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return new GeneratedKey(algorithm.name(), publicFile, Optional.empty(), variable);
  }
}
