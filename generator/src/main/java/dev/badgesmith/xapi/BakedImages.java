package dev.badgesmith.xapi;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.SiteLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the bytes of an award's baked PNG come from: a built site, as a rule. */
@FunctionalInterface
public interface BakedImages {
  /** The baked PNG of an award, empty when there is none. */
  Optional<byte[]> png(Award award) throws IOException;

  /** The baked PNGs of a site built into {@code output}, where its layout puts them. */
  static BakedImages in(Path output, SiteLayout layout) {
    return award -> {
      try {
        return Optional.of(Files.readAllBytes(output.resolve(layout.bakedPng(award).file())));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    };
  }
}
