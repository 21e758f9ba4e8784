/**
 * skillmatch: match résumés to roles.
 * Public API: named exports and `export type` only.
 */
export { SkillmatchError, ParseError, ValidationError, LimitError, isSkillmatchError, isParseError, isValidationError, isLimitError } from './errors.js';
export type { ErrorCode, ValidationIssue } from './errors.js';
export { DOCUMENT_VERSION, PROFILE_VERSION, MATCH_VERSION, PARSE_DEFAULTS } from './defaults.js';
export type * from './types.js';
