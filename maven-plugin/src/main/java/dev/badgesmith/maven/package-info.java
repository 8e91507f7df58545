/**
 * Internal: not an API, and may change in any release. The Maven goals: each maps its parameters
 * onto the facade, {@link dev.badgesmith.Badgesmith}, and logs what it returns. The goals and their
 * parameters are the contract; these classes are not.
 */
package dev.badgesmith.maven;
