package dev.badgesmith.images;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where what checking an SVG found is kept, so that the same bytes are read and checked once: a
 * design a site keeps is checked again by each run only when the SVG or the generator changed.
 */
public interface SvgChecks {
  /** Keeps nothing: every SVG is checked. */
  SvgChecks NONE =
      new SvgChecks() {
        @Override
        public Optional<Checked> get(byte[] svg) {
          return Optional.empty();
        }

        @Override
        public void put(byte[] svg, Checked checked) {}
      };

  /**
   * What {@link ImageInspector} finds in an SVG.
   *
   * @param problems every problem, in the order found
   * @param published the SVG as it is published, when it has no error
   */
  record Checked(List<ImageProblem> problems, Optional<byte[]> published) {
    public Checked {
      problems = List.copyOf(problems);
      Objects.requireNonNull(published, "published");
    }
  }

  /** What checking this SVG found, as this generator's code checks it; empty when none is kept. */
  Optional<Checked> get(byte[] svg);

  /** Keeps what checking this SVG found. */
  void put(byte[] svg, Checked checked) throws IOException;
}
