package dev.badgesmith.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.badgesmith.diag.Code;
import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.diag.Diagnostics;
import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.diag.Spelling;
import dev.badgesmith.jackson.Jackson;
import dev.badgesmith.load.Docs.AwardDoc;
import dev.badgesmith.load.Docs.EvidenceDoc;
import dev.badgesmith.load.Docs.RecipientDoc;
import dev.badgesmith.load.Docs.RevocationDoc;
import dev.badgesmith.source.FileNames;
import dev.badgesmith.source.SiteScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Awards written as the rows of a CSV file, one award per row, each equivalent to an award file.
 * The first line names the columns ({@link #COLUMNS}, in any order, matched ignoring case); every
 * problem is reported at its line and column, and each row is checked on its own.
 */
public final class CsvAwards {
  /** Every column a CSV of awards may have. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "email",
          "url",
          "telephone",
          "did",
          "hashed",
          "salt",
          "type",
          "name",
          "issuedOn",
          "expires",
          "narrative",
          "evidence",
          "revoked",
          "revokedOn");

  private static final List<String> IDENTITY_COLUMNS =
      List.of("email", "url", "telephone", "did", "hashed");
  private static final CsvMapper CSV = Jackson.csv();

  private CsvAwards() {}

  /**
   * How rows are read.
   *
   * @param idRequired whether each row must give its id (at build time, where the id names the
   *     award's URL); otherwise a row without one has the empty id, for the caller to choose
   * @param defaultIssuedOn the date of a row without {@code issuedOn}; none makes it required
   */
  public record Options(boolean idRequired, Optional<String> defaultIssuedOn) {
    /** As a badge site reads {@code awards/<badge>/*.csv}. */
    public static final Options SITE = new Options(true, Optional.empty());

    public Options {
      Objects.requireNonNull(defaultIssuedOn, "defaultIssuedOn");
    }
  }

  private record Cell(String text, SourcePosition at) {}

  /**
   * The awards of the rows without problems; every problem becomes a diagnostic.
   *
   * @param path how diagnostics name the file
   * @param badgeId the badge class the awards are of
   */
  public static List<AwardDoc> read(
      String text, String path, String badgeId, Options options, Diagnostics d) {
    Optional<List<List<Cell>>> rows = parse(text, path, d);
    if (rows.isEmpty() || rows.get().isEmpty()) {
      return List.of();
    }
    List<Cell> header = rows.get().get(0);
    Optional<Map<String, Integer>> columns = header(header, path, options, d);
    if (columns.isEmpty()) {
      return List.of();
    }
    List<AwardDoc> awards = new ArrayList<>();
    for (List<Cell> row : rows.get().subList(1, rows.get().size())) {
      if (row.stream().allMatch(c -> c.text().isBlank())) {
        continue; // an empty line
      }
      Diagnostics own = new Diagnostics();
      Optional<AwardDoc> award =
          new Row(row, columns.get(), header.size(), own).award(path, badgeId, options);
      d.addAll(own.sorted());
      if (!own.hasErrors()) {
        award.ifPresent(awards::add);
      }
    }
    return awards;
  }

  /** Every cell with where it starts; empty when the text is not CSV (reported). */
  private static Optional<List<List<Cell>>> parse(String text, String path, Diagnostics d) {
    // Spreadsheets set to a language with a decimal comma write ';' between cells.
    String firstLine = text.lines().findFirst().orElse("");
    char separator = firstLine.contains(";") && !firstLine.contains(",") ? ';' : ',';
    CsvSchema schema = CsvSchema.emptySchema().withoutHeader().withColumnSeparator(separator);
    List<List<Cell>> rows = new ArrayList<>();
    try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(text)) {
      parser.setSchema(schema);
      parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      // The parser wraps the file in an array, and each row in an array of its cells.
      List<Cell> row = new ArrayList<>();
      int depth = 0;
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.VALUE_STRING && depth == 2) {
          row.add(new Cell(parser.getText(), position(path, parser.currentTokenLocation())));
        } else if (t == JsonToken.END_ARRAY && --depth == 1 && !row.isEmpty()) {
          rows.add(row);
          row = new ArrayList<>();
        }
      }
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage();
      // The parser notices an unclosed quote at the end of the file; point at where it opens.
      SourcePosition at =
          unclosedQuote(text, separator, path).orElseGet(() -> position(path, e.getLocation()));
      d.add(
          Diagnostic.error(Code.MALFORMED_CSV, at, "malformed CSV: " + lowerFirst(reason))
              .withHint(
                  "a cell in double quotes ends with a double quote; write a quote inside it"
                      + " as \"\""));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("reading text from memory", e);
    }
    return Optional.of(rows);
  }

  /** Where a quoted cell opens that never closes. */
  private static Optional<SourcePosition> unclosedQuote(String text, char separator, String path) {
    int line = 1;
    int column = 1;
    boolean quoted = false;
    boolean cellStart = true;
    SourcePosition opened = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i++;
          column++;
        } else {
          quoted = false;
        }
      } else if (!quoted && c == '"' && cellStart) {
        quoted = true;
        opened = new SourcePosition(path, line, column);
      }
      cellStart = !quoted && (c == separator || c == '\n');
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return quoted ? Optional.of(opened) : Optional.empty();
  }

  /** The column of each known name; empty when the header has a problem (reported). */
  private static Optional<Map<String, Integer>> header(
      List<Cell> header, String path, Options options, Diagnostics d) {
    Map<String, Integer> columns = new HashMap<>();
    java.util.Set<String> suggested = new java.util.HashSet<>();
    boolean ok = true;
    for (int i = 0; i < header.size(); i++) {
      Cell cell = header.get(i);
      String title = cell.text().strip();
      Optional<String> known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(title)).findFirst();
      if (known.isEmpty()) {
        Diagnostic unknown =
            Diagnostic.error(
                Code.UNKNOWN_KEY,
                cell.at(),
                title.isEmpty() ? "a column without a name" : "unknown column '" + title + "'");
        Optional<String> closest =
            title.isEmpty() ? Optional.empty() : Spelling.closest(title, COLUMNS);
        closest.ifPresent(suggested::add);
        d.add(
            closest
                .map(c -> unknown.withHint("did you mean '" + c + "'?"))
                .orElseGet(
                    () ->
                        unknown.withHint(
                            "the first line names the columns, from: "
                                + String.join(", ", COLUMNS))));
        ok = false;
      } else if (columns.putIfAbsent(known.get(), i) != null) {
        d.add(
            Diagnostic.error(
                    Code.DUPLICATE_KEY,
                    cell.at(),
                    "the column '" + known.get() + "' is given twice")
                .withHint("keep one of the two columns"));
        ok = false;
      }
    }
    SourcePosition start = SourcePosition.startOf(path);
    if (options.idRequired() && !columns.containsKey("id") && !suggested.contains("id")) {
      d.add(
          Diagnostic.error(Code.MISSING_FIELD, start, "the CSV needs an 'id' column")
              .withHint(
                  "give each row an id such as jane-doe: it names the award's URL, so it must"
                      + " never change"));
      ok = false;
    }
    if (options.defaultIssuedOn().isEmpty()
        && !columns.containsKey("issuedOn")
        && !suggested.contains("issuedOn")) {
      d.add(
          Diagnostic.error(Code.MISSING_FIELD, start, "the CSV needs an 'issuedOn' column")
              .withHint("give the date of each award, such as 2025-03-14"));
      ok = false;
    }
    if (IDENTITY_COLUMNS.stream().noneMatch(c -> columns.containsKey(c) || suggested.contains(c))) {
      d.add(
          Diagnostic.error(Code.MISSING_FIELD, start, "the CSV needs a column for the recipient")
              .withHint("add one of: " + String.join(", ", IDENTITY_COLUMNS)));
      ok = false;
    }
    return ok ? Optional.of(columns) : Optional.empty();
  }

  /** One data row, read against the header. */
  private static final class Row {
    private final List<Cell> cells;
    private final Map<String, Integer> columns;
    private final Diagnostics d;
    private final SourcePosition start;

    Row(List<Cell> cells, Map<String, Integer> columns, int width, Diagnostics d) {
      this.cells = cells;
      this.columns = columns;
      this.d = d;
      this.start = cells.get(0).at();
      if (cells.size() > width) {
        d.add(
            Diagnostic.error(
                    Code.MALFORMED_CSV,
                    cells.get(width).at(),
                    "this row has "
                        + cells.size()
                        + " cells, but the first line names "
                        + width
                        + " columns")
                .withHint("put a cell that holds a comma in double quotes"));
      }
    }

    /** The cell of a column; absent when the column or the cell is missing or blank. */
    Optional<Located<String>> get(String column) {
      Integer i = columns.get(column);
      if (i == null || i >= cells.size() || cells.get(i).text().isBlank()) {
        return Optional.empty();
      }
      Cell cell = cells.get(i);
      return Optional.of(new Located<>(cell.text().strip(), cell.at()));
    }

    /** Where a column's cell is, or the row's start when the row is too short for it. */
    SourcePosition at(String column) {
      Integer i = columns.get(column);
      return i == null || i >= cells.size() ? start : cells.get(i).at();
    }

    Optional<Located<String>> required(String column) {
      Optional<Located<String>> value = get(column);
      if (value.isEmpty()) {
        d.add(Diagnostic.error(Code.MISSING_FIELD, at(column), "the row has no '" + column + "'"));
      }
      return value;
    }

    Optional<AwardDoc> award(String path, String badgeId, Options options) {
      Optional<Located<String>> id =
          options.idRequired() ? required("id").filter(this::slug) : get("id").filter(this::slug);
      Optional<RecipientDoc> recipient = recipient();
      Optional<Located<String>> issuedOn =
          options.defaultIssuedOn().isPresent() && get("issuedOn").isEmpty()
              ? Optional.of(new Located<>(options.defaultIssuedOn().get(), start))
              : required("issuedOn").filter(t -> ValueChecks.date(t, d));
      Optional<Located<String>> expires = get("expires").filter(t -> ValueChecks.date(t, d));
      List<EvidenceDoc> evidence = new ArrayList<>();
      for (Located<String> url : urls(get("evidence"))) {
        if (ValueChecks.httpUrl(url, d)) {
          evidence.add(
              new EvidenceDoc(
                  Optional.of(url.value()),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()));
        }
      }
      Optional<Located<String>> revokedOn = get("revokedOn").filter(t -> ValueChecks.date(t, d));
      Optional<RevocationDoc> revoked =
          get("revoked").map(r -> new RevocationDoc(r.value(), revokedOn));
      if (revoked.isEmpty() && get("revokedOn").isPresent()) {
        d.add(
            Diagnostic.error(
                    Code.MISSING_FIELD,
                    at("revokedOn"),
                    "'revokedOn' goes with 'revoked', the reason for the revocation")
                .withHint("write why the award is revoked in the 'revoked' column"));
      }
      if (d.hasErrors() || recipient.isEmpty() || issuedOn.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new AwardDoc(
              badgeId,
              id.map(Located::value).orElse(""),
              path,
              id.map(Located::at).orElse(start),
              recipient.get(),
              issuedOn.get(),
              expires,
              get("narrative").map(Located::value),
              evidence,
              revoked));
    }

    private boolean slug(Located<String> id) {
      if (SiteScanner.isSlug(id.value())) {
        if (!FileNames.isReserved(id.value())) {
          return true;
        }
        // It names the award's files, as a file name names an award's.
        d.add(
            Diagnostic.error(
                    Code.INVALID_SLUG,
                    id.at(),
                    "'"
                        + id.value()
                        + "' is not a valid id: Windows reserves it for a device, so no file can"
                        + " bear it")
                .withHint("choose another id, such as '" + id.value() + "-1'"));
        return false;
      }
      String suggestion =
          id.value()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9]+", "-")
              .replaceAll("^-+|-+$", "");
      Diagnostic problem =
          Diagnostic.error(
              Code.INVALID_SLUG,
              id.at(),
              "'" + id.value() + "' is not a valid id: ids are lowercase letters, digits and '-'");
      d.add(suggestion.isEmpty() ? problem : problem.withHint("write '" + suggestion + "'"));
      return false;
    }

    private Optional<RecipientDoc> recipient() {
      List<String> given = IDENTITY_COLUMNS.stream().filter(c -> get(c).isPresent()).toList();
      if (given.size() != 1) {
        d.add(
            Diagnostic.error(
                    Code.RECIPIENT_IDENTITY,
                    given.size() > 1 ? at(given.get(1)) : start,
                    given.isEmpty()
                        ? "the row has no recipient"
                        : "a recipient has one identity, found " + String.join(" and ", given))
                .withHint("fill exactly one of the cells " + String.join(", ", IDENTITY_COLUMNS)));
        return Optional.empty();
      }
      String key = given.get(0);
      Optional<String> name = get("name").map(Located::value);
      Located<String> value = get(key).orElseThrow();
      if (!key.equals("hashed")) {
        for (String onlyHashed : List.of("salt", "type")) {
          if (get(onlyHashed).isPresent()) {
            d.add(
                Diagnostic.error(
                        Code.RECIPIENT_IDENTITY,
                        at(onlyHashed),
                        "'" + onlyHashed + "' goes only with a 'hashed' identity")
                    .withHint(
                        "leave it empty; the salt of a plain identity is derived at build time"));
            return Optional.empty();
          }
        }
        return RecipientIdentities.plain(key, value, name, d);
      }
      if (!RecipientIdentities.hashFormat(value, d)) {
        return Optional.empty();
      }
      Optional<Located<String>> salt = get("salt");
      if (salt.isEmpty()) {
        d.add(
            Diagnostic.error(Code.MISSING_FIELD, at("salt"), "a 'hashed' identity needs its 'salt'")
                .withHint("give the salt the hash was made with"));
        return Optional.empty();
      }
      return RecipientIdentities.hashedIdentity(value, salt, get("type"), name, d);
    }
  }

  /** The URLs of a cell that may list several, separated by spaces or line breaks. */
  private static List<Located<String>> urls(Optional<Located<String>> cell) {
    if (cell.isEmpty()) {
      return List.of();
    }
    List<Located<String>> urls = new ArrayList<>();
    for (String url : cell.get().value().split("\\s+")) {
      urls.add(new Located<>(url, cell.get().at()));
    }
    return urls;
  }

  private static SourcePosition position(String path, JsonLocation at) {
    if (at == null) {
      return SourcePosition.startOf(path);
    }
    return new SourcePosition(path, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
