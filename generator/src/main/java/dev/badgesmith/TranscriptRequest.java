package dev.badgesmith;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link Badgesmith#transcript} is asked for.
 *
 * @param recipient the learner's identity as an award file writes it: an e-mail address, an http(s)
 *     URL, a telephone number ({@code +} and digits) or a DID; told apart by its form
 * @param out the file to write: the VC-JWT when its name ends in {@code .jwt}, else the JSON form;
 *     never inside the site folder or a built site
 */
public record TranscriptRequest(String recipient, Path out) {
  public TranscriptRequest {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(out, "out");
  }
}
