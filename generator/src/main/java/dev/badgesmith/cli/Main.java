package dev.badgesmith.cli;

import dev.badgesmith.Badgesmith;
import dev.badgesmith.diag.BadgesmithException;
import dev.badgesmith.diag.Printable;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
    commands.put("xapi", Xapi.class);
    commands.put("eligible", Eligible.class);
    commands.put("transcript", Transcript.class);
    commands.put("serve", Serve.class);
    commands.put("design", Design.class);
    commands.put("merge", Merge.class);
    return java.util.Collections.unmodifiableMap(commands);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // This process is Badgesmith's own: its compilers are chosen for the command it runs.
    Compilers compilers = Compilers.start();
    System.exit(
        run(
            args,
            System.getenv(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            compilers::choose));
  }

  /**
   * Runs one command; the streams and environment are parameters so tests can run it in-process.
   */
  public static int run(
      String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    return run(args, environment, out, err, command -> {});
  }

  /**
   * @param starting handed the command that runs, once its arguments are parsed
   */
  static int run(
      String[] args,
      Map<String, String> environment,
      PrintWriter out,
      PrintWriter err,
      Consumer<Object> starting) {
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
    cli.setExecutionStrategy(
        parsed -> {
          CommandLine.ParseResult command = parsed;
          while (command.hasSubcommand()) {
            command = command.subcommand();
          }
          starting.accept(command.commandSpec().userObject());
          return new CommandLine.RunLast().execute(parsed);
        });
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

  /** Hands the environment to each command without global state. */
  private record Factory(Map<String, String> environment) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      K made = CommandLine.defaultFactory().create(type);
      if (made instanceof SiteCommand command) {
        command.environment = environment;
      } else if (made instanceof Award award) {
        award.environment = environment;
      } else if (made instanceof Import importing) {
        importing.environment = environment;
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
