package dev.badgesmith.validate;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.load.YamlNode;
import dev.badgesmith.load.YamlNode.YamlMap;
import dev.badgesmith.load.YamlReader;
import dev.badgesmith.model.Award;
import dev.badgesmith.model.Site;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Warns, once a run, that e-mail addresses are published hashed with salts anyone can derive: with
 * no {@value Badgesmith#SALT_SECRET_VARIABLE}, a salt comes from the public award id alone, so
 * whoever guesses an address can test it against the published hash. Awards written with their own
 * {@code hashed} and {@code salt} are safe and never counted.
 */
public final class UnsaltedHashes {
  private UnsaltedHashes() {}

  /**
   * Adds one warning, at the first award concerned, when there is one.
   *
   * @param writtenAt where an award's record starts, for an award read in this run
   */
  public static void check(
      Path siteRoot,
      Site site,
      Optional<String> secret,
      Function<Award, Optional<SourcePosition>> writtenAt,
      Diagnostics diagnostics) {
    if (secret.isPresent()) {
      return;
    }
    // An award read from the cache was validated before: its salt tells how it was derived. A
    // salt is a hash to make again, so each award's is made once.
    Award found = null;
    long count = 0;
    for (Award a : site.awards()) {
      if (unsalted(a)) {
        found = found == null ? a : found;
        count++;
      }
    }
    if (found == null) {
      return;
    }
    Award award = found;
    SourcePosition at =
        emailKey(siteRoot, award.source())
            .or(() -> writtenAt.apply(award))
            .orElse(SourcePosition.startOf(award.source()));
    diagnostics.add(
        Diagnostic.warning(
                Code.UNSALTED_HASHES,
                at,
                (count == 1 ? "an e-mail address is" : count + " e-mail addresses are")
                    + " published hashed with salts anyone can derive from the award ids, as "
                    + Badgesmith.SALT_SECRET_VARIABLE
                    + " is not set: whoever guesses an address can test it against the hash")
            .withHint(
                "set "
                    + Badgesmith.SALT_SECRET_VARIABLE
                    + " to a long random text kept secret (in GitHub: Settings > Secrets and"
                    + " variables > Actions, `openssl rand -hex 32 | gh secret set "
                    + Badgesmith.SALT_SECRET_VARIABLE
                    + "`), before the first deployment: changing it later changes every published"
                    + " hash"));
  }

  /** Whether an award's e-mail hash is salted from its public id alone. */
  private static boolean unsalted(Award award) {
    return award.recipient().type().equals("email")
        && award
            .recipient()
            .salt()
            .equals(IdentityHash.salt(Optional.empty(), award.badgeId(), award.id()));
  }

  /** Where an award file gives the address, re-read only for the one award warned about. */
  private static Optional<SourcePosition> emailKey(Path siteRoot, String source) {
    return YamlReader.topMapping(siteRoot, source)
        .map(top -> top.entries().get("recipient"))
        .map(YamlNode.Entry::value)
        .filter(YamlMap.class::isInstance)
        .map(YamlMap.class::cast)
        .map(recipient -> recipient.entries().get("email"))
        .map(YamlNode.Entry::keyAt);
  }
}
