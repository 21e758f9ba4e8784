/** Rank stage: many résumés against one role → an ordered, explained shortlist. */
export { createMatcher, rankResumes, compareRanked } from './matcher.js';
export type {
  Matcher,
  MatcherExtractOptions,
  MatcherOptions,
  MatcherParseOptions,
  RankInput,
  RankInputObject,
  RankOptions,
  RankProgress,
} from './matcher.js';
