package dev.badgesmith.certificate;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What one award's certificate holds besides its layout.
 *
 * @param title the document's title (its metadata, shown by PDF readers)
 * @param author who issued it
 * @param language the BCP 47 tag of its text
 * @param url the award page, which the QR code leads to
 * @param created when it was issued: the document's creation date
 * @param modified when it last changed (its revocation, else its issue)
 * @param art the badge art
 * @param attachment the credential it carries
 */
public record Certificate(
    String title,
    String author,
    String language,
    String url,
    OffsetDateTime created,
    OffsetDateTime modified,
    CertificateArt art,
    Attachment attachment) {

  public Certificate {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(art, "art");
    Objects.requireNonNull(attachment, "attachment");
  }

  /**
   * A file embedded as the document's associated file.
   *
   * @param name its file name
   * @param mediaType its MIME type
   * @param description what it is, in words
   * @param bytes its exact bytes, as published
   */
  public record Attachment(String name, String mediaType, String description, byte[] bytes) {}
}
