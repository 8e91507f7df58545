/**
 * The API of Badgesmith: the facade {@link dev.badgesmith.Badgesmith}, the settings it is built
 * with, and the requests and results of its operations ({@link dev.badgesmith.Report}, {@link
 * dev.badgesmith.AwardRequest}, {@link dev.badgesmith.Preview} and the others here). With {@link
 * dev.badgesmith.diag}, this is all the command line and the Maven plugin use; every other package
 * under {@code dev.badgesmith} is internal and may change in any release.
 */
package dev.badgesmith;
