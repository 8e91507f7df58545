/**
 * Internal: not an API, and may change in any release. JSON-LD, RDF canonicalisation and Data
 * Integrity proofs. Callers outside Badgesmith use the facade, {@link dev.badgesmith.Badgesmith},
 * instead.
 */
package dev.badgesmith.ld;
