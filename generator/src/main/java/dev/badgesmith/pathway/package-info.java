/**
 * Internal: not an API, and may change in any release. The requirement rules of stack badges: what
 * a badge class's {@code requires:} means, whether the rules of a whole site can be met, who is
 * eligible for a stack badge, and how the structure is written in the Comprehensive Learner Record
 * 2.0's terms. Pure functions over values the caller gives, positions included; nothing here reads
 * files.
 *
 * <h2>The {@code requires:} syntax</h2>
 *
 * <pre>{@code
 * requires: [git-basics, code-review]          # all of these (as before)
 *
 * requires:                                    # any 2 of these
 *   any: 2
 *   of: [python, java, rust]
 *
 * requires:                                    # all of: mentor, and any 1 of the two
 *   - mentor
 *   - any: 1
 *     of: [talk, workshop]
 * }</pre>
 *
 * <p>A plain list keeps meaning "all of", so every existing site reads as before. A group is a
 * mapping with exactly the keys {@code any} (a whole number, 1 or more) and {@code of} (a list
 * whose items are badge ids or groups again); it stands where a badge id may stand, at the top or
 * in a list. This is the shape Credly's and Badgr's pathway editors show (a step that is "all of"
 * its children, or "N of" them), and it reads aloud as written: "requires any 2 of python, java,
 * rust". An explicit {@code all:} key was left out: a list already says it, and two ways to write
 * one thing make reviews harder. {@link dev.badgesmith.pathway.Requirement} models it as a sealed
 * interface: {@code Badge}, {@code AllOf} (a list), {@code AnyOf} (a group).
 *
 * <h2>Checks</h2>
 *
 * {@link dev.badgesmith.pathway.RequirementCheck} reports, for all badges of a site at once:
 * unknown ids and self-reference ({@code BSG200}, as the validator does today, with "did you
 * mean"), a group asking for more badges than it names ({@code BSG213}), a cycle ({@code BSG212},
 * at the {@code requires:} of the first badge on it, naming the cycle: {@code mentor ->
 * code-reviewer -> mentor}), and a requirement that can never be met because a badge it needs can
 * never be earned ({@code BSG213}). Pathways are kept acyclic even where an "any" group would leave
 * a way round a cycle: a pathway page draws them as a map from first steps to the stack badge.
 *
 * <h2>Matching earners</h2>
 *
 * Awards name their recipient in one of two ways, and both must match:
 *
 * <ol>
 *   <li>A plain identity ({@code email:}, {@code url:}, {@code telephone:}, {@code did:}) is
 *       normalised ({@link dev.badgesmith.pathway.Identities}) and becomes an {@link
 *       dev.badgesmith.pathway.EarnerKey}.
 *   <li>An identity written by {@code award --hash} is salted with a random salt, so two awards to
 *       one address share nothing: they cannot be matched from what the file holds today. The
 *       design: when {@code BADGESMITH_SALT_SECRET} is set, {@code award --hash} also stores {@code
 *       earner: hmac-sha256:<hex>}, the HMAC-SHA-256 of the normalised {@code type:identity} under
 *       a key derived from the secret ({@link dev.badgesmith.pathway.EarnerKey#keyed}). The key is
 *       unsalted, so all awards to one earner carry the same one, and keyed, so the repository's
 *       readers cannot confirm a guessed address with it, as they cannot with the salts the same
 *       secret derives. It is never published: it stays in the award file, like the salt. With the
 *       secret at hand, plain identities are turned into the same keyed form, so hashed and plain
 *       awards to one person match each other. Without it, plain identities match each other
 *       ({@code email:...} keys, in memory only), stored keyed keys match each other, but the two
 *       kinds cannot be joined; an award hashed with no stored key is an earner of its own ({@link
 *       dev.badgesmith.pathway.EarnerKey#ofAward}). Changing the secret changes every key, as it
 *       changes the derived salts: keys written before must be recomputed from the plain
 *       identities, which only the maintainer holds.
 *   <li>A maintainer who knows an address (a transcript for one learner) finds the hashed awards
 *       made from it, stored key or not, by hashing it with each award's salt ({@link
 *       dev.badgesmith.pathway.Identities#hashMatches}).
 * </ol>
 *
 * <h2>Eligibility</h2>
 *
 * {@link dev.badgesmith.pathway.EligibilityFinder} takes the live awards as (earner key, badge,
 * award) and gives, per stack badge and earner, the earners who meet the rule and do not hold the
 * badge, with the awards that qualify.
 *
 * <h2>CLR 2.0</h2>
 *
 * {@link dev.badgesmith.pathway.ClrAssociations} writes the structure as CLR 2.0 {@code
 * Association} objects ({@code isParentOf}, {@code isChildOf}, {@code precedes}); the terms come
 * from the CLR 2.0 context ({@code https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json},
 * where {@code Association} scopes {@code associationType}, {@code sourceId} and {@code targetId})
 * and the {@code AssociationType} enumeration of the CLR 2.0 specification
 * (https://www.imsglobal.org/spec/clr/v2p0/); the 1EdTech validator's CLR examples use {@code
 * isParentOf} from a parent achievement to its parts.
 */
package dev.badgesmith.pathway;
