/**
 * Internal: not an API, and may change in any release. Printable certificates: a layout (made by
 * the theme's {@code certificate.xml.ftlx}) drawn as a PDF/A-3 document with PDFBox, its QR code
 * drawn with ZXing, and the award's credential embedded in it; and the embedded files read back for
 * verification. Callers outside Badgesmith use the facade, {@link dev.badgesmith.Badgesmith},
 * instead.
 */
package dev.badgesmith.certificate;
