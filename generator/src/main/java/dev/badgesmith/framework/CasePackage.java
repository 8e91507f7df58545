package dev.badgesmith.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A CASE framework as read from one {@code CFPackage} file: its document, items and associations,
 * with lookups by identifier or URI and the hierarchy its {@code isChildOf} associations draw.
 *
 * @param path the file, relative to the site root
 */
public record CasePackage(
    String path, CaseDocument document, List<CaseItem> items, List<CaseAssociation> associations) {

  /**
   * Siblings in the order the publisher gives: the association's {@code sequenceNumber}, then the
   * item's {@code listEnumeration} and {@code humanCodingScheme}, then the identifier, so the order
   * never depends on the order of the file.
   */
  private static final Comparator<Child> SIBLINGS =
      Comparator.comparing(
              (Child c) -> c.sequence().orElse(Integer.MAX_VALUE), Comparator.naturalOrder())
          .thenComparing(c -> c.item().listEnumeration().orElse(""), CasePackage::natural)
          .thenComparing(c -> c.item().humanCodingScheme().orElse(""), CasePackage::natural)
          .thenComparing(c -> c.item().identifier());

  private record Child(CaseItem item, Optional<Integer> sequence) {}

  public CasePackage {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(document, "document");
    items = List.copyOf(items);
    associations = List.copyOf(associations);
  }

  /** The item with this identifier or URI. */
  public Optional<CaseItem> item(String identifierOrUri) {
    for (CaseItem item : items) {
      if (item.identifier().equals(identifierOrUri) || item.uri().equals(identifierOrUri)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  /** The alignment fields of one of this package's items. */
  public CaseAlignment alignment(CaseItem item) {
    return CaseAlignment.of(document, item);
  }

  /** The items an {@code isChildOf} association places directly under {@code parent}. */
  public List<CaseItem> children(CaseItem parent) {
    return childrenOf(parent.identifier(), parent.uri());
  }

  /**
   * The top of the hierarchy: the items that are a child of no item of this package (usually the
   * children of the {@code CFDocument}).
   */
  public List<CaseItem> roots() {
    Set<String> hasParent = new LinkedHashSet<>();
    for (CaseAssociation a : associations) {
      if (a.associationType().equals(CaseAssociation.IS_CHILD_OF)
          && find(a.destination()).isPresent()) {
        find(a.origin()).ifPresent(child -> hasParent.add(child.identifier()));
      }
    }
    List<Child> roots = new ArrayList<>();
    Map<String, Optional<Integer>> underDocument = new HashMap<>();
    for (CaseAssociation a : associations) {
      if (a.associationType().equals(CaseAssociation.IS_CHILD_OF) && isDocument(a.destination())) {
        find(a.origin()).ifPresent(c -> underDocument.put(c.identifier(), a.sequenceNumber()));
      }
    }
    for (CaseItem item : items) {
      if (!hasParent.contains(item.identifier())) {
        roots.add(new Child(item, underDocument.getOrDefault(item.identifier(), Optional.empty())));
      }
    }
    roots.sort(SIBLINGS);
    return roots.stream().map(Child::item).toList();
  }

  /** The parents of an item: usually one, but CASE lets an item sit in several places. */
  public List<CaseItem> parents(CaseItem child) {
    Set<CaseItem> parents = new LinkedHashSet<>();
    for (CaseAssociation a : associations) {
      if (a.associationType().equals(CaseAssociation.IS_CHILD_OF) && refersTo(a.origin(), child)) {
        find(a.destination()).ifPresent(parents::add);
      }
    }
    return List.copyOf(parents);
  }

  private List<CaseItem> childrenOf(String identifier, String uri) {
    List<Child> children = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (CaseAssociation a : associations) {
      if (a.associationType().equals(CaseAssociation.IS_CHILD_OF)
          && (a.destination().identifier().equals(identifier)
              || a.destination().uri().equals(uri))) {
        find(a.origin())
            .filter(c -> seen.add(c.identifier()))
            .ifPresent(c -> children.add(new Child(c, a.sequenceNumber())));
      }
    }
    children.sort(SIBLINGS);
    return children.stream().map(Child::item).toList();
  }

  /** The item a node of an association refers to: by identifier, else by URI. */
  public Optional<CaseItem> find(CaseAssociation.Node node) {
    Optional<CaseItem> byId =
        items.stream().filter(i -> i.identifier().equals(node.identifier())).findFirst();
    return byId.isPresent()
        ? byId
        : items.stream().filter(i -> i.uri().equals(node.uri())).findFirst();
  }

  private boolean isDocument(CaseAssociation.Node node) {
    return node.identifier().equals(document.identifier()) || node.uri().equals(document.uri());
  }

  private boolean refersTo(CaseAssociation.Node node, CaseItem item) {
    return node.identifier().equals(item.identifier()) || node.uri().equals(item.uri());
  }

  /** Text with its runs of digits compared as numbers: {@code 2} before {@code 10}. */
  static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        int c =
            na.length() != nb.length()
                ? Integer.compare(na.length(), nb.length())
                : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
