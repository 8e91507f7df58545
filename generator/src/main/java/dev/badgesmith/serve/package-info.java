/**
 * Internal: not an API, and may change in any release. The local preview server: builds through the
 * facade, serves, rebuilds on save, reloads pages. Started through {@link
 * dev.badgesmith.Badgesmith#serve}.
 */
package dev.badgesmith.serve;
