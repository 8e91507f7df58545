package dev.badgesmith.xapi;

/**
 * The IRIs of the xAPI Open Badges profile and of the xAPI specification that statements of awards
 * use, each with where it is defined. None is made up here.
 *
 * <p>The profile in ADL's registry is "xAPI Open Badges Profile", id {@code
 * http://specification.openbadges.org/xapi} (repository {@code adlnet/xapi-authored-profiles}, file
 * {@code open-badges/open-badges.jsonld}, last changed in commit {@code dad5b46}). It defines three
 * concepts: the result extension {@link #ASSERTION_EXTENSION}, the extension {@link
 * #BADGE_CLASS_EXTENSION} and the attachment usage type {@link #BAKED_BADGE}. It defines no verb
 * and no activity type; those come from the recipe the profile was made from, the "OB Earning"
 * recipe of the xAPI Open Badges Community of Practice (repository {@code ht2/BadgesCoP}, files
 * {@code earning/vocab.md} and {@code earning/example1.json}, commit {@code 96f54bd}; published in
 * the Tin Can registry as profile 44, which the ADL profile names in {@code seeAlso}): {@link
 * #EARNED}, {@link #BADGE}, {@link #RECIPE} and the recipe's activity type {@link #RECIPE_TYPE}.
 * The recipe's identifiers are used as its final version writes them, without the {@code .json}
 * endings of its drafts, which is also how the ADL profile writes its three.
 *
 * <p>The ADL profile types the badge class extension as a {@code ContextExtension} while its own
 * definition calls it an "Activity Definition Extension"; the recipe and its example put it in
 * {@code object.definition.extensions}, and so does Badgesmith.
 */
final class OpenBadgesProfile {
  /** The verb: the actor earned the badge (recipe, {@code verb.id}). */
  static final String EARNED = "http://specification.openbadges.org/xapi/verbs/earned";

  /** The activity type of a badge class (recipe, {@code object.definition.type}). */
  static final String BADGE = "http://activitystrea.ms/schema/1.0/badge";

  /** The category activity naming the recipe (recipe, {@code context.contextActivities}). */
  static final String RECIPE = "http://specification.openbadges.org/xapi/recipe/base/0_0_2";

  /** The activity type of {@link #RECIPE}, as the recipe's example gives it. */
  static final String RECIPE_TYPE = "http://id.tincanapi.com/activitytype/recipe";

  /** Result extension: an object whose {@code @id} is the hosted assertion (ADL profile). */
  static final String ASSERTION_EXTENSION =
      "http://specification.openbadges.org/xapi/extensions/badgeassertion";

  /**
   * Activity definition extension: an object whose {@code @id} is the hosted BadgeClass, with the
   * recommended {@code image}, {@code criteria} and {@code issuer} (ADL profile, recipe).
   */
  static final String BADGE_CLASS_EXTENSION =
      "http://specification.openbadges.org/xapi/extensions/badgeclass";

  /** Attachment usage type: the baked badge image, a PNG (ADL profile). */
  static final String BAKED_BADGE = "http://specification.openbadges.org/xapi/attachment/badge";

  /**
   * The verb xAPI reserves for voiding a statement (xAPI 1.0.3, Data, section 2.3.2; repository
   * {@code adlnet/xAPI-Spec}, branch {@code 1.0.3}, {@code xAPI-Data.md}).
   */
  static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

  /** The version of xAPI the statements and requests follow. */
  static final String XAPI_VERSION = "1.0.3";

  private OpenBadgesProfile() {}
}
