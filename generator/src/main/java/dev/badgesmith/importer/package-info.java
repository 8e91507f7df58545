/**
 * Internal: not an API, and may change in any release. Open Badges 1.x and 2.0 assertions read from
 * files, URLs and baked images, to become award files. Callers outside Badgesmith use the facade,
 * {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.importer;
