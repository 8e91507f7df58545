/**
 * Internal: not an API, and may change in any release. The Open Badges 2.0 documents and Open
 * Badges 3.0 credentials of a site. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.json;
