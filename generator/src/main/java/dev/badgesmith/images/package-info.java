/**
 * Internal: not an API, and may change in any release. Badge designs: SVG checked against an
 * allow-list and within a budget, and rendered to PNG by Batik. Callers outside Badgesmith use the
 * facade, {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.images;
