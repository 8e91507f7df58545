/**
 * Internal: not an API, and may change in any release. Signing keys, their files, and the
 * signatures of JWS and VC-JWT. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.sign;
