/**
 * Internal: not an API, and may change in any release. xAPI (Tin Can) statements of a site's
 * awards, following the xAPI Open Badges profile in ADL's profile registry ({@link
 * dev.badgesmith.xapi.OpenBadgesProfile} says where each IRI is defined), and sending them to a
 * learning record store. {@link dev.badgesmith.xapi.XapiStatements} makes the statements from the
 * validated model, {@link dev.badgesmith.xapi.LrsClient} sends them. Callers outside Badgesmith use
 * the facade, {@link dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.xapi;
