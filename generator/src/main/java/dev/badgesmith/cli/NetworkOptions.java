package dev.badgesmith.cli;

import dev.badgesmith.verify.HttpResolver;
import picocli.CommandLine.Option;

/** What every command that fetches live URLs takes: whether private addresses may be reached. */
final class NetworkOptions {
  @Option(
      names = "--allow-private-addresses",
      description =
          "Also fetch from hosts at loopback, private or link-local addresses (refused by"
              + " default, so a badge cannot make this machine reach into its own network).")
  boolean allowPrivateAddresses;

  /** The resolver of live URLs, allowing private addresses when asked to. */
  HttpResolver.Builder resolver() {
    HttpResolver.Builder http = HttpResolver.builder();
    if (allowPrivateAddresses) {
      http.allowPrivateAddresses();
    }
    return http;
  }
}
