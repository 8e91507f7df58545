package dev.badgesmith.pages;

/**
 * One badge on a pathway.
 *
 * @param badge its name, linked to its criteria page
 * @param earners how many hold it: awards neither revoked nor expired at the build date
 * @param requires what it asks for in words ("Intro and any 1 of Talk or Workshop"), or null when
 *     it is a first step
 */
public record PathwayStepView(LinkView badge, int earners, String requires) {}
