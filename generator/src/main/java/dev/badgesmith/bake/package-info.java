/**
 * Internal: not an API, and may change in any release. Assertions and credentials baked into PNG
 * and SVG images, and read back out of them. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.bake;
