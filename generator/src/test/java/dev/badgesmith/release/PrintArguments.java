package dev.badgesmith.release;

/**
 * The main class of the jar {@link GithubActionTest} runs through the action: prints each argument
 * on a line of its own, then whether the step's secret reached the process.
 */
public final class PrintArguments {
  private PrintArguments() {}

  public static void main(String[] args) {
    for (String arg : args) {
      System.out.println("arg: " + arg);
    }
    System.out.println("secret: " + System.getenv("BADGESMITH_SALT_SECRET"));
  }
}
