package dev.badgesmith;

/**
 * How the commands that fetch live URLs ({@code verify}, {@code import}, {@code doctor}) may reach
 * out. Deadlines, size limits and redirects are fixed.
 *
 * @param privateAddresses whether hosts at loopback, private or link-local addresses may be
 *     fetched: refused by default, so a badge cannot make this machine reach into its own network
 */
public record Network(boolean privateAddresses) {
  /** Public addresses only: the default. */
  public static final Network PUBLIC = new Network(false);
}
