/**
 * Internal: not an API, and may change in any release. {@code published.lock}: what was published,
 * revocations, and status-list indexes. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.lock;
