/**
 * Part of the API: the diagnostics of a site ({@link dev.badgesmith.diag.Diagnostic}, with its
 * {@link dev.badgesmith.diag.Code} and position), the exception of a setup problem ({@link
 * dev.badgesmith.diag.BadgesmithException}), and the text of both as they are safe to print.
 */
package dev.badgesmith.diag;
