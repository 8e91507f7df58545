package dev.badgesmith.xapi;

import java.util.List;

/**
 * What a learning record store answered.
 *
 * @param accepted statements the store answered with success: stored now, or already held with the
 *     same content, which xAPI makes indistinguishable and harmless
 * @param requests how many requests were sent
 * @param conflicts ids of statements the store already holds with other content ({@code 409
 *     Conflict}); the store keeps its own, as xAPI requires
 */
public record SendResult(int accepted, int requests, List<String> conflicts) {
  public SendResult {
    conflicts = List.copyOf(conflicts);
  }
}
