package dev.badgesmith;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a preview is served ({@link Badgesmith#serve}).
 *
 * @param port the port on 127.0.0.1; 0 for any free one
 * @param output where the preview is built; by default a temporary folder, removed when it stops.
 *     Its links name the preview's address, so it is never a folder to deploy
 * @param ignored folders inside the site whose changes make no rebuild, such as a cache
 * @param log where the preview reports
 */
public record PreviewSettings(
    int port, Optional<Path> output, List<Path> ignored, Preview.Log log) {
  public PreviewSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    Objects.requireNonNull(output, "output");
    ignored = List.copyOf(ignored);
    Objects.requireNonNull(log, "log");
  }
}
