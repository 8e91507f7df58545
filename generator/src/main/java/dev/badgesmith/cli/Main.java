package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.BakedBadge;
import dev.badgesmith.BuildDate;
import dev.badgesmith.Extraction;
import dev.badgesmith.Report;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code badgesmith}: the command line, a thin front over {@link Badgesmith}. */
@Command(
    name = "badgesmith",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds a static Open Badges site from a folder of YAML and Markdown files.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the badge site has errors (extract: the image carries no badge or is corrupt; doctor:"
          + " the deployed site has problems)",
      "2:wrong usage or setup (doctor: the site cannot be reached)",
      "3:internal error (a bug: please report it)"
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int CONTENT_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  /** The commands by name, in the order help lists them. */
  static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new java.util.LinkedHashMap<>();
    commands.put("build", Build.class);
    commands.put("check", Check.class);
    commands.put("lock", Lock.class);
    commands.put("extract", Extract.class);
    commands.put("keygen", Keygen.class);
    commands.put("award", Award.class);
    commands.put("init", Init.class);
    commands.put("import", Import.class);
    commands.put("verify", Verify.class);
    commands.put("doctor", Doctor.class);
    commands.put("serve", Serve.class);
    return java.util.Collections.unmodifiableMap(commands);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            System.getenv(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true)));
  }

  /**
   * Runs one command; the streams and environment are parameters so tests can run it in-process.
   */
  public static int run(
      String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main(), new Factory(environment));
    // Reading a command's annotations into picocli's model is much of a short run's start-up: a
    // run that names its command first gets that one alone; any other (help, a typo) gets all.
    Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
    if (named != null) {
      cli.addSubcommand(named);
    } else {
      COMMANDS.values().forEach(cli::addSubcommand);
      cli.addSubcommand(CommandLine.HelpCommand.class);
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof BadgesmithException) {
            err.println("badgesmith: " + Printable.escape(String.valueOf(e.getMessage())));
            return USAGE;
          }
          err.println("badgesmith: internal error: " + Printable.escape(e.toString()));
          java.io.StringWriter trace = new java.io.StringWriter();
          e.printStackTrace(new PrintWriter(trace));
          // The trace without its first lines, the exception's text printed above.
          trace
              .toString()
              .lines()
              .skip(Math.max(1, e.toString().lines().count()))
              .map(Main::printableLine)
              .forEach(err::println);
          return INTERNAL;
        });
    return cli.execute(args);
  }

  /**
   * A line of text that may echo a site's content, as it is safe to print: control characters
   * escaped ({@link Printable}), and indented when it would start with {@code ::}, which a GitHub
   * Actions runner reads as a workflow command.
   */
  static String printableLine(String line) {
    String printable = Printable.escape(line);
    return printable.startsWith("::") ? "  " + printable : printable;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: build, check, lock or extract");
  }

  /** Options shared by the commands. */
  abstract static class SiteCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        defaultValue = ".",
        paramLabel = "SITE",
        description = "The badge site folder (default: the current folder).")
    Path site;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "How many awards to render at once (default: the number of processors).")
    Integer threads;

    Map<String, String> environment;

    Badgesmith.Builder generator() {
      Badgesmith.Builder builder = Badgesmith.builder().environment(environment);
      if (threads != null) {
        builder.threads(threads);
      }
      return builder;
    }

    /** Prints every diagnostic, then a count; returns the exit code. */
    int report(Report report) {
      PrintWriter err = spec.commandLine().getErr();
      for (Diagnostic d : report.diagnostics()) {
        err.println(d.format());
      }
      // In a GitHub Actions job, each problem also becomes an annotation on its file's line.
      GithubAnnotations.in(environment, site)
          .ifPresent(
              github ->
                  report
                      .diagnostics()
                      .forEach(d -> spec.commandLine().getOut().println(github.annotation(d))));
      if (!report.diagnostics().isEmpty()) {
        err.println(report.counts());
      }
      return report.hasErrors() ? CONTENT_ERRORS : OK;
    }

    /** Names the awards a lock does not list yet: what this change adds. */
    void newAwards(Report report) {
      report
          .newAwards()
          .ifPresent(
              text -> spec.commandLine().getOut().println(text + " (`badgesmith lock` adds them)"));
    }

    /** Says what writing the lock did. */
    void lockWritten(Report report) {
      report.lockWritten().ifPresent(spec.commandLine().getOut()::println);
    }
  }

  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description =
          "Check the site and write it to the output folder; nothing is written when it has errors.")
  static final class Build extends SiteCommand {
    @Mixin GeneratorOptions generatorOptions;

    @Option(
        names = "--render-all",
        description =
            "Read and render every award, even those unchanged since the last build into this"
                + " folder (which are otherwise kept as published).")
    boolean renderAll;

    @Option(
        names = "--timings",
        description = "Print how long each stage of the build took, and the whole process.")
    boolean timings;

    @Option(
        names = "--date",
        paramLabel = "DATE",
        description =
            "The date the pages take as now, to tell expired awards: YYYY-MM-DD or an ISO"
                + " date-time (default: SOURCE_DATE_EPOCH, else the current time).")
    String date;

    @Option(
        names = {"-o", "--out"},
        paramLabel = "DIR",
        description =
            "The output folder (default: SITE/public). It is replaced only by a build that succeeds.")
    Path out;

    @Option(
        names = "--update-lock",
        description =
            "Also write SITE/published.lock when the build succeeds, as `badgesmith lock` does.")
    boolean updateLock;

    @Override
    public Integer call() {
      Path target = out != null ? out : site.resolve("public");
      long start = System.nanoTime();
      Badgesmith.Builder builder =
          generatorOptions
              .applyTo(generator(), site, spec.commandLine().getErr())
              .renderAll(renderAll)
              .updateLock(updateLock);
      if (date != null) {
        builder.buildDate(BuildDate.parse(date));
      }
      Report report = builder.build().build(site, target);
      int code = report(report);
      if (code == OK) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        spec.commandLine().getOut().println(report.built(target) + " in " + millis + " ms");
        if (updateLock) {
          lockWritten(report);
        } else {
          newAwards(report);
        }
      }
      if (timings) {
        printTimings(report);
      }
      return code;
    }

    /** Each stage's time, then the process's own, since the JVM started. */
    private void printTimings(Report report) {
      long process =
          System.currentTimeMillis()
              - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      report.timings(process).forEach(spec.commandLine().getOut()::println);
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Load and validate the site; write nothing. Exits 1 when the site has errors.")
  static final class Check extends SiteCommand {
    @Option(
        names = "--base",
        paramLabel = "REF",
        description =
            "Also hold the site to published.lock as committed at this Git ref, such as"
                + " origin/main for a pull request: every line there must stay, unchanged but for"
                + " its revoked mark.")
    String base;

    @Override
    public Integer call() {
      Badgesmith.Builder builder = generator();
      if (base != null) {
        builder.lockBase(base);
      }
      Report report = builder.build().check(site);
      int code = report(report);
      if (code == OK) {
        spec.commandLine().getOut().println("No errors in " + site);
        newAwards(report);
      }
      Optional<StepSummary> summary = StepSummary.in(environment);
      if (summary.isPresent()) {
        try {
          summary.get().append(site, report);
        } catch (IOException e) {
          spec.commandLine()
              .getErr()
              .println("badgesmith: cannot write the step summary: " + e.getMessage());
        }
      }
      return code;
    }
  }

  @Command(
      name = "lock",
      mixinStandardHelpOptions = true,
      description =
          "Check the site, then write SITE/published.lock: a line for each new award, every"
              + " existing line kept with its status index. Exits 1, writing nothing, when the site"
              + " has errors.")
  static final class Lock extends SiteCommand {
    @Override
    public Integer call() {
      Report report = generator().build().lock(site);
      int code = report(report);
      if (code == OK) {
        lockWritten(report);
      }
      return code;
    }
  }

  @Command(
      name = "extract",
      mixinStandardHelpOptions = true,
      description =
          "Print the Open Badges assertions and credentials baked into a PNG or SVG image.")
  static final class Extract implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A baked PNG or SVG image.")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Extraction extraction = Badgesmith.builder().build().extract(file);
      if (extraction.corrupt().isPresent()) {
        err.println(file + ": " + extraction.corrupt().get());
        return CONTENT_ERRORS;
      }
      List<BakedBadge> found = extraction.badges();
      if (found.isEmpty()) {
        err.println(file + " carries no Open Badges data");
        return CONTENT_ERRORS;
      }
      for (int i = 0; i < found.size(); i++) {
        BakedBadge baked = found.get(i);
        if (i > 0) {
          out.println();
        }
        out.println(
            baked.version()
                + " ("
                + baked.format().toUpperCase(Locale.ROOT)
                + " "
                + baked.carrier()
                + "):");
        out.println(baked.payload().stripTrailing());
        baked
            .verify()
            .filter(url -> !url.equals(baked.payload()))
            .ifPresent(url -> out.println("verify: " + url));
      }
      return OK;
    }
  }

  /** Hands the environment to each command without global state. */
  private record Factory(Map<String, String> environment) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      K made = CommandLine.defaultFactory().create(type);
      if (made instanceof SiteCommand command) {
        command.environment = environment;
      }
      return made;
    }
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"badgesmith " + (version == null ? "(development build)" : version)};
    }
  }
}
