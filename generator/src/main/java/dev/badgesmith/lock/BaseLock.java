package dev.badgesmith.lock;

import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.model.Award;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code published.lock} as committed at a Git ref, such as the base branch of a pull request: what
 * was published before the change. A change that deletes an award together with its lock line
 * passes the working tree's own lock; held to the base's lock, it does not. Read with the {@code
 * git} command, which a site checked out by CI always has.
 *
 * @param ref the Git ref the lock was read at, as given
 * @param lock its lines; empty when the file did not exist at the ref (nothing published yet)
 */
public record BaseLock(String ref, PublishedLock lock) {
  private static final long GIT_TIMEOUT_SECONDS = 60;

  private static final String HINT =
      "a published award stays in "
          + PublishedLock.FILE
          + ": a removed award must become a revoked one. Restore the line as it is at %s"
          + " (and the award's file), then revoke the award ('revoked:' with a 'reason' and a"
          + " 'date') and run `badgesmith lock`";

  public BaseLock {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(lock, "lock");
  }

  /**
   * Reads {@code published.lock} of the site in {@code siteRoot} as it is at {@code ref}.
   *
   * @throws BadgesmithException when git is missing, the site is in no Git repository, or the ref
   *     names no commit there
   */
  public static BaseLock at(Path siteRoot, String ref) {
    return at(siteRoot, ref, Optional::empty);
  }

  /**
   * {@link #at(Path, String)}, taking the working tree's lock when the file at {@code ref} has the
   * same text: the same text parses to the same lines, and a pull request seldom changes the lock.
   *
   * @param working the working tree's lock as read, asked for once the text at the ref is known
   */
  public static BaseLock at(
      Path siteRoot, String ref, Supplier<Optional<PublishedLock.Read>> working) {
    Objects.requireNonNull(ref, "ref");
    // A ref is a name, never an option or a path: git would take "-x" as an option.
    if (ref.isBlank() || ref.startsWith("-") || ref.contains(":") || !isPrintable(ref)) {
      throw new BadgesmithException("--base '" + ref + "' is not a Git ref");
    }
    // Each git run costs a process: the commit and the file are asked for first, and what failed
    // is told apart only when one did.
    Result commit = git(siteRoot, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (commit.code() != 0) {
      Result repository = git(siteRoot, "rev-parse", "--git-dir");
      if (repository.code() != 0) {
        throw new BadgesmithException(
            "--base needs the site to be in a Git repository, and "
                + siteRoot
                + " is in none: "
                + repository.error());
      }
      throw new BadgesmithException(
          "--base "
              + ref
              + ": no such commit in the site's Git repository; fetch it first (for example"
              + " `git fetch origin main`, or check out with fetch-depth: 0)");
    }
    String sha = commit.output().strip();
    // "./" makes the path relative to the site folder, which may be a subfolder of the repository.
    String object = sha + ":./" + PublishedLock.FILE;
    Result show = git(siteRoot, "cat-file", "blob", object);
    if (show.code() != 0 && git(siteRoot, "cat-file", "-e", object).code() != 0) {
      return new BaseLock(ref, new PublishedLock(List.of()));
    }
    if (show.code() != 0) {
      throw new BadgesmithException(
          "cannot read " + PublishedLock.FILE + " at " + ref + ": " + show.error());
    }
    String text = show.output();
    Optional<PublishedLock> same =
        working
            .get()
            .filter(r -> r.text().isPresent() && r.text().get().equals(text))
            .flatMap(PublishedLock.Read::lock);
    // A malformed line at the base is the base's own check's error; the rest still holds here.
    return new BaseLock(ref, same.orElseGet(() -> PublishedLock.parse(text, new Diagnostics())));
  }

  /**
   * Every line of the base lock that the working tree's lock removes or changes, as an error on
   * that line of {@code published.lock}. Marking an award revoked, or lifting its revocation, is
   * the one change a line may have.
   *
   * @param now the working tree's lock lines by award
   * @param badgeName a badge class's name by its id, when the site has it
   * @return the awards concerned, for the summary of the change
   */
  public List<AwardChange> check(
      Map<String, LockLine> now,
      Function<String, Optional<String>> badgeName,
      Diagnostics diagnostics) {
    List<AwardChange> dropped = new ArrayList<>();
    for (LockLine before : lock.lines()) {
      LockLine after = now.get(before.award());
      if (after != null && same(before, after)) {
        continue;
      }
      String at = PublishedLock.FILE + ":" + before.line();
      String badgeId = before.award().substring(0, before.award().indexOf('/'));
      dropped.add(
          new AwardChange(
              before.award(), badgeName.apply(badgeId).orElse(badgeId), at, Optional.empty()));
      SourcePosition position = new SourcePosition(PublishedLock.FILE, before.line(), 1);
      Diagnostic diagnostic =
          after == null
              ? Diagnostic.error(
                  Code.LOCK_LINE_REMOVED,
                  position,
                  "the line of "
                      + before.award()
                      + ", published at "
                      + before.url()
                      + ", is in "
                      + PublishedLock.FILE
                      + " at "
                      + ref
                      + " (line "
                      + before.line()
                      + ") and this change removes it")
              : Diagnostic.error(
                  Code.LOCK_LINE_CHANGED,
                  position,
                  "the line of "
                      + before.award()
                      + " differs from "
                      + PublishedLock.FILE
                      + " at "
                      + ref
                      + " (line "
                      + before.line()
                      + "): its "
                      + difference(before, after)
                      + " changed");
      diagnostics.add(diagnostic.withHint(String.format(HINT, ref)));
    }
    return dropped;
  }

  /**
   * Every endorsement line of the base lock that the working tree's lock removes or changes (but
   * for its revoked mark), as an error on that line, as {@link #check} does for awards.
   *
   * @param now the working tree's endorsement lines by id
   */
  public void checkEndorsements(Map<String, EndorsementLine> now, Diagnostics diagnostics) {
    for (EndorsementLine before : lock.endorsements()) {
      EndorsementLine after = now.get(before.id());
      if (after != null
          && before.index() == after.index()
          && before.url().equals(after.url())
          && before.digest().equals(after.digest())
          && before.fields().equals(after.fields())) {
        continue;
      }
      SourcePosition position = new SourcePosition(PublishedLock.FILE, before.line(), 1);
      String line =
          "the line of "
              + before.key()
              + (after == null ? ", published at " + before.url() + "," : "")
              + (after == null ? " is in " : " differs from ")
              + PublishedLock.FILE
              + " at "
              + ref
              + " (line "
              + before.line()
              + ")";
      Diagnostic diagnostic =
          after == null
              ? Diagnostic.error(
                  Code.LOCK_LINE_REMOVED, position, line + " and this change removes it")
              : Diagnostic.error(
                  Code.LOCK_LINE_CHANGED,
                  position,
                  line
                      + ": its "
                      + difference(
                          before.index(),
                          after.index(),
                          before.url().equals(after.url()),
                          before.digest().equals(after.digest())
                              && before.fields().equals(after.fields()))
                      + " changed");
      diagnostics.add(
          diagnostic.withHint(
              "a published endorsement stays in "
                  + PublishedLock.FILE
                  + ": restore the line as it is at "
                  + ref
                  + " (and endorsements/"
                  + before.id()
                  + ".yaml), then revoke the endorsement ('revoked:' with a 'reason' and a"
                  + " 'date') and run `badgesmith lock`"));
    }
  }

  /**
   * What the site publishes relative to this lock.
   *
   * @param changes each award of the site as a summary names it, by {@code <badge>/<award>}
   * @param dropped what {@link #check} found
   */
  public LockChanges.SinceBase changes(
      List<Award> awards, Map<String, AwardChange> changes, List<AwardChange> dropped) {
    Map<String, LockLine> before = lock.byAward();
    List<AwardChange> added = new ArrayList<>();
    List<AwardChange> revoked = new ArrayList<>();
    List<AwardChange> reinstated = new ArrayList<>();
    for (Award award : awards) {
      String key = StatusIndexes.key(award);
      LockLine line = before.get(key);
      if (line == null) {
        added.add(changes.get(key));
      } else if (award.revoked() && !line.revoked()) {
        revoked.add(changes.get(key));
      } else if (!award.revoked() && line.revoked()) {
        reinstated.add(changes.get(key));
      }
    }
    return new LockChanges.SinceBase(ref, added, revoked, reinstated, dropped);
  }

  /** Whether two lines record the same publication: all but the revoked mark agree. */
  private static boolean same(LockLine a, LockLine b) {
    return a.index() == b.index()
        && a.url().equals(b.url())
        && a.digest().equals(b.digest())
        && a.fieldsColumn().equals(b.fieldsColumn());
  }

  private static String difference(LockLine before, LockLine after) {
    return difference(
        before.index(),
        after.index(),
        before.url().equals(after.url()),
        before.digest().equals(after.digest())
            && before.fieldsColumn().equals(after.fieldsColumn()));
  }

  private static String difference(int before, int after, boolean sameUrl, boolean sameDigest) {
    List<String> parts = new ArrayList<>();
    if (before != after) {
      parts.add("status index (" + before + " to " + after + ")");
    }
    if (!sameUrl) {
      parts.add("URL");
    }
    if (!sameDigest) {
      parts.add("digest");
    }
    return String.join(" and ", parts);
  }

  private static boolean isPrintable(String text) {
    return text.codePoints().allMatch(c -> c > 0x20 && c != 0x7f);
  }

  private record Result(int code, String output, String error) {}

  /** Runs git in the site folder, with no terminal prompt and no pager. */
  private static Result git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("GIT_PAGER", "cat");
    builder.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new BadgesmithException(
          "--base reads the lock with the git command, which cannot be run: " + e.getMessage(), e);
    }
    // Both streams at once: a large lock fills one pipe while the other is waited on.
    CompletableFuture<String> error =
        CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
    String output = drain(process.getInputStream());
    try {
      if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new BadgesmithException(
            "git " + String.join(" ", args) + " did not finish in " + GIT_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new BadgesmithException("interrupted while running git", e);
    }
    return new Result(process.exitValue(), output, error.join().strip());
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
