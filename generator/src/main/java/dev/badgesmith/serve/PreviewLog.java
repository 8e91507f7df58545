package dev.badgesmith.serve;

/**
 * Where a preview server reports, one line at a time: the command line prints these, the Maven goal
 * logs them.
 */
public interface PreviewLog {
  void info(String line);

  void warn(String line);

  void error(String line);
}
