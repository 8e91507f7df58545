package dev.badgesmith.verify;

/**
 * Fetches what a credential points at (a hosted assertion, a key, a DID document) by its URL. A
 * built site folder answers offline ({@link SiteFolderResolver}); live URLs come over HTTPS ({@link
 * HttpResolver}).
 */
@FunctionalInterface
public interface Resolver {
  /**
   * The bytes published at {@code url} (an {@code https} URL; a fragment is ignored).
   *
   * @throws ResolveException when nothing is published there, it is gone, it cannot be reached, or
   *     it is out of this resolver's reach
   */
  byte[] fetch(String url) throws ResolveException;
}
