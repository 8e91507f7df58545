/**
 * Internal: not an API, and may change in any release. The JDK's XML parsers, hardened against
 * external entities and entity bombs. Callers outside Badgesmith use the facade, {@link
 * dev.badgesmith.Badgesmith}, instead.
 */
package dev.badgesmith.xml;
