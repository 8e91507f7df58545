package dev.badgesmith.certificate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Draws a layout's marks into a page's content, turning the layout's top-down coordinates into the
 * PDF's bottom-up ones. Text the font has no glyph for is drawn as {@code ?}.
 */
final class Marks {
  private static final String ELLIPSIS = "\u2026";

  private final PDPageContentStream content;
  private final PDType0Font font;
  private final float pageHeight;
  private final PDImageXObject art;
  private final Map<Integer, Boolean> drawable = new HashMap<>();

  Marks(PDPageContentStream content, PDType0Font font, float pageHeight, PDImageXObject art) {
    this.content = content;
    this.font = font;
    this.pageHeight = pageHeight;
    this.art = art;
  }

  void draw(List<CertificateLayout.Mark> marks, String url) throws IOException {
    for (CertificateLayout.Mark mark : marks) {
      if (mark instanceof CertificateLayout.Box b) {
        box(b);
      } else if (mark instanceof CertificateLayout.Art a) {
        art(a);
      } else if (mark instanceof CertificateLayout.Qr q) {
        qr(q, url);
      } else if (mark instanceof CertificateLayout.Text t) {
        text(t);
      }
    }
  }

  private void box(CertificateLayout.Box b) throws IOException {
    if (b.fill().isEmpty() && b.stroke().isEmpty()) {
      return;
    }
    float y = pageHeight - b.y() - b.height();
    content.addRect(b.x(), y, b.width(), b.height());
    b.fill().ifPresent(this::fillColor);
    if (b.stroke().isPresent()) {
      strokeColor(b.stroke().get());
      content.setLineWidth(b.line());
      if (b.fill().isPresent()) {
        content.fillAndStroke();
      } else {
        content.stroke();
      }
    } else {
      content.fill();
    }
  }

  private void art(CertificateLayout.Art a) throws IOException {
    // Fitted into the square, its proportions kept, centred.
    float scale = a.size() / Math.max(art.getWidth(), art.getHeight());
    float w = art.getWidth() * scale;
    float h = art.getHeight() * scale;
    float x = a.x() + (a.size() - w) / 2;
    float y = pageHeight - a.y() - a.size() + (a.size() - h) / 2;
    content.drawImage(art, x, y, w, h);
  }

  private void qr(CertificateLayout.Qr q, String url) throws IOException {
    boolean[][] modules = QrCode.modules(url);
    float unit = q.size() / modules.length;
    float top = pageHeight - q.y();
    // A white ground, the quiet zone included, so the code reads on any background.
    fillColor("#ffffff");
    content.addRect(q.x(), top - q.size(), q.size(), q.size());
    content.fill();
    fillColor("#000000");
    for (int row = 0; row < modules.length; row++) {
      int col = 0;
      while (col < modules[row].length) {
        if (!modules[row][col]) {
          col++;
          continue;
        }
        int start = col;
        while (col < modules[row].length && modules[row][col]) {
          col++;
        }
        // One rectangle per run of dark modules: fewer operators, no hairline seams.
        content.addRect(q.x() + start * unit, top - (row + 1) * unit, (col - start) * unit, unit);
      }
    }
    content.fill();
  }

  private void text(CertificateLayout.Text t) throws IOException {
    String text = drawable(t.text());
    if (text.isEmpty()) {
      return;
    }
    List<String> lines = t.width() > 0 ? wrap(text, t) : List.of(text);
    float leading = t.size() * 1.3f;
    fillColor(t.color());
    if (t.bold()) {
      // The font has one weight: bold is the glyphs outlined as well as filled.
      strokeColor(t.color());
      content.setLineWidth(t.size() * 0.03f);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      float width = width(line, t.size());
      float x =
          switch (t.align()) {
            case "center" -> t.x() - width / 2;
            case "right" -> t.x() - width;
            default -> t.x();
          };
      content.beginText();
      content.setFont(font, t.size());
      content.setRenderingMode(t.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
      content.newLineAtOffset(x, pageHeight - t.y() - i * leading);
      content.showText(line);
      content.endText();
    }
  }

  /** The text in lines no wider than the mark, at most its number of lines, cut with "…". */
  private List<String> wrap(String text, CertificateLayout.Text t) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, t.size()) <= t.width() || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    lines.add(line.toString());
    List<String> fitted = new ArrayList<>();
    for (String l : lines) {
      fitted.add(fit(l, t.size(), t.width(), false));
    }
    if (fitted.size() <= t.lines()) {
      return fitted;
    }
    List<String> kept = new ArrayList<>(fitted.subList(0, t.lines()));
    int last = kept.size() - 1;
    kept.set(last, fit(kept.get(last), t.size(), t.width(), true));
    return kept;
  }

  /** The line cut to the width (a word longer than a line is cut too), with "…" if asked. */
  private String fit(String line, float size, float maxWidth, boolean ellipsis) throws IOException {
    String end = ellipsis ? ELLIPSIS : "";
    if (!ellipsis && width(line, size) <= maxWidth) {
      return line;
    }
    String cut = line;
    while (!cut.isEmpty() && width(cut.strip() + end, size) > maxWidth) {
      cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
    }
    return cut.strip() + end;
  }

  private float width(String text, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** The text with each character the font cannot draw (or a control character) as "?". */
  private String drawable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c ->
                out.appendCodePoint(
                    drawable.computeIfAbsent(c, this::hasGlyph) ? c : Character.valueOf('?')));
    return out.toString();
  }

  private boolean hasGlyph(int c) {
    if (Character.isISOControl(c)) {
      return false;
    }
    try {
      font.encode(new String(Character.toChars(c)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private void fillColor(String hex) {
    float[] rgb = rgb(hex);
    try {
      content.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void strokeColor(String hex) throws IOException {
    float[] rgb = rgb(hex);
    content.setStrokingColor(rgb[0], rgb[1], rgb[2]);
  }

  private static float[] rgb(String hex) {
    int value = Integer.parseInt(hex.substring(1), 16);
    return new float[] {
      ((value >> 16) & 0xff) / 255f, ((value >> 8) & 0xff) / 255f, (value & 0xff) / 255f
    };
  }
}
