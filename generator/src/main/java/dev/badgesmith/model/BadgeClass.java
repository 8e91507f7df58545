package dev.badgesmith.model;

import dev.badgesmith.pathway.Requirement;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A badge class: what is awarded, by whom, by which criteria.
 *
 * @param criteria the criteria narrative, Markdown
 * @param validFor how long an award stays valid, which sets its expiry
 * @param requires ids of badge classes this one stacks on, every one its rule names
 * @param requirement the rule itself (all of them, or any N of some), when it has one
 */
public record BadgeClass(
    String id,
    String name,
    String description,
    String issuerId,
    ImageFile image,
    Optional<String> imageAlt,
    List<String> tags,
    List<Alignment> alignments,
    Optional<Period> validFor,
    List<String> requires,
    Optional<Requirement> requirement,
    Optional<String> language,
    String criteria,
    String source) {

  public BadgeClass {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(issuerId, "issuerId");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(imageAlt, "imageAlt");
    tags = List.copyOf(tags);
    alignments = List.copyOf(alignments);
    Objects.requireNonNull(validFor, "validFor");
    requires = List.copyOf(requires);
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(source, "source");
  }

  /** Whether it builds on other badges, and so has a pathway. */
  public boolean isStack() {
    return !requires.isEmpty();
  }
}
