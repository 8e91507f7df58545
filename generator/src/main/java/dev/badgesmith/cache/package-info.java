/**
 * Internal: not an API, and may change in any release. The award cache and the fingerprints of what
 * a build renders, kept under a folder only the building machine can name. Callers outside
 * Badgesmith use the facade, {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.cache;
