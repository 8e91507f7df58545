package dev.badgesmith.lock;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a site's awards differ from its {@code published.lock}: what a pull request publishes.
 *
 * @param lockFound whether the site has a lock; without one, every award is new
 * @param added awards not in the lock yet: the change's additions
 * @param revoked locked awards the change revokes
 * @param reinstated locked awards whose revocation the change lifts
 * @param altered locked awards whose published content changed: errors
 * @param removed locked awards that are gone: errors
 * @param sinceBase the same against the lock of the change's base ({@code check --base}), which
 *     says what a change that commits its updated lock publishes
 * @param written whether this run rewrote the lock
 * @param endorsements the same of the endorsements the site gives
 */
public record LockChanges(
    boolean lockFound,
    List<AwardChange> added,
    List<AwardChange> revoked,
    List<AwardChange> reinstated,
    List<AwardChange> altered,
    List<AwardChange> removed,
    Optional<SinceBase> sinceBase,
    boolean written,
    Endorsed endorsements) {

  public LockChanges {
    added = List.copyOf(added);
    revoked = List.copyOf(revoked);
    reinstated = List.copyOf(reinstated);
    altered = List.copyOf(altered);
    removed = List.copyOf(removed);
    Objects.requireNonNull(sinceBase, "sinceBase");
    Objects.requireNonNull(endorsements, "endorsements");
  }

  /**
   * How the endorsements the site gives differ from their lines of the lock, by id.
   *
   * @param added endorsements not in the lock yet
   * @param revoked locked endorsements the change revokes
   * @param reinstated locked endorsements whose revocation the change lifts
   * @param altered locked endorsements whose published content changed: errors
   * @param removed locked endorsements that are gone: errors
   */
  public record Endorsed(
      List<String> added,
      List<String> revoked,
      List<String> reinstated,
      List<String> altered,
      List<String> removed) {
    public static final Endorsed NONE =
        new Endorsed(List.of(), List.of(), List.of(), List.of(), List.of());

    public Endorsed {
      added = List.copyOf(added);
      revoked = List.copyOf(revoked);
      reinstated = List.copyOf(reinstated);
      altered = List.copyOf(altered);
      removed = List.copyOf(removed);
    }
  }

  /**
   * What a change publishes relative to the lock at its base.
   *
   * @param ref the Git ref of the base, as given
   * @param added awards the base's lock does not list
   * @param revoked awards the base lists as published and the change revokes
   * @param reinstated awards the base lists as revoked and the change reinstates
   * @param dropped lines of the base's lock that the change removes or alters: errors
   */
  public record SinceBase(
      String ref,
      List<AwardChange> added,
      List<AwardChange> revoked,
      List<AwardChange> reinstated,
      List<AwardChange> dropped) {
    public SinceBase {
      Objects.requireNonNull(ref, "ref");
      added = List.copyOf(added);
      revoked = List.copyOf(revoked);
      reinstated = List.copyOf(reinstated);
      dropped = List.copyOf(dropped);
    }
  }

  public LockChanges asWritten() {
    return new LockChanges(
        lockFound, added, revoked, reinstated, altered, removed, sinceBase, true, endorsements);
  }

  /** Whether the lock file would change if written now. */
  public boolean lockOutOfDate() {
    return !lockFound
        || !added.isEmpty()
        || !revoked.isEmpty()
        || !reinstated.isEmpty()
        || !endorsements.added().isEmpty()
        || !endorsements.revoked().isEmpty()
        || !endorsements.reinstated().isEmpty();
  }
}
