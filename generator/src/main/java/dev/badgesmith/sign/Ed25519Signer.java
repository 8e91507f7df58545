package dev.badgesmith.sign;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Ed25519 signing with one key, safe to share between threads. Ed25519 signatures are
 * deterministic, so the JDK's and Tink's are the same bytes: the first few are the JDK's, which
 * needs no set-up, and the rest Tink's, about ten times quicker each once its tables are computed
 * (tens of milliseconds in a fresh process: more than a rebuild that signs one award spends).
 */
final class Ed25519Signer implements Function<byte[], byte[]> {
  /** How many signatures the JDK makes before Tink's tables pay for themselves. */
  static final int SIGNED_BY_THE_JDK = 8;

  private final SigningKey key;
  private final AtomicInteger signed = new AtomicInteger();
  private volatile Ed25519Sign tink;

  Ed25519Signer(SigningKey key) {
    this.key = key;
  }

  @Override
  public byte[] apply(byte[] data) {
    try {
      if (signed.getAndIncrement() < SIGNED_BY_THE_JDK) {
        return Keys.sign(KeyAlgorithm.Ed25519, key.privateKey(), data);
      }
      return tink().sign(data);
    } catch (GeneralSecurityException e) {
      throw new KeyException("cannot sign with key '" + key.id() + "': " + e.getMessage(), e);
    }
  }

  private Ed25519Sign tink() throws GeneralSecurityException {
    Ed25519Sign made = tink;
    if (made == null) {
      synchronized (this) {
        made = tink;
        if (made == null) {
          made = new Ed25519Sign(Keys.ed25519Seed(key.privateKey()));
          tink = made;
        }
      }
    }
    return made;
  }
}
