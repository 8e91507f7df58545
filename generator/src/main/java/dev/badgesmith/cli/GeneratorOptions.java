package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What every command that builds a site takes: its cache and private keys. */
final class GeneratorOptions {
  static final String CONTEXTS_IGNORED =
      "warning: --contexts is ignored: the JSON-LD contexts ship inside Badgesmith, fixed, and are"
          + " never read from elsewhere";

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

  /** Accepted so that earlier scripts still run: the contexts now ship inside Badgesmith. */
  @Option(names = "--contexts", paramLabel = "DIR", hidden = true)
  Path contexts;

  /** The cache folder: {@code --cache}, else {@code SITE/.badgesmith/cache}. */
  Path cacheDirectory(Path site) {
    return cache != null ? cache : site.resolve(".badgesmith/cache");
  }

  /** Sets the cache and keys folders of a generator for a site. */
  Badgesmith.Builder applyTo(Badgesmith.Builder builder, Path site, PrintWriter err) {
    builder.cacheDirectory(cacheDirectory(site));
    if (keys != null) {
      builder.keysDirectory(keys);
    }
    if (contexts != null) {
      err.println(CONTEXTS_IGNORED);
    }
    return builder;
  }
}
