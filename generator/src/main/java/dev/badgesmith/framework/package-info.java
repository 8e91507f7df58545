/**
 * Internal: not an API, and may change in any release. 1EdTech CASE 1.1 (Competencies and Academic
 * Standards Exchange) frameworks that badges align to: a {@code CFPackage} file read with positions
 * ({@link dev.badgesmith.framework.CasePackageReader}), items found by identifier or URI with "did
 * you mean" ({@link dev.badgesmith.framework.CaseFrameworks}), their Open Badges alignment fields
 * ({@link dev.badgesmith.framework.CaseAlignment}) and the hierarchy for skills pages ({@link
 * dev.badgesmith.framework.CasePackage#roots}, {@link
 * dev.badgesmith.framework.CasePackage#children}).
 *
 * <h2>Where each field's meaning comes from</h2>
 *
 * The CASE 1.1 JSON binding of {@code getCFPackage} (1EdTech, "Competencies and Academic Standards
 * Exchange (CASE) Service Version 1.1 Final Release JSON Schema Binding"; read in OpenSALT's copy,
 * {@code opensalt/opensalt} {@code core/config/schema/case-v1p1-cfpackage-schema.json}):
 *
 * <ul>
 *   <li>{@code CFPackage}: {@code CFDocument} (required, exactly one: "the root Competency
 *       Framework Document"), {@code CFItems}, {@code CFAssociations}, {@code CFDefinitions},
 *       {@code CFRubrics}, {@code extensions}. Only the first three are read.
 *   <li>{@code CFDocument}: required {@code identifier} (a UUID), {@code uri} ("an unambiguous
 *       reference to the CFDocument using a network-resolvable URI"), {@code creator} ("the entity
 *       with authority that promulgates the competency framework"), {@code title}, {@code
 *       lastChangeDateTime}; optional {@code version}, {@code publisher}, {@code description},
 *       {@code officialSourceURL}, {@code language}, {@code adoptionStatus}... Kept: identifier,
 *       uri, title (an alignment's {@code targetFramework}), creator, version.
 *   <li>{@code CFItem}: required {@code identifier}, {@code fullStatement} ("the text of the
 *       statement"), {@code uri}, {@code lastChangeDateTime}; optional {@code humanCodingScheme}
 *       ("a human-referenceable code designated by the publisher to identify the item"), {@code
 *       abbreviatedStatement} ("an abbreviated version of the full statement"), {@code
 *       listEnumeration} (the item's position in its list as the publisher numbers it), {@code
 *       CFItemType} ("the textual label identifying the class of the statement"), {@code
 *       alternativeLabel}, {@code educationLevel}, {@code conceptKeywords}, {@code notes}...
 *   <li>{@code CFAssociation}: required {@code identifier}, {@code associationType} ({@code
 *       isChildOf}, {@code isPeerOf}, {@code isPartOf}, {@code exactMatchOf}, {@code precedes},
 *       {@code isRelatedTo}, {@code replacedBy}, {@code exemplar}, {@code hasSkillLevel}, {@code
 *       isTranslationOf}, or {@code ext:} an extension), {@code uri}, {@code originNodeURI} and
 *       {@code destinationNodeURI} (each a {@code LinkGenURI}: {@code title}, {@code identifier},
 *       {@code uri}), {@code lastChangeDateTime}; optional {@code sequenceNumber} ("used to order
 *       associated objects"). {@code isChildOf} reads "origin is a child of destination"; the top
 *       items are children of the {@code CFDocument} itself.
 * </ul>
 *
 * Where the reader is more lenient than the schema (a missing {@code lastChangeDateTime}, {@code
 * creator} or association {@code identifier}, an identifier that is not a UUID), nothing Badgesmith
 * uses is missing; OpenSALT and older CASE 1.0 exports differ in exactly such details.
 *
 * <p>The alignment fields follow Open Badges: the OB 2.0 {@code AlignmentObject} ({@code
 * targetName}, {@code targetUrl}, {@code targetDescription}, {@code targetFramework}, {@code
 * targetCode}) and the OB 3.0 {@code Alignment}, whose {@code targetType} enumeration names {@code
 * CFItem} for a CASE item and whose {@code targetCode} is "a locally unique string identifier that
 * identifies the alignment target within its framework".
 */
package dev.badgesmith.framework;
