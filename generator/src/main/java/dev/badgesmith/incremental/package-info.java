/**
 * Internal: not an API, and may change in any release. The incremental layer around the stages of a
 * build. It owns everything a run keeps for the next under the cache folder ({@link
 * dev.badgesmith.incremental.CacheLayout} names every path there): the award cache, which says
 * which award files need reading; what the last build of an output folder rendered, which says
 * which awards need rendering; the file index of the published manifest; signatures; and rendered
 * PNGs. The stages know nothing of it: load and validate are given the awards it already knows,
 * render is given the awards to render.
 */
package dev.badgesmith.incremental;
