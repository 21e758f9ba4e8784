/**
 * The typo fallback's walk over a document: leftover tokens that look technical, gated cheaply
 * (English words and tokens with no alias a deletion away are skipped), looked up through the
 * typo index within a per-document budget.
 */
import type { AliasEntry, AliasIndex } from '../taxonomy/index.js';
import type { Diagnostic } from '../types.js';
import { isUnknownWord } from './context.js';
import { hasNearAlias, lookupTypo, type TypoIndex } from './fuzzy.js';
import type { Hit } from './match.js';
import type { DocTokens } from './tokens.js';

// Common résumé words the English lexicon lacks ("onsite" is one letter from OneSite).
const STOP_TYPOS = new Set([
  'experience',
  'project',
  'projects',
  'present',
  'company',
  'university',
  'college',
  'skills',
  'summary',
  'education',
  'onsite',
  'offsite',
  'offshore',
  'nearshore',
  'inhouse',
  'email',
  'emails',
  'online',
  'offline',
  'startup',
  'startups',
]);

/** Leftover tokens that look technical: in a skills list, capitalised mid-sentence, camelCase, digits or dots. */
function looksTechnical(doc: DocTokens, i: number, skillsContext: (i: number) => boolean): boolean {
  const t = doc.tokens[i]!;
  let letters = 0;
  let upperInside = false;
  let digitOrDot = false;
  for (let k = 0; k < t.text.length; k++) {
    const c = t.text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
    if (k > 0 && c >= 65 && c <= 90 && t.text.charCodeAt(k - 1) >= 97 && t.text.charCodeAt(k - 1) <= 122)
      upperInside = true;
    if ((c >= 48 && c <= 57) || c === 46) digitOrDot = true;
  }
  if (letters < 3) return false;
  // In prose, capitalised words are mostly names of people, places and fields ("Medical Informatics"),
  // one edit from some product; typos are looked for in skills lists and in code-like tokens only.
  return (upperInside || digitOrDot || skillsContext(i)) && !STOP_TYPOS.has(t.norm);
}

/** What the typo walk needs of the document besides its tokens. */
export interface TypoWalk {
  doc: DocTokens;
  index: AliasIndex;
  typo: TypoIndex;
  /** Tokens inside an exact hit. */
  covered: Uint8Array;
  /** The token sits in a skills section or on a list line. */
  skillsContext: (i: number) => boolean;
  maxLookups: number;
  threshold: number;
}

/** The typo hits of a document, each with its entries; a diagnostic when the budget ran out. */
export function findTypoHits(w: TypoWalk, diagnostics: Diagnostic[]): { hit: Hit; entries: AliasEntry[] }[] {
  const { doc, typo } = w;
  const out: { hit: Hit; entries: AliasEntry[] }[] = [];
  let lookups = 0;
  let capped = false;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    if (w.covered[i] || t.url || t.norm.length < typo.minLength) continue;
    if (!looksTechnical(doc, i, w.skillsContext) || !isUnknownWord(t.norm) || !hasNearAlias(typo, t.norm)) continue;
    if (lookups >= w.maxLookups) {
      capped = true;
      break;
    }
    lookups++;
    const found = lookupTypo(typo, t.norm, w.threshold);
    if (found === null) continue;
    const entries = w.index.aliases.get(found.key) ?? [];
    if (entries.length === 0) continue;
    out.push({
      hit: { from: i, to: i + 1, start: t.start, end: t.end, key: found.key, entries, fuzzy: true },
      entries: [...entries],
    });
  }
  if (capped)
    diagnostics.push({
      severity: 'info',
      code: 'fuzzy-lookups-capped',
      message: `typo look-ups stopped after ${w.maxLookups}`,
      source: 'extract',
    });
  return out;
}
