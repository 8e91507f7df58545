package dev.badgesmith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The earners who could be awarded a stack badge now ({@link Badgesmith#eligible}): they hold live
 * awards (neither revoked nor expired at the build date) of everything the badge requires, and no
 * live award of the badge itself.
 *
 * @param check the site's check; with an error, nobody is listed
 * @param eligible by stack badge id, then earner
 */
public record EligibleResult(Report check, List<Eligible> eligible) {
  public EligibleResult {
    Objects.requireNonNull(check, "check");
    eligible = List.copyOf(eligible);
  }

  /**
   * One earner who may be awarded a stack badge.
   *
   * @param badgeId the stack badge
   * @param recipient the earner as an award file of theirs writes them, when in plain; empty for a
   *     recipient held hashed only, who is known by their awards
   * @param qualifying the live awards that meet the requirement, in the order it names their badges
   */
  public record Eligible(
      String badgeId, Optional<Recipient> recipient, List<Qualifying> qualifying) {
    public Eligible {
      Objects.requireNonNull(badgeId, "badgeId");
      Objects.requireNonNull(recipient, "recipient");
      qualifying = List.copyOf(qualifying);
    }

    /** The earner as shown: the identity as written, or the ids of a hashed earner's awards. */
    public String earner() {
      return recipient
          .map(r -> r.type() + " " + r.identity())
          .orElseGet(
              () ->
                  "a hashed recipient (awards "
                      + String.join(", ", qualifying.stream().map(Qualifying::award).toList())
                      + ")");
    }
  }

  /**
   * A plain recipient, as an award file writes it.
   *
   * @param type {@code email}, {@code url}, {@code telephone} or {@code did}
   * @param name the display name that award gives, if any
   */
  public record Recipient(String type, String identity, Optional<String> name) {
    public Recipient {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An award that counts towards a stack badge.
   *
   * @param badgeName the name of its badge class
   * @param url its award page's public URL
   */
  public record Qualifying(String badgeId, String badgeName, String awardId, String url) {
    public Qualifying {
      Objects.requireNonNull(badgeId, "badgeId");
      Objects.requireNonNull(badgeName, "badgeName");
      Objects.requireNonNull(awardId, "awardId");
      Objects.requireNonNull(url, "url");
    }

    /** {@code badge/id}, as its file {@code awards/<badge>/<id>.yaml} is named. */
    public String award() {
      return badgeId + "/" + awardId;
    }
  }

  /** How many earners are eligible, by stack badge id. */
  public Map<String, Integer> countsByBadge() {
    Map<String, Integer> counts = new TreeMap<>();
    eligible.forEach(e -> counts.merge(e.badgeId(), 1, Integer::sum));
    return counts;
  }

  /** The lines the command prints: each earner with the awards that qualify. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (check.hasErrors()) {
      return lines;
    }
    if (eligible.isEmpty()) {
      lines.add("Nobody is eligible for a stack badge they do not hold.");
      return lines;
    }
    countsByBadge()
        .forEach(
            (badge, n) -> {
              lines.add(Report.count(n, "earner") + " eligible for " + badge + ":");
              for (Eligible e : eligible) {
                if (e.badgeId().equals(badge)) {
                  lines.add(
                      "  "
                          + e.earner()
                          + ": "
                          + String.join(
                              ", ", e.qualifying().stream().map(Qualifying::award).toList()));
                }
              }
            });
    return lines;
  }

  /**
   * One line per stack badge with eligible earners, naming no one, for logs others read: {@code
   * note: 2 earners are eligible for mentor: run badgesmith eligible SITE mentor}.
   */
  public List<String> notes(String site) {
    List<String> notes = new ArrayList<>();
    countsByBadge()
        .forEach(
            (badge, n) ->
                notes.add(
                    "note: "
                        + Report.count(n, "earner")
                        + (n == 1 ? " is" : " are")
                        + " eligible for "
                        + badge
                        + ": run badgesmith eligible "
                        + site
                        + " "
                        + badge));
    return notes;
  }

  /** The same as Markdown for a CI job's summary page; empty when nobody is eligible. */
  public String summaryMarkdown() {
    if (eligible.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("\n#### Eligible for stack badges\n\n");
    countsByBadge()
        .forEach(
            (badge, n) ->
                md.append("- `")
                    .append(badge)
                    .append("`: ")
                    .append(Report.count(n, "earner"))
                    .append(" (`badgesmith eligible . ")
                    .append(badge)
                    .append("` names them)\n"));
    return md.toString();
  }
}
