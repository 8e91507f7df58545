package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What every command that builds a site takes: its cache, private keys and JSON-LD contexts. */
final class GeneratorOptions {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Where work is kept between builds: rendered PNGs, signatures, what each award published"
              + " (default: SITE/.badgesmith/cache).")
  Path cache;

  @Option(
      names = "--keys",
      paramLabel = "DIR",
      description =
          "A folder outside the site with private signing keys as <key-id>.pem"
              + " (BADGESMITH_KEY_<ID> is read first).")
  Path keys;

  @Option(
      names = "--contexts",
      paramLabel = "DIR",
      description =
          "A folder of the JSON-LD contexts credentials use (default: a cache, filled from"
              + " their URLs on first use and checked against pinned digests).")
  Path contexts;

  /** The cache folder: {@code --cache}, else {@code SITE/.badgesmith/cache}. */
  Path cacheDirectory(Path site) {
    return cache != null ? cache : site.resolve(".badgesmith/cache");
  }

  /** Sets the cache, keys and contexts folders of a generator for a site. */
  Badgesmith.Builder applyTo(Badgesmith.Builder builder, Path site) {
    builder.cacheDirectory(cacheDirectory(site));
    if (keys != null) {
      builder.keysDirectory(keys);
    }
    if (contexts != null) {
      builder.contextsDirectory(contexts);
    }
    return builder;
  }
}
