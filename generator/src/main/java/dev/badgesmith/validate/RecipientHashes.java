package dev.badgesmith.validate;

import dev.badgesmith.hash.IdentityHash;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.model.Recipient;
import java.util.Optional;

/**
 * A recipient as it is published: a plain identity hashed with a salt derived from the site secret
 * and the award, a hashed one as the record gives it.
 */
final class RecipientHashes {
  private final Optional<String> saltSecret;

  /**
   * @param saltSecret the site secret recipients' salts are derived from, when set
   */
  RecipientHashes(Optional<String> saltSecret) {
    this.saltSecret = saltSecret;
  }

  /**
   * @param publishesEarnerIds whether the site publishes earner pages or a recognition page
   */
  Recipient recipient(AwardDoc a, RecipientDoc r, boolean publishesEarnerIds) {
    if (r.prehashed()) {
      return new Recipient(r.type(), r.identity(), r.salt().orElseThrow(), r.name());
    }
    String salt = IdentityHash.salt(saltSecret, a.badgeId(), a.id());
    // Only a URL or DID the record gives in plain form can name an earner page, and only when
    // the site asks for them: an e-mail address or telephone number never leaves the model.
    boolean publicId = publishesEarnerIds && (r.type().equals("url") || r.type().equals("id"));
    return new Recipient(
        r.type(),
        IdentityHash.hash(r.identity(), salt),
        salt,
        r.name(),
        publicId ? Optional.of(r.identity()) : Optional.empty());
  }
}
