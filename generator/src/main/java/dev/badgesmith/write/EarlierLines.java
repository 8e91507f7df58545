package dev.badgesmith.write;

/** Where the published manifest holds the lines of one of its lists, by their place in it. */
interface EarlierLines {
  long start(int line);

  /** Where the line ends, before the separator that follows it. */
  long end(int line);

  /** Whether the line there is the one its place says; checked at the start of each run. */
  boolean holds(int line);
}
