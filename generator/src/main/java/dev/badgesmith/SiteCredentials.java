package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.json.Ob3Documents;
import dev.badgesmith.ld.Canonicalizer;
import dev.badgesmith.ld.ContextStore;
import dev.badgesmith.ld.DataIntegrity;
import dev.badgesmith.model.PublishedKey;
import dev.badgesmith.model.SigningSettings;
import dev.badgesmith.render.Credentials;
import dev.badgesmith.sign.KeyAlgorithm;
import dev.badgesmith.sign.KeyFiles;
import dev.badgesmith.sign.PrivateKeys;
import dev.badgesmith.sign.PublicKeyInfo;
import dev.badgesmith.sign.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;

/** The signer of a site's credentials, from the private keys a build is given. */
final class SiteCredentials {
  private SiteCredentials() {}

  /** The signer of a site's credentials: its private keys, and the contexts its proofs need. */
  static Credentials of(
      Path siteRoot,
      SigningSettings signing,
      Map<String, String> environment,
      Optional<Path> keysDirectory,
      ContextStore contexts) {
    Optional<SigningKey> jwt =
        signing.jwtKey().map(id -> signingKey(siteRoot, signing, id, environment, keysDirectory));
    Optional<SigningKey> dataIntegrity =
        signing
            .dataIntegrityKey()
            .map(id -> signingKey(siteRoot, signing, id, environment, keysDirectory));
    DataIntegrity proofs = new DataIntegrity(new Canonicalizer(contexts));
    if (dataIntegrity.isPresent()) {
      // Made here, on the pool beside planning, rather than by the first award's proof.
      proofs.prepare(Ob3Documents.CONTEXTS);
    }
    return new Credentials(jwt, dataIntegrity, proofs);
  }

  /** A private key from the environment or the keys folder, checked against its published key. */
  private static SigningKey signingKey(
      Path siteRoot,
      SigningSettings signing,
      String id,
      Map<String, String> environment,
      Optional<Path> keysDirectory) {
    PublishedKey published = signing.key(id).orElseThrow();
    Optional<PrivateKey> key = PrivateKeys.fromEnvironment(environment, id);
    if (key.isEmpty() && keysDirectory.isPresent()) {
      Path file = keysDirectory.get().resolve(id + ".pem");
      if (Files.isRegularFile(file)) {
        if (KeyFiles.isInside(file, siteRoot)) {
          throw new BadgesmithException(
              "the private key " + file + " is inside the site folder; move it out of the site");
        }
        key = Optional.of(PrivateKeys.fromFile(file));
      }
    }
    if (key.isEmpty()) {
      throw new BadgesmithException(
          "no private key for the signing key '"
              + id
              + "': set "
              + PrivateKeys.environmentVariable(id)
              + " to its PEM text, or put "
              + id
              + ".pem in the keys folder (--keys)");
    }
    KeyAlgorithm algorithm = KeyAlgorithm.parse(published.algorithm());
    return SigningKey.of(PublicKeyInfo.fromPem(id, algorithm, published.publicKeyPem()), key.get());
  }
}
