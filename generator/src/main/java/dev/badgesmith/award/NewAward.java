package dev.badgesmith.award;

import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Located;
import java.util.Objects;
import java.util.Optional;

/**
 * One award file to write in a batch: a row of a CSV file, or an imported assertion.
 *
 * @param id the award's id as given; the file must not exist. When empty, the id comes from {@code
 *     idBase}, with {@code -2}, {@code -3}... when it is taken
 * @param idBase a slug to derive the id from
 * @param award what to write; its {@code id} is not used
 * @param hash store a plain identity as a hash with a new random salt
 * @param origin where the award comes from, where its problems are reported
 * @param comment a first line for the file, such as where it was imported from
 */
public record NewAward(
    Optional<Located<String>> id,
    String idBase,
    AwardDoc award,
    boolean hash,
    SourcePosition origin,
    Optional<String> comment) {
  public NewAward {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(idBase, "idBase");
    Objects.requireNonNull(award, "award");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(comment, "comment");
  }
}
