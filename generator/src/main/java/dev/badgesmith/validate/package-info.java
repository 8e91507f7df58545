/**
 * Internal: not an API, and may change in any release. The loaded documents checked and turned into
 * the model, each problem a diagnostic at its position. Callers outside Badgesmith use the facade,
 * {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.validate;
