package dev.badgesmith;

import dev.badgesmith.bake.BakeException;
import dev.badgesmith.bake.Baked;
import dev.badgesmith.bake.BakedImages;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyFiles;
import dev.badgesmith.sign.KeyGenerator;
import dev.badgesmith.sign.PrivateKeys;
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

/** The facade's operations on single files and keys: verify, extract, keygen. */
final class Tools {
  private Tools() {}

  static VerificationReport verify(
      String input,
      Optional<String> recipient,
      Optional<Path> builtSite,
      HttpResolver.Builder http) {
    Resolver resolver = builtSite.<Resolver>map(SiteFolderResolver::new).orElseGet(http::build);
    Verifier verifier = Verifier.builder().resolver(resolver).clock(Clock.systemUTC()).build();
    if (input.startsWith("https://") || input.startsWith("http://")) {
      return verifier.verifyUrl(input, recipient);
    }
    Path file = Path.of(input);
    if (!Files.isRegularFile(file)) {
      throw new BadgesmithException("no file at " + input);
    }
    try {
      return verifier.verify(Files.readAllBytes(file), input, recipient);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Baked> extract(Path image) throws BakeException {
    if (!Files.isRegularFile(image)) {
      throw new BadgesmithException("no file at " + image);
    }
    try {
      return BakedImages.extract(Files.readAllBytes(image));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GeneratedKey keygen(
      Path site, String id, KeyAlgorithm algorithm, Optional<Path> privateKeyFile) {
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
      return new GeneratedKey(algorithm, publicFile, Optional.of(pair.privateKeyPem()), variable);
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
    return new GeneratedKey(algorithm, publicFile, Optional.empty(), variable);
  }
}
