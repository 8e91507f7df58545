/**
 * Internal: not an API, and may change in any release. New award files, written one by one or in
 * batches, all or none, and checked with the site. Callers outside Badgesmith use the facade,
 * {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.award;
