package dev.badgesmith.framework;

import java.nio.charset.StandardCharsets;

/** A small CASE package written for these tests: a framework of software skills. */
final class Packages {
  static final String DOC = "c1a8e2f0-0000-4000-8000-000000000001";
  static final String PROGRAMMING = "c1a8e2f0-0000-4000-8000-000000000010";
  static final String TESTING = "c1a8e2f0-0000-4000-8000-000000000011";
  static final String REVIEW = "c1a8e2f0-0000-4000-8000-000000000012";
  static final String UNIT = "c1a8e2f0-0000-4000-8000-000000000020";
  static final String PROPERTY = "c1a8e2f0-0000-4000-8000-000000000021";
  static final String BASE = "https://frameworks.example/uri/";

  private Packages() {}

  /** Line numbers matter to the tests: CFItems start on line 10, one item a line. */
  static final String SKILLS =
      """
      {
        "CFDocument": {
          "identifier": "%1$s",
          "uri": "%7$s%1$s",
          "creator": "The Guild",
          "title": "Guild Software Skills",
          "lastChangeDateTime": "2026-01-01T00:00:00+00:00",
          "version": "1.0"},
        "CFItems": [
          {"identifier": "%2$s", "uri": "%7$s%2$s", "fullStatement": "Writes programs that others can read.", "humanCodingScheme": "GSS.1", "CFItemType": "Domain", "lastChangeDateTime": "2026-01-01T00:00:00+00:00"},
          {"identifier": "%3$s", "uri": "%7$s%3$s", "fullStatement": "Tests what they build.", "humanCodingScheme": "GSS.2", "lastChangeDateTime": "2026-01-01T00:00:00+00:00"},
          {"identifier": "%4$s", "uri": "%7$s%4$s", "fullStatement": "Reviews code with care.", "humanCodingScheme": "GSS.10", "lastChangeDateTime": "2026-01-01T00:00:00+00:00"},
          {"identifier": "%5$s", "uri": "%7$s%5$s", "fullStatement": "Writes unit tests that fail for one reason each.", "abbreviatedStatement": "Unit tests", "humanCodingScheme": "GSS.2.1", "CFItemType": "Competency", "lastChangeDateTime": "2026-01-01T00:00:00+00:00"},
          {"identifier": "%6$s", "uri": "%7$s%6$s", "fullStatement": "States properties and lets a tool search for counterexamples.", "humanCodingScheme": "GSS.2.2", "lastChangeDateTime": "2026-01-01T00:00:00+00:00"}
        ],
        "CFAssociations": [
          %8$s,
          %9$s,
          %10$s,
          %11$s,
          %12$s,
          {"identifier": "a0000000-0000-4000-8000-000000000099", "associationType": "isRelatedTo", "uri": "%7$sa99", "lastChangeDateTime": "2026-01-01T00:00:00+00:00",
           "originNodeURI": {"title": "t", "identifier": "%4$s", "uri": "%7$s%4$s"},
           "destinationNodeURI": {"title": "t", "identifier": "%3$s", "uri": "%7$s%3$s"}}
        ],
        "CFDefinitions": {"CFItemTypes": [{"identifier": "x", "title": "Competency", "nested": [[[{"deep": true}]]]}]},
        "CFRubrics": []
      }
      """
          .formatted(
              DOC,
              PROGRAMMING,
              TESTING,
              REVIEW,
              UNIT,
              PROPERTY,
              BASE,
              child("a1", REVIEW, DOC, 3),
              child("a2", PROGRAMMING, DOC, 1),
              child("a3", TESTING, DOC, 2),
              child("a4", PROPERTY, TESTING, null),
              child("a5", UNIT, TESTING, null));

  /** An {@code isChildOf} association, the parent named by URI only to test that too. */
  private static String child(String id, String child, String parent, Integer sequence) {
    return ("{\"identifier\": \"a0000000-0000-4000-8000-0000000000%s\", \"associationType\":"
            + " \"isChildOf\", \"uri\": \"%s%s\", \"lastChangeDateTime\":"
            + " \"2026-01-01T00:00:00+00:00\"%s, \"originNodeURI\": {\"title\": \"c\","
            + " \"identifier\": \"%s\", \"uri\": \"%s%s\"}, \"destinationNodeURI\": {\"title\":"
            + " \"p\", \"identifier\": \"%s\", \"uri\": \"%s%s\"}}")
        .formatted(
            id.substring(1).length() == 1 ? "0" + id.substring(1) : id.substring(1),
            BASE,
            id,
            sequence == null ? "" : ", \"sequenceNumber\": " + sequence,
            child,
            BASE,
            child,
            parent,
            BASE,
            parent);
  }

  static CasePackage skills() {
    CasePackageReader.Result read =
        CasePackageReader.read(SKILLS.getBytes(StandardCharsets.UTF_8), "frameworks/skills.json");
    if (read.framework().isEmpty()) {
      throw new AssertionError(read.diagnostics().toString());
    }
    return read.framework().get();
  }
}
