package dev.badgesmith.lock;

import java.util.List;

/**
 * How a site's awards differ from its {@code published.lock}: what a pull request publishes.
 *
 * @param lockFound whether the site has a lock; without one, every award is new
 * @param added awards not in the lock yet: the change's additions
 * @param revoked locked awards the change revokes
 * @param reinstated locked awards whose revocation the change lifts
 * @param altered locked awards whose published content changed: errors
 * @param removed locked awards that are gone: errors
 * @param written whether this run rewrote the lock
 */
public record LockChanges(
    boolean lockFound,
    List<AwardChange> added,
    List<AwardChange> revoked,
    List<AwardChange> reinstated,
    List<AwardChange> altered,
    List<AwardChange> removed,
    boolean written) {

  public LockChanges {
    added = List.copyOf(added);
    revoked = List.copyOf(revoked);
    reinstated = List.copyOf(reinstated);
    altered = List.copyOf(altered);
    removed = List.copyOf(removed);
  }

  public LockChanges asWritten() {
    return new LockChanges(lockFound, added, revoked, reinstated, altered, removed, true);
  }
}
