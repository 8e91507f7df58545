/**
 * Internal: not an API, and may change in any release. The immutable model of a validated site.
 * Callers outside Badgesmith use the facade, {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.model;
