package dev.badgesmith.cli;

import dev.badgesmith.Network;
import picocli.CommandLine.Option;

/** What every command that fetches live URLs takes: whether private addresses may be reached. */
final class NetworkOptions {
  @Option(
      names = "--allow-private-addresses",
      description =
          "Also fetch from hosts at loopback, private or link-local addresses (refused by"
              + " default, so a badge cannot make this machine reach into its own network).")
  boolean allowPrivateAddresses;

  /** How live URLs are fetched: private addresses only when asked for. */
  Network network() {
    return new Network(allowPrivateAddresses);
  }
}
