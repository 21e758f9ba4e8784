/**
 * Frozen default options, in one place (as fuse.js keeps them). Every stage reads its
 * defaults from here, and the README documents each value.
 */

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Version strings stamped on every result shape. Bump on any change of shape or meaning. */
export const DOCUMENT_VERSION = '1';
export const PROFILE_VERSION = '1';
export const MATCH_VERSION = '1';

export const PARSE_DEFAULTS = deepFreeze({
  /** Largest input accepted, in bytes. */
  maxBytes: 10 * 1024 * 1024,
  /** Most PDF pages read. */
  maxPages: 30,
  /** Largest total expanded size of a DOCX's parts, in bytes (declared sizes and streamed inflation both checked). */
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
