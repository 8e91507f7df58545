/**
 * Internal: not an API, and may change in any release. SHA-256, and the salted identity hashes of
 * recipients. Callers outside Badgesmith use the facade, {@link dev.badgesmith.Badgesmith},
 * instead.
 */
package dev.badgesmith.hash;
