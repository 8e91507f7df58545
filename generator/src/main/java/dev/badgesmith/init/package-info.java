/**
 * Internal: not an API, and may change in any release. A new badge site, with its example content
 * and GitHub workflows. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.init;
