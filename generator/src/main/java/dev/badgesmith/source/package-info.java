/**
 * Internal: not an API, and may change in any release. The site's files: portable names, and the
 * scan for private keys in what is published. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.source;
