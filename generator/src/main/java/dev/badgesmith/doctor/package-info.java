/**
 * Internal: not an API, and may change in any release. The deployed-site doctor: a published site
 * checked over HTTP as verifiers meet it. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.doctor;
