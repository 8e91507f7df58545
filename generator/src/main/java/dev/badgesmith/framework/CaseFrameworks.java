package dev.badgesmith.framework;

import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.diag.Spelling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CASE packages of a site ({@code frameworks/*.json}), searched together when a badge aligns to
 * an item by its identifier or URI.
 *
 * @param packages in the order of their paths
 */
public record CaseFrameworks(List<CasePackage> packages) {

  /** An item and the package it is in. */
  public record Found(CasePackage framework, CaseItem item) {
    public Found {
      Objects.requireNonNull(framework, "framework");
      Objects.requireNonNull(item, "item");
    }

    /** Its Open Badges alignment fields. */
    public CaseAlignment alignment() {
      return framework.alignment(item);
    }
  }

  public CaseFrameworks {
    List<CasePackage> sorted = new ArrayList<>(packages);
    sorted.sort(Comparator.comparing(CasePackage::path));
    packages = List.copyOf(sorted);
  }

  /** The item with this identifier or URI, in the first package (by path) that has it. */
  public Optional<Found> find(String identifierOrUri) {
    for (CasePackage p : packages) {
      Optional<CaseItem> item = p.item(identifierOrUri);
      if (item.isPresent()) {
        return Optional.of(new Found(p, item.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * The item a badge's alignment names, or empty with the problem added to {@code diagnostics}.
   *
   * @param at where the reference was written
   */
  public Optional<Found> resolve(
      String identifierOrUri, SourcePosition at, Diagnostics diagnostics) {
    Optional<Found> found = find(identifierOrUri);
    if (found.isEmpty()) {
      diagnostics.add(unknown(identifierOrUri, at));
    }
    return found;
  }

  /**
   * The error for a reference to no item: the hint names the closest identifier or URI, the item
   * whose human coding scheme was given instead, or the packages there are.
   */
  public Diagnostic unknown(String reference, SourcePosition at) {
    Diagnostic base =
        Diagnostic.error(
            Code.UNKNOWN_FRAMEWORK_ITEM,
            at,
            "no CASE item '" + reference + "' in " + (packages.isEmpty() ? "this site" : where()));
    if (packages.isEmpty()) {
      return base.withHint(
          "put the framework's CFPackage JSON, as a CASE server exports it, in frameworks/");
    }
    for (CasePackage p : packages) {
      for (CaseItem item : p.items()) {
        if (item.humanCodingScheme().filter(reference::equals).isPresent()) {
          return base.withHint(
              "'"
                  + reference
                  + "' is the code of the item '"
                  + item.identifier()
                  + "': name the item by that identifier or its URI "
                  + item.uri());
        }
      }
    }
    List<String> candidates = new ArrayList<>();
    for (CasePackage p : packages) {
      for (CaseItem item : p.items()) {
        candidates.add(reference.contains("/") ? item.uri() : item.identifier());
      }
    }
    return Spelling.closest(reference, candidates)
        .map(c -> base.withHint("did you mean '" + c + "'?"))
        .orElse(base.withHint("name a CFItem by its identifier or URI, as written in " + where()));
  }

  private String where() {
    return String.join(", ", packages.stream().map(CasePackage::path).toList());
  }
}
