package dev.badgesmith.recognition;

import dev.badgesmith.model.Award;
import dev.badgesmith.model.BadgeClass;
import dev.badgesmith.model.Site;
import dev.badgesmith.pathway.Identities;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The recognition board of a site: who is on it, in which order, and why. Made from the model and
 * the build date alone, never the clock, so the same site gives the same board on every machine.
 *
 * @param asOf the build date in the site's time zone: what "live" and "current streak" are measured
 *     against
 * @param earners in rank order
 * @param newest the newest live awards of the earners on the board, newest first
 */
public record RecognitionBoard(
    LocalDate asOf, ZoneId zone, List<Earner> earners, List<Award> newest) {
  /** How many of an earner's newest awards the board shows. */
  public static final int NEWEST_PER_EARNER = 3;

  /** How many of the newest awards of all its earners the board shows. */
  public static final int NEWEST = 10;

  /** The rules, as the page and {@code recognition.json} state them. */
  public static final List<String> RULES =
      List.of(
          "Only earners whose awards name them by a web address (URL) or a DID are listed, never"
              + " by an e-mail address, a telephone number or a hashed identity; an earner the site"
              + " was asked to leave off is not listed.",
          "Earners are ranked by their live badges: the badge classes they hold an award of that"
              + " is neither revoked nor expired on the date of the board.",
          "Equal numbers of live badges are ranked by completed pathways: the live badges among"
              + " them that stack on other badges.",
          "Earners equal on both share a rank, and are listed in the order of their URL or DID.",
          "A streak is a run of consecutive calendar months, in the site's time zone, each with"
              + " at least one new award that is not revoked. The current streak counts back from"
              + " the month of the board's date, or from the month before while this one has no"
              + " award yet.",
          "Earners with no live badge are not listed.");

  public RecognitionBoard {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(zone, "zone");
    earners = List.copyOf(earners);
    newest = List.copyOf(newest);
  }

  /**
   * One earner on the board.
   *
   * @param rank 1 for the first; earners equal on live badges and pathways share one
   * @param id the URL or DID their awards name
   * @param name the display name of their newest award that gives one
   * @param newest their newest live awards, newest first, at most {@link #NEWEST_PER_EARNER}
   */
  public record Earner(
      int rank,
      String id,
      Optional<String> name,
      int liveBadges,
      int completedPathways,
      int currentStreak,
      int longestStreak,
      List<Award> newest) {
    public Earner {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      newest = List.copyOf(newest);
    }
  }

  /** Newest first; the same instant falls back to the badge and the award id, for a fixed order. */
  private static final Comparator<Award> NEWEST_FIRST =
      Comparator.comparing((Award a) -> a.issuedOn().toInstant())
          .reversed()
          .thenComparing(Award::badgeId)
          .thenComparing(Award::id);

  private static final Comparator<Earner> RANKING =
      Comparator.comparingInt(Earner::liveBadges)
          .thenComparingInt(Earner::completedPathways)
          .reversed()
          .thenComparing(Earner::id);

  /** The board of {@code site} on {@code buildDate}. */
  public static RecognitionBoard of(Site site, Instant buildDate) {
    ZoneId zone = site.settings().timeZone();
    LocalDate asOf = LocalDate.ofInstant(buildDate, zone);
    Set<String> optedOut =
        site.settings().pages().recognitionOptOut().stream()
            .map(id -> comparable(id.startsWith("did:") ? "id" : "url", id))
            .collect(Collectors.toSet());
    // Only a URL or DID the site publishes reaches the model as publicId: never an e-mail
    // address, a telephone number or a hashed identity.
    Map<String, List<Award>> byEarner = new TreeMap<>();
    for (Award award : site.awards()) {
      Optional<String> id = award.recipient().publicId();
      if (id.isPresent()
          && !award.revoked()
          && !optedOut.contains(comparable(award.recipient().type(), id.get()))) {
        byEarner.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(award);
      }
    }
    List<Earner> unranked = new ArrayList<>();
    byEarner.forEach(
        (id, awards) ->
            earner(site, id, awards, buildDate, zone, YearMonth.from(asOf))
                .ifPresent(unranked::add));
    unranked.sort(RANKING);
    List<Earner> ranked = new ArrayList<>();
    for (int i = 0; i < unranked.size(); i++) {
      Earner e = unranked.get(i);
      int rank = i + 1;
      if (i > 0 && score(ranked.get(i - 1)).equals(score(e))) {
        rank = ranked.get(i - 1).rank();
      }
      ranked.add(
          new Earner(
              rank,
              e.id(),
              e.name(),
              e.liveBadges(),
              e.completedPathways(),
              e.currentStreak(),
              e.longestStreak(),
              e.newest()));
    }
    Set<String> listed = ranked.stream().map(Earner::id).collect(Collectors.toSet());
    List<Award> newest =
        byEarner.entrySet().stream()
            .filter(e -> listed.contains(e.getKey()))
            .flatMap(e -> e.getValue().stream())
            .filter(a -> live(a, buildDate))
            .sorted(NEWEST_FIRST)
            .limit(NEWEST)
            .toList();
    return new RecognitionBoard(asOf, zone, ranked, newest);
  }

  private static List<Integer> score(Earner e) {
    return List.of(e.liveBadges(), e.completedPathways());
  }

  private static Optional<Earner> earner(
      Site site,
      String id,
      List<Award> awards,
      Instant buildDate,
      ZoneId zone,
      YearMonth thisMonth) {
    List<Award> live =
        awards.stream().filter(a -> live(a, buildDate)).sorted(NEWEST_FIRST).toList();
    Set<String> badges = new TreeSet<>();
    live.forEach(a -> badges.add(a.badgeId()));
    if (badges.isEmpty()) {
      return Optional.empty();
    }
    int pathways =
        (int)
            badges.stream()
                .filter(b -> site.badge(b).map(BadgeClass::isStack).orElse(false))
                .count();
    TreeSet<YearMonth> months = new TreeSet<>();
    for (Award a : awards) {
      if (!a.issuedOn().toInstant().isAfter(buildDate)) {
        months.add(YearMonth.from(a.issuedOn().atZoneSameInstant(zone)));
      }
    }
    Optional<String> name =
        awards.stream()
            .sorted(NEWEST_FIRST)
            .flatMap(a -> a.recipient().name().stream())
            .findFirst();
    return Optional.of(
        new Earner(
            0,
            id,
            name,
            badges.size(),
            pathways,
            currentStreak(months, thisMonth),
            longestStreak(months),
            live.stream().limit(NEWEST_PER_EARNER).toList()));
  }

  /** The run of months ending at this one, or at the last one while this one has no award yet. */
  static int currentStreak(Set<YearMonth> months, YearMonth thisMonth) {
    YearMonth month = months.contains(thisMonth) ? thisMonth : thisMonth.minusMonths(1);
    int streak = 0;
    while (months.contains(month)) {
      streak++;
      month = month.minusMonths(1);
    }
    return streak;
  }

  static int longestStreak(TreeSet<YearMonth> months) {
    int longest = 0;
    int run = 0;
    YearMonth previous = null;
    for (YearMonth month : months) {
      run = previous != null && previous.plusMonths(1).equals(month) ? run + 1 : 1;
      longest = Math.max(longest, run);
      previous = month;
    }
    return longest;
  }

  /** Neither revoked nor expired at the build date. */
  private static boolean live(Award award, Instant buildDate) {
    return !award.revoked()
        && award.expires().map(e -> !e.toInstant().isBefore(buildDate)).orElse(true);
  }

  /** A URL or DID as compared with an opt-out: RFC 3986-normalised, as earners are matched. */
  private static String comparable(String type, String id) {
    return Identities.normalise(type, id).orElse(id.strip());
  }
}
