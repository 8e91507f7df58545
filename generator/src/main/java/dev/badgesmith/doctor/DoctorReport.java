package dev.badgesmith.doctor;

import java.util.List;

/**
 * What the doctor found at a deployed site.
 *
 * @param findings problems and warnings, ordered by URL
 * @param listed how many files the site's manifest lists
 * @param checked how many URLs were fetched and checked (files, and documents they name)
 */
public record DoctorReport(String siteUrl, List<Finding> findings, int listed, int checked) {
  public DoctorReport {
    findings = findings.stream().sorted(Finding.ORDER).toList();
  }

  public long problemCount() {
    return findings.stream().filter(Finding::problem).count();
  }

  public long warningCount() {
    return findings.size() - problemCount();
  }

  public boolean hasProblems() {
    return problemCount() > 0;
  }
}
