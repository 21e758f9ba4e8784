/**
 * Frozen default options, in one place (as fuse.js keeps them). Every stage reads its
 * defaults from here, and docs/api.md documents each value.
 */

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Version strings stamped on every result shape. Bump on any change of shape or meaning. */
export const DOCUMENT_VERSION = '2';
export const PROFILE_VERSION = '2';
export const MATCH_VERSION = '2';

export const PARSE_DEFAULTS = deepFreeze({
  /** Largest input accepted, in bytes. */
  maxBytes: 10 * 1024 * 1024,
  /** Most PDF pages read. */
  maxPages: 30,
  /** Largest total expanded size of a DOCX's parts, and of a PDF's compressed non-image streams, in bytes (declared sizes and streamed inflation both checked). */
  maxExpandedBytes: 64 * 1024 * 1024,
  /** Largest `word/document.xml` (expanded) read, in bytes. */
  maxDocumentXmlBytes: 16 * 1024 * 1024,
  /** Longest document text kept, in UTF-16 code units. */
  maxTextLength: 2_000_000,
  /** Time budget per document in an isolated parse, in milliseconds. */
  timeoutMs: 20_000,
  /** Memory budget per isolated parse worker (heap cap and RSS watch), in megabytes. */
  maxMemoryMb: 512,
});

/**
 * The scoring model's weights (see `scoreMatch` and docs/scoring.md).
 * Every value can be overridden through `ScoreOptions`; nested objects merge key by key.
 */
export const SCORE_DEFAULTS = deepFreeze({
  /** Share of the total each importance tier carries, times each requirement's own `weight`. */
  tierWeights: { required: 1, preferred: 0.5, bonus: 0.2 },
  /**
   * What one mention is worth by where it sits. `experience` is a mention inside a dated
   * experience entry; an experience mention outside any dated entry earns `undatedExperience`.
   */
  contextWeights: {
    experience: 1,
    project: 0.75,
    'skills-list': 0.5,
    certification: 0.45,
    summary: 0.4,
    education: 0.35,
    other: 0.3,
  },
  /** Worth of an experience-section mention that sits in no dated timeline entry. */
  undatedExperience: 0.8,
  /** Multiplier for a mention flagged `aspiration` ("learning Kubernetes"). Negated mentions count nothing. */
  aspirationWeight: 0.1,
  /** Multiplier for a mention found by typo-tolerant look-up. */
  fuzzyWeight: 0.9,
  /** Multipliers for a proficiency written beside the mention. */
  levelWeights: { expert: 1, advanced: 1, intermediate: 0.9, basic: 0.7 },
  /**
   * Mentions combine by context, not by count: per context only the strongest mention counts, and the
   * contexts combine as `1 − Π(1 − sᵢ·contextDecayⁱ)` over the best three, so repetition earns nothing.
   */
  contextDecay: 0.5,
  /** A skills section listing more distinct skills than this is discounted by `skillsListLimit / n`. */
  skillsListLimit: 60,
  /** Share of depth credit a skill with evidence but no dated months starts from (a floor, not a bonus). */
  depthFloor: 0.4,
  /** Years that stand for "full depth" when a requirement has no `minYears`. */
  defaultMinYears: 2,
  /** Steepness of the saturating curve `1 − exp(−k · months / (12 · minYears))`: at `minYears`, 95% of depth. */
  yearsCurve: 3,
  /** Share of claimed years ("5+ years of Java") counted as months when no dated entry backs the skill. */
  claimedYearsCredit: 0.5,
  /**
   * Share of a résumé's dated months under titles of the role's kind of work (`Role.function`: for a
   * development role, jobs titled developer, programmer, software engineer…) credited as depth to a skill it
   * lists or describes without dates: a developer's skills list is read as used in that work, at a discount.
   */
  functionCredit: 0.5,
  /**
   * How much a career under other kinds of titles costs the core, when the role names its kind of work:
   * the core is multiplied by `1 − functionMismatch × share`, `share` being the months under titles of other
   * kinds (testing, operations, work outside software) over all months under titles whose kind is known.
   * Titles that do not say ("Consultant") count for neither side; a résumé without such titles loses nothing.
   */
  functionMismatch: 0.3,
  /** Half-life of recency, in years: a skill last used this long ago counts half. */
  recencyHalfLifeYears: 4,
  /** Recency never falls below this share: old experience is still experience. */
  recencyFloor: 0.3,
  /** Discount on credit earned through an implying skill (on top of the taxonomy's edge weight). */
  impliedDiscount: 0.8,
  /** Share of credit a related sibling earns (MySQL for PostgreSQL). */
  relatedDiscount: 0.5,
  /**
   * Depth from several skills behind one requirement member (a language, its server-side framework and
   * its data-access layer: Java, Spring, Hibernate): the best credit counts in full, and the others close
   * this share of the gap to 1, combined as independent evidence (`1 − Π(1 − vᵢ)`).
   */
  groupGain: 0.5,
  /**
   * Share of the score the periphery (requirements that are not core) can move, at most 0.4: the total is
   * `core × (1 − peripheryShare + peripheryShare × periphery)`, so periphery is a capped bonus on the core
   * and never stands in for it. Core requirements are `required` ones and any marked `core: true`.
   */
  peripheryShare: 0.3,
  /** A category requirement averages the best this many skills of the category (missing ones count 0 only past the first). */
  categoryTopK: 1,
  /** A requirement scoring under this is `missing`; its credit still counts. */
  minScore: 0.05,
  /** A direct match scoring under this is only `partial`. */
  metScore: 0.15,
  /** Evidence items kept per requirement in a result. */
  maxEvidence: 5,
  /** A sentence repeated verbatim this many times is reported as repeated text. */
  repeatedTextThreshold: 3,
  /** Rank candidates who miss a required requirement below those who meet them all. */
  strictRequired: true,
});

/** Batch defaults for `rankResumes` and `createMatcher().rank`. */
export const RANK_DEFAULTS = deepFreeze({
  /** Parse résumé bytes in the isolated pool of child processes (set `false` only for trusted input). */
  isolate: true,
  /** Parses in flight at once per pool worker (keeps the pool busy while results are scored). */
  inFlightPerWorker: 2,
  /** Keep only the best N results (`Infinity`: all). Errors are always all kept. */
  top: Infinity,
});

/** Look-up defaults for `resolveSkill` and `createResolver` (the taxonomy stage). */
export const TAXONOMY_DEFAULTS = deepFreeze({
  /**
   * A typo resolves when its similarity to an alias is at least this: 1 − (optimal string
   * alignment distance ÷ the longer length), on the whole normalised input. 0.82 lets one
   * slip in six characters or more through (`Djnago`, `Postgress`, `Kubernates`) and stops
   * one-letter hops between five-letter words (`grant` → `grunt`).
   */
  fuzzyThreshold: 0.82,
  /** Candidates at least this similar are offered as "did you mean" suggestions. */
  suggestionThreshold: 0.6,
  /** Most suggestions returned. */
  maxSuggestions: 5,
  /** Shorter inputs (normalised characters) never resolve fuzzily: too many words sit one edit apart. */
  fuzzyMinLength: 4,
});

/** Defaults of `extractSkills` and `createExtractor` (the extract stage). */
export const EXTRACT_DEFAULTS = deepFreeze({
  /** Look leftover technical-looking tokens up by typo tolerance (`fuzzy: true` mentions). */
  fuzzy: true,
  /**
   * Least whole-token similarity (1 − edit distance ÷ longer length) for a typo to count in a
   * document. Stricter than interactive look-up (0.82): a résumé has hundreds of words, so one
   * edit in six letters (`Docket` → Docker) is too easy; one in seven or more passes (`Kubernates`).
   */
  fuzzyThreshold: 0.85,
  /** Shortest leftover token (characters) tried as a typo. */
  fuzzyMinLength: 6,
  /** Most fuse.js look-ups per document (each costs milliseconds; a cheap gate runs first). */
  maxFuzzyLookups: 12,
  /** Ask `compromise` about ambiguous words no cheaper rule decided. */
  context: true,
  /** Most sentences tagged by `compromise` per document (≈1 ms each). */
  maxContextSentences: 40,
  /** Most `ambiguous-mention-dropped` diagnostics per document (the rest are counted in one more). */
  maxDroppedDiagnostics: 20,
  /** Longest `sentence` kept on a mention, in characters. */
  maxSentenceLength: 300,
  /**
   * Months a claim of "Less than 1 year" stands for (`ExtractedSkill.claimedMonths`): the middle of the
   * range it names, as exports such as Indeed's write it for anything under twelve months.
   */
  lessThanYearMonths: 6,
  /**
   * Most hits of one name (its normalised alias) read per document; the rest are counted in a
   * `mentions-capped` diagnostic. Real résumés stay far below it (the most in the dotin set is 121).
   */
  maxHitsPerName: 256,
  /**
   * Most hits read per document, of all names; the rest are counted in a `document-hits-capped`
   * diagnostic. Real résumés stay far below it (the most in the dotin set is 339, in 20 KB).
   */
  maxHitsPerDocument: 10_000,
  /** Most unknown tool names kept per document (`SkillProfile.unknownTools`, `unknown-tool` diagnostics). */
  maxUnknownTools: 20,
});
