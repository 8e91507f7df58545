/**
 * Internal: not an API, and may change in any release. The site's YAML, Markdown front matter and
 * CSV read into documents that remember where each value was. Callers outside Badgesmith use the
 * facade, {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.load;
