package dev.badgesmith.pathway;

/**
 * The Comprehensive Learner Record 2.0 {@code AssociationType} vocabulary, with each term as the
 * JSON writes it. The CLR 2.0 context ({@code context-2.0.1.json}) maps {@code associationType} to
 * a plain string, so these are literal values, not IRIs.
 */
public enum AssociationType {
  /** The source is an exact match of the target. */
  EXACT_MATCH_OF("exactMatchOf"),
  /** Earning the source exempts from the target. */
  EXEMPT_FROM("exemptFrom"),
  /** The source is a component of the target in a hierarchy. */
  IS_CHILD_OF("isChildOf"),
  /** The target is a component of the source in a hierarchy. */
  IS_PARENT_OF("isParentOf"),
  /** The source is a part of the target. */
  IS_PART_OF("isPartOf"),
  /** The source and the target are peers. */
  IS_PEER_OF("isPeerOf"),
  /** The source is related to the target. */
  IS_RELATED_TO("isRelatedTo"),
  /** The source comes before the target: a prerequisite. */
  PRECEDES("precedes"),
  /** The source is replaced by the target. */
  REPLACED_BY("replacedBy");

  private final String term;

  AssociationType(String term) {
    this.term = term;
  }

  /** The term as written in JSON. */
  public String term() {
    return term;
  }
}
