/**
 * Internal: not an API, and may change in any release. The output folder: staging, {@code
 * manifest.json}, and the swap that publishes a build whole. Callers outside Badgesmith use the
 * facade, {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.write;
