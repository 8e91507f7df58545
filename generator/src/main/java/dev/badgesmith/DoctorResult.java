package dev.badgesmith;

import java.util.List;
import java.util.Objects;

/**
 * What checking a deployed site over HTTP found ({@link Badgesmith#doctor}).
 *
 * @param siteUrl the site's address, its {@code baseUrl}
 * @param findings one line per problem or warning, in the order {@code doctor} prints them
 * @param listed how many files the site's manifest lists
 * @param checked how many URLs were fetched and checked (files, and documents they name)
 */
public record DoctorResult(
    String siteUrl,
    List<String> findings,
    int listed,
    int checked,
    long problemCount,
    long warningCount) {
  public DoctorResult {
    Objects.requireNonNull(siteUrl, "siteUrl");
    findings = List.copyOf(findings);
    if (problemCount + warningCount != findings.size()) {
      throw new IllegalArgumentException("every finding is a problem or a warning");
    }
  }

  public boolean hasProblems() {
    return problemCount > 0;
  }
}
