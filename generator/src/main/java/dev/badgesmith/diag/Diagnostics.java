package dev.badgesmith.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics during a stage. Thread-safe, so stages that work per file in parallel can
 * share one; {@link #sorted()} gives a stable order for reporting.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public synchronized void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public synchronized void addAll(Iterable<Diagnostic> diagnostics) {
    diagnostics.forEach(items::add);
  }

  public synchronized boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public synchronized List<Diagnostic> sorted() {
    return items.stream().distinct().sorted(Diagnostic.ORDER).toList();
  }
}
