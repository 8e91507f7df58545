/**
 * Internal: not an API, and may change in any release. The verification of a badge, step by step,
 * and the HTTP client of live URLs. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.verify;
