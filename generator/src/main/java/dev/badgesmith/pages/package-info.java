/**
 * Internal: not an API, and may change in any release. The HTML pages, rendered through the
 * FreeMarker templates of the theme. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.pages;
