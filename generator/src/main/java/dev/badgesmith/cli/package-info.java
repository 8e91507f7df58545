/**
 * Internal: not an API, and may change in any release. The command line (picocli): each command
 * maps its options onto the facade and prints what it returns. The commands, their options, output
 * and exit codes are the contract; these classes are not.
 */
package dev.badgesmith.cli;
