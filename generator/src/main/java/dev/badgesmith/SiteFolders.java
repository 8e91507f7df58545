package dev.badgesmith;

import dev.badgesmith.diag.BadgesmithException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a build's output and cache may be, relative to the site's sources and each other. */
final class SiteFolders {
  private SiteFolders() {}

  /** The site's folders of sources: the output and the cache never go into them. */
  private static final List<String> SOURCE_FOLDERS =
      List.of("issuers", "badges", "awards", "frameworks", "endorsements", "static", "templates");

  /** The output may sit inside the site folder (as public/ does), but never over its sources. */
  static void checkOutput(Path siteRoot, Path outDir, Optional<Path> cacheFolder) {
    Path out = outDir.toAbsolutePath().normalize();
    if (siteRoot.startsWith(out)) {
      throw new BadgesmithException(
          "the output folder " + outDir + " contains the site; choose another folder");
    }
    for (String source : SOURCE_FOLDERS) {
      if (out.startsWith(siteRoot.resolve(source))) {
        throw new BadgesmithException(
            "the output folder "
                + outDir
                + " is inside the site's "
                + source
                + "/ folder; choose another folder");
      }
    }
    // A cache in the output would be published; an output in the cache could be overwritten.
    Optional<Path> cache = cacheFolder.map(c -> c.toAbsolutePath().normalize());
    if (cache.isPresent() && (cache.get().startsWith(out) || out.startsWith(cache.get()))) {
      throw new BadgesmithException(
          "the cache "
              + cache.get()
              + (cache.get().startsWith(out) ? " is inside" : " contains")
              + " the output folder "
              + outDir
              + ", so it would be published or overwritten; keep them apart");
    }
  }

  /**
   * A cache is trusted, so it never sits among the site's sources, where a pull request could put
   * files into it (or would publish it, from static/).
   */
  static void checkCache(Path siteRoot, Optional<Path> cacheFolder) {
    Optional<Path> cache = cacheFolder.map(c -> c.toAbsolutePath().normalize());
    for (String source : SOURCE_FOLDERS) {
      if (cache.isPresent() && cache.get().startsWith(siteRoot.resolve(source))) {
        throw new BadgesmithException(
            "the cache "
                + cache.get()
                + " is inside the site's "
                + source
                + "/ folder; keep it out of the site's sources");
      }
    }
  }
}
