package dev.badgesmith.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.badgesmith.hash.Sha1;
import dev.badgesmith.json.JsonOutput;
import dev.badgesmith.model.Issuer;
import dev.badgesmith.model.Recipient;
import dev.badgesmith.pathway.Identities;
import java.net.URI;
import java.util.Optional;

/**
 * The xAPI Agent of a recipient, from the identity the repository holds in plain, and of an issuer.
 *
 * <ul>
 *   <li>An e-mail address becomes {@code mbox_sha1sum}: the hex SHA-1 of {@code mailto:} and the
 *       address (xAPI 1.0.3, Data, 2.4.2.3), lower-cased as a whole, as Badgesmith hashes addresses
 *       for Open Badges (the specification asks for the domain in lower case at least). The hash,
 *       not {@code mbox}, so the export carries no address an LRS query or a leaked file shows.
 *   <li>A URL becomes an {@code account} (2.4.2.4) whose {@code homePage} is the URL's origin, the
 *       web host that owns it, and whose {@code name} is the whole URL, normalised as for earner
 *       keys: unique on its own, and the same every run.
 *   <li>A DID becomes an {@code account} whose {@code homePage} is the W3C DID Core Recommendation,
 *       the system that defines what a DID names, and whose {@code name} is the DID. The DID itself
 *       is no IRL, which {@code homePage} must be, and {@code openid} would claim an OpenID that a
 *       DID is not.
 * </ul>
 *
 * <p>A telephone number has no xAPI identifier, and an identity that does not hash to the award's
 * published hash is not the award's recipient: both are left out, as hashed recipients are.
 */
final class Actors {
  /** The system that defines DIDs, as an account's {@code homePage}. */
  static final String DID_HOME = "https://www.w3.org/TR/did-core/";

  private Actors() {}

  /** Why an award has no actor. */
  enum Missing {
    /** The repository holds only the salted hash. */
    HASHED,
    /** A telephone number, or an {@code id} that is neither a URL nor a DID. */
    NO_XAPI_IDENTIFIER,
    /** The plain identity given does not hash to the award's recipient. */
    NOT_THE_RECIPIENT
  }

  /** The actor, or why there is none. */
  record Outcome(Optional<ObjectNode> actor, Optional<Missing> missing) {}

  static Outcome recipient(Recipient recipient, Optional<String> plain) {
    if (plain.isEmpty()) {
      return missing(Missing.HASHED);
    }
    String type = Identities.canonicalType(recipient.type());
    if (!Identities.hashMatches(type, plain.get(), recipient.identity(), recipient.salt())) {
      return missing(Missing.NOT_THE_RECIPIENT);
    }
    ObjectNode agent = JsonOutput.object().put("objectType", "Agent");
    recipient.name().ifPresent(name -> agent.put("name", name));
    Optional<String> url = Identities.normalise("url", plain.get());
    switch (type) {
      case "email":
        String address = Identities.normalise("email", plain.get()).orElseThrow();
        agent.put("mbox_sha1sum", Sha1.hex("mailto:" + address));
        return new Outcome(Optional.of(agent), Optional.empty());
      case "url":
      case "id":
        String id = plain.get().strip();
        if (url.isPresent() && isWeb(url.get())) {
          account(agent, origin(url.get()), url.get());
        } else if (type.equals("id") && id.startsWith("did:")) {
          account(agent, DID_HOME, id);
        } else {
          return missing(Missing.NO_XAPI_IDENTIFIER);
        }
        return new Outcome(Optional.of(agent), Optional.empty());
      default:
        return missing(Missing.NO_XAPI_IDENTIFIER);
    }
  }

  /** The issuer, who voids the statements of its revoked awards, by its published address. */
  static ObjectNode issuer(Issuer issuer) {
    return JsonOutput.object()
        .put("objectType", "Agent")
        .put("name", issuer.name())
        .put("mbox", "mailto:" + issuer.email());
  }

  private static void account(ObjectNode agent, String homePage, String name) {
    agent.putObject("account").put("homePage", homePage).put("name", name);
  }

  private static boolean isWeb(String url) {
    return url.startsWith("https://") || url.startsWith("http://");
  }

  /** {@code scheme://host[:port]/}, from a normalised URL. */
  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
  }

  private static Outcome missing(Missing why) {
    return new Outcome(Optional.empty(), Optional.of(why));
  }
}
