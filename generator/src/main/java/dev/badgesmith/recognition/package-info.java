/**
 * Internal: not an API, and may change in any release.
 *
 * <p>The recognition board of a site that opts in ({@code pages.recognition}): its earners named by
 * a URL or DID, ranked by live badges and completed pathways, with their streaks and newest awards,
 * and the rules that rank them. The page and {@code recognition.json} both show it.
 */
package dev.badgesmith.recognition;
