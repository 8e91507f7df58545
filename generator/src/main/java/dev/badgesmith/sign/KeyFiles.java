package dev.badgesmith.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where key files go: public keys into the site ({@code keys/<id>.pem}), private keys anywhere but
 * the site, readable by their owner only. Neither is ever overwritten.
 */
public final class KeyFiles {
  /** The site folder that holds public keys. */
  public static final String KEYS_FOLDER = "keys";

  private KeyFiles() {}

  /** {@code SITE/keys/<id>.pem}. */
  public static Path publicKeyFile(Path site, String keyId) {
    return site.resolve(KEYS_FOLDER).resolve(PrivateKeys.requireKeyId(keyId) + ".pem");
  }

  /** Writes a public key to {@code SITE/keys/<id>.pem}, creating the folder; never overwrites. */
  public static Path writePublicKey(Path site, String keyId, String pem) {
    Path file = publicKeyFile(site, keyId);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
      return file;
    } catch (FileAlreadyExistsException e) {
      throw new KeyException(file + " exists already; choose another key id or remove it first");
    } catch (IOException e) {
      throw new KeyException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that a private key may be written to {@code file}: outside the site folder (which is
   * published) and not over an existing file.
   */
  public static void checkPrivateKeyFile(Path file, Path site) {
    if (isInside(file, site)) {
      throw new KeyException(
          "the private key file "
              + file
              + " is inside the site folder "
              + site
              + ", which is published; write it outside the site");
    }
    if (Files.exists(file)) {
      throw new KeyException(file + " exists already; Badgesmith does not overwrite a key");
    }
  }

  /**
   * Writes a private key, readable and writable by its owner only where the file system has POSIX
   * permissions; never overwrites, never inside the site.
   */
  public static void writePrivateKey(Path file, Path site, String pem) {
    checkPrivateKeyFile(file, site);
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        // Created with its permissions, so the key is never readable by others, not even briefly.
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
            file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
      } else {
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
      }
    } catch (FileAlreadyExistsException e) {
      throw new KeyException(file + " exists already; Badgesmith does not overwrite a key");
    } catch (IOException e) {
      throw new KeyException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code file} is, or would be, inside {@code folder}, following links of the parts that
   * exist (a link into the site counts as inside).
   */
  public static boolean isInside(Path file, Path folder) {
    return resolved(file).startsWith(resolved(folder));
  }

  /** The real path of the longest existing prefix, then the rest as given. */
  private static Path resolved(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}
