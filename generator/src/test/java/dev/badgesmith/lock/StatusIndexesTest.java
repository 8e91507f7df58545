package dev.badgesmith.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.Recipient;
import dev.badgesmith.model.Revocation;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatusIndexesTest {
  private static Award award(String id, String issuedOn, boolean revoked) {
    return new Award(
        "intro",
        id,
        new Recipient("email", "sha256$" + "0".repeat(64), "salt", Optional.empty()),
        OffsetDateTime.parse(issuedOn + "T00:00:00Z"),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        revoked ? Optional.of(new Revocation("wrong person", Optional.empty())) : Optional.empty(),
        "awards/intro/" + id + ".yaml");
  }

  /**
   * Where an award's index starts, by the published rule: the first four bytes of the SHA-256 of
   * {@code badge/award}, big-endian, modulo the list's size. Written out here so that a change of
   * the rule, which would move every published index, fails.
   */
  private static int start(String key) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return Math.floorMod(ByteBuffer.wrap(digest, 0, 4).getInt(), StatusIndexes.SIZE);
  }

  /** An award id whose index starts where {@code index} is: it collides with that award. */
  private static String collidingWith(int index) {
    return IntStream.range(0, 10_000_000)
        .mapToObj(i -> "x" + i)
        .filter(id -> start("intro/" + id) == index)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Integer> lock(List<Award> awards, StatusIndexes indexes) {
    Map<String, Integer> lines = new HashMap<>();
    awards.forEach(a -> lines.put(StatusIndexes.key(a), indexes.of(a)));
    return lines;
  }

  @Test
  void withoutALockIndexesFollowFromIdsInOrderOfIssue() {
    Award jane = award("jane", "2025-03-14", false);
    assertThat(StatusIndexes.derived(List.of(jane), List.of()).of(jane))
        .isEqualTo(start("intro/jane"));
  }

  @Test
  void aLockedIndexNeverChangesAcrossNewBackdatedAndRevokedAwards() {
    Award jane = award("jane", "2025-03-14", false);
    Award ada = award("ada", "2025-03-10", false);
    List<Award> published = List.of(jane, ada);
    Map<String, Integer> lock = lock(published, StatusIndexes.derived(published, List.of()));

    // A backdated award whose id lands on jane's index: by order of issue it would take it.
    Award backdated = award(collidingWith(lock.get("intro/jane")), "2020-01-01", false);
    List<Award> grown = new ArrayList<>(published);
    grown.add(backdated);
    grown.add(award("zoe", "2025-06-01", false));
    assertThat(StatusIndexes.derived(grown, List.of()).of(jane))
        .as("without the lock, the backdated award would move jane")
        .isNotEqualTo(lock.get("intro/jane"));

    StatusIndexes pinned = StatusIndexes.pinned(grown, List.of(), lock);
    assertThat(pinned.of(jane)).isEqualTo(lock.get("intro/jane"));
    assertThat(pinned.of(ada)).isEqualTo(lock.get("intro/ada"));
    assertThat(pinned.of(backdated)).isNotIn(lock.values());

    // Revoking changes no index, and the next award is placed around every locked one.
    Map<String, Integer> later = lock(grown, pinned);
    List<Award> revoked =
        List.of(
            award("jane", "2025-03-14", true),
            award("ada", "2025-03-10", false),
            award(backdated.id(), "2020-01-01", true),
            award("zoe", "2025-06-01", false));
    StatusIndexes after = StatusIndexes.pinned(revoked, List.of(), later);
    revoked.forEach(a -> assertThat(after.of(a)).isEqualTo(later.get(StatusIndexes.key(a))));
  }

  @Test
  void anIndexOfALineWhoseAwardIsGoneIsNeverGivenAgain() {
    int gone = start("intro/gone");
    Award newcomer = award(collidingWith(gone), "2025-01-01", false);

    assertThat(StatusIndexes.derived(List.of(newcomer), List.of()).of(newcomer)).isEqualTo(gone);
    assertThat(
            StatusIndexes.pinned(List.of(newcomer), List.of(), Map.of("intro/gone", gone))
                .of(newcomer))
        .isNotEqualTo(gone);
  }
}
