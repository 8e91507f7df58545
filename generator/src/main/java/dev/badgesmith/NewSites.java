package dev.badgesmith;

import dev.badgesmith.diag.Diagnostic;
import dev.badgesmith.init.SiteInit;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;

/** The facade's {@code init}: the request's settings onto the init package's, and back. */
final class NewSites {
  private NewSites() {}

  /**
   * @param lock locks a site and gives its diagnostics
   */
  static InitResult create(
      InitRequest request, SecureRandom random, Function<Path, List<Diagnostic>> lock) {
    dev.badgesmith.init.InitRequest settings =
        dev.badgesmith.init.InitRequest.builder(request.site())
            .title(request.title().orElse(null))
            .baseUrl(request.baseUrl().orElse(null))
            .issuerName(request.issuerName().orElse(null))
            .issuerUrl(request.issuerUrl().orElse(null))
            .issuerEmail(request.issuerEmail().orElse(null))
            .signing(request.signing())
            .keyId(request.keyId().orElse(null))
            .privateKeyFile(request.privateKeyFile().orElse(null))
            .badgesmithVersion(request.badgesmithVersion().orElse(null))
            .today(request.today())
            .shards(request.shards())
            .build();
    SiteInit.Result made = SiteInit.create(settings, random, lock);
    return new InitResult(
        made.site(),
        made.files(),
        settings.badgesmith().description(),
        settings.badgesmith().ref(),
        made.signing()
            .map(s -> new InitResult.Signing(s.privateKeyFile(), s.environmentVariable())));
  }
}
