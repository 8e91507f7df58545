package dev.badgesmith.load;

import dev.badgesmith.diag.SourcePosition;
import dev.badgesmith.framework.CasePackage;
import dev.badgesmith.pathway.EarnerKey;
import dev.badgesmith.pathway.StackRule;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the loader read from each file: fields checked one file at a time (types, formats), with
 * positions kept where a later check across files may need to point.
 */
public final class Docs {
  private Docs() {}

  public record SettingsDoc(
      String path,
      String title,
      Optional<String> description,
      Located<String> baseUrl,
      Optional<Located<String>> issuer,
      String language,
      List<String> languages,
      Optional<Located<String>> timeZone,
      int pngSize,
      long maxImageBytes,
      Optional<SigningDoc> signing,
      dev.badgesmith.model.PageSettings pages) {}

  /**
   * @param issuerId {@code did} or {@code url}
   */
  public record SigningDoc(
      SourcePosition at,
      Optional<Located<String>> issuerId,
      Optional<Located<String>> jwt,
      Optional<Located<String>> dataIntegrity,
      List<KeyDoc> keys,
      Optional<Located<String>> ob2) {}

  public record KeyDoc(
      Located<String> id,
      Located<String> algorithm,
      Optional<Located<String>> publicKey,
      Optional<Located<String>> validFrom,
      Optional<Located<String>> validUntil,
      boolean revoked) {}

  public record IssuerDoc(
      String id,
      String path,
      String name,
      String url,
      String email,
      Optional<String> description,
      Optional<Located<String>> image,
      List<Located<String>> endorsements,
      Map<String, SourcePosition> texts) {}

  public record BadgeDoc(
      String id,
      String path,
      SourcePosition frontMatterAt,
      String name,
      String description,
      Optional<Located<String>> issuer,
      Optional<Located<String>> image,
      Optional<DesignDoc> design,
      Optional<String> imageAlt,
      List<String> tags,
      List<AlignmentDoc> alignments,
      Optional<Period> validFor,
      Optional<StackRule> requires,
      Optional<String> language,
      String criteria,
      List<Located<String>> endorsements,
      Map<String, SourcePosition> texts) {}

  /**
   * A translation file: the texts of an issuer, badge class or award in another language.
   *
   * @param kind {@code issuer}, {@code badge} or {@code award}
   * @param target the id it translates: {@code <badge-id>/<award-id>} for an award
   * @param texts each translated key, with its text (a badge's criteria under {@code criteria})
   * @param evidence an award's evidence entries, in order, each its translated keys
   */
  public record TranslationDoc(
      String path,
      String kind,
      String target,
      Located<String> language,
      Map<String, Located<String>> texts,
      List<Map<String, String>> evidence) {}

  /**
   * A badge class's {@code design:} block as written; the validator checks the names it holds.
   *
   * @param at where the {@code design} key is written
   * @param colors background, then foreground
   */
  public record DesignDoc(
      SourcePosition at,
      Optional<Located<String>> shape,
      List<Located<String>> colors,
      Optional<Located<String>> icon,
      Optional<Located<String>> label,
      Optional<Located<String>> tier) {}

  /** An alignment as written: its target fields, or a CASE item the build takes them from. */
  public sealed interface AlignmentDoc {}

  public record WrittenAlignment(
      String targetName,
      String targetUrl,
      Optional<String> targetDescription,
      Optional<String> targetFramework,
      Optional<String> targetCode)
      implements AlignmentDoc {}

  /**
   * @param item the {@code CFItem}'s identifier or URI, where it was written
   */
  public record CaseItemAlignment(Located<String> item) implements AlignmentDoc {}

  /**
   * An award as written. The plain identity lives only here, in memory; validation hashes it and
   * the model never sees it.
   *
   * @param badgeId the folder the award is in
   * @param path the award file, or the CSV file that holds it as a row
   * @param at where the award starts: its file, or the id cell of its CSV row
   * @param earner the keyed earner key {@code award --hash} stores beside a hashed recipient when
   *     the site secret is set, so awards to one earner can be matched; never published
   */
  public record AwardDoc(
      String badgeId,
      String id,
      String path,
      SourcePosition at,
      RecipientDoc recipient,
      Located<String> issuedOn,
      Optional<Located<String>> expires,
      Optional<String> narrative,
      List<EvidenceDoc> evidence,
      Optional<RevocationDoc> revoked,
      Optional<EarnerKey> earner,
      Optional<Located<String>> language) {

    /** An award in the site's default language. */
    public AwardDoc(
        String badgeId,
        String id,
        String path,
        SourcePosition at,
        RecipientDoc recipient,
        Located<String> issuedOn,
        Optional<Located<String>> expires,
        Optional<String> narrative,
        List<EvidenceDoc> evidence,
        Optional<RevocationDoc> revoked,
        Optional<EarnerKey> earner) {
      this(
          badgeId,
          id,
          path,
          at,
          recipient,
          issuedOn,
          expires,
          narrative,
          evidence,
          revoked,
          earner,
          Optional.empty());
    }

    /** An award that stores no keyed earner key. */
    public AwardDoc(
        String badgeId,
        String id,
        String path,
        SourcePosition at,
        RecipientDoc recipient,
        Located<String> issuedOn,
        Optional<Located<String>> expires,
        Optional<String> narrative,
        List<EvidenceDoc> evidence,
        Optional<RevocationDoc> revoked) {
      this(
          badgeId,
          id,
          path,
          at,
          recipient,
          issuedOn,
          expires,
          narrative,
          evidence,
          revoked,
          Optional.empty());
    }

    /** The same award with a keyed earner key to store beside its hashed recipient. */
    public AwardDoc withEarner(EarnerKey key) {
      return new AwardDoc(
          badgeId,
          id,
          path,
          at,
          recipient,
          issuedOn,
          expires,
          narrative,
          evidence,
          revoked,
          Optional.of(key),
          language);
    }
  }

  /**
   * @param type {@code email}, {@code url}, {@code telephone}, {@code id} (a DID), as in an Open
   *     Badges 2.0 IdentityObject
   * @param identity the plain identity, or the given hash when {@code salt} is present
   * @param salt present only for an identity that was given already hashed
   */
  public record RecipientDoc(
      String type, String identity, Optional<String> salt, Optional<String> name) {

    public boolean prehashed() {
      return salt.isPresent();
    }
  }

  public record EvidenceDoc(
      Optional<String> url,
      Optional<String> name,
      Optional<String> description,
      Optional<String> narrative,
      Optional<String> genre,
      Optional<String> audience) {}

  public record RevocationDoc(String reason, Optional<Located<String>> date) {}

  /**
   * An endorsement one of the site's issuers gives, {@code endorsements/<id>.yaml}.
   *
   * @param endorser the id of the issuer that gives it
   * @param target what it endorses, as written
   * @param claim the endorsement's comment, Markdown
   */
  public record EndorsementDoc(
      String id,
      String path,
      Located<String> endorser,
      TargetDoc target,
      String claim,
      Located<String> issuedOn,
      Optional<RevocationDoc> revoked) {}

  /**
   * What an endorsement names under {@code endorses:}.
   *
   * @param kind {@code badge}, {@code issuer} or {@code award}
   * @param ref an id of this site ({@code <badge>/<award>} for an award), or a URL elsewhere
   */
  public record TargetDoc(String kind, Located<String> ref) {}

  /**
   * Everything read from a site.
   *
   * @param issuerIds every issuer id a file claims, even where the file failed to load, so that
   *     references to it are not reported as unknown as well
   * @param badgeIds likewise for badge classes
   */
  public record SiteDoc(
      Optional<SettingsDoc> settings,
      List<IssuerDoc> issuers,
      List<BadgeDoc> badges,
      List<AwardDoc> awards,
      List<String> issuerIds,
      List<String> badgeIds,
      List<CasePackage> frameworks,
      List<EndorsementDoc> endorsements,
      List<TranslationDoc> translations) {
    public SiteDoc {
      translations = List.copyOf(translations);
      endorsements = List.copyOf(endorsements);
      frameworks = List.copyOf(frameworks);
      issuers = List.copyOf(issuers);
      badges = List.copyOf(badges);
      awards = List.copyOf(awards);
      issuerIds = issuerIds.stream().distinct().toList();
      badgeIds = badgeIds.stream().distinct().toList();
    }
  }
}
