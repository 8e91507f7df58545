package dev.badgesmith.verify;

import static dev.badgesmith.verify.ResolveException.Reason.NOT_FOUND;
import static dev.badgesmith.verify.ResolveException.Reason.OUT_OF_REACH;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.write.PublishedManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers URLs under a built site's {@code baseUrl} (read from its {@code manifest.json}) from the
 * site folder, so a credential can be checked before, or without, publishing the site.
 */
public final class SiteFolderResolver implements Resolver {
  private final Path root;
  private final String baseUrl;

  /**
   * @throws BadgesmithException when the folder holds no Badgesmith {@code manifest.json}
   */
  public SiteFolderResolver(Path builtSite) {
    this.root = builtSite.toAbsolutePath().normalize();
    Path manifest = root.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new BadgesmithException(
          "no manifest.json in " + builtSite + ": give the folder a build wrote");
    }
    String base =
        PublishedManifest.read(manifest)
            .orElseThrow(
                () -> new BadgesmithException("cannot read " + manifest + " as a site's manifest"))
            .baseUrl();
    if (!base.startsWith("https://")) {
      throw new BadgesmithException(manifest + " has no https baseUrl");
    }
    this.baseUrl = base.endsWith("/") ? base : base + "/";
  }

  @Override
  public byte[] fetch(String url) throws ResolveException {
    String address = DidWeb.isDidWeb(url) ? DidWeb.documentUrl(url) : url;
    address = DidWeb.withoutFragment(address);
    int query = address.indexOf('?');
    if (query >= 0) {
      address = address.substring(0, query);
    }
    if (!address.startsWith(baseUrl)) {
      throw new ResolveException(
          OUT_OF_REACH, url + " is not part of the site at " + baseUrl + " (checked offline)");
    }
    String relative = address.substring(baseUrl.length());
    if (relative.isEmpty() || relative.endsWith("/")) {
      relative += "index.html";
    }
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      throw new ResolveException(OUT_OF_REACH, url + " points out of the site folder");
    }
    if (!Files.isRegularFile(file)) {
      throw new ResolveException(NOT_FOUND, "nothing is published at " + url);
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
