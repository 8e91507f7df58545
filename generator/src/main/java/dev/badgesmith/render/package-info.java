/**
 * Internal: not an API, and may change in any release. The rendering of a site: each award's
 * documents, images and page, then the site-wide files. Callers outside Badgesmith use the facade,
 * {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.render;
