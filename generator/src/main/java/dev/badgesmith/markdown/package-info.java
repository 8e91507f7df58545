/**
 * Internal: not an API, and may change in any release. Markdown rendered to HTML (commonmark).
 * Callers outside Badgesmith use the facade, {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.markdown;
