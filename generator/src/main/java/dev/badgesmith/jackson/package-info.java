/**
 * Internal: not an API, and may change in any release. Every Jackson mapper and factory (JSON,
 * YAML, CSV), configured once. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.jackson;
