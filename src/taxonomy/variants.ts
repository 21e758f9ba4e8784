/**
 * Spelling classes: the other ways people write a name, made from the alias itself instead of being
 * listed by hand. Résumés write "Node JS", "NodeJS", "node.js" and "Node-JS" for one product, "Postgre SQL"
 * and "My SQL" for PostgreSQL and MySQL, "RestApi" for REST API and "NET" for .NET; a rule per class
 * covers every entry, old and new, and custom taxonomies too.
 *
 * - dotted names: `Node.js` → `node js`, `nodejs`; `ASP.NET` → `asp net`, `aspnet`;
 * - camel case: `PostgreSQL` → `postgre sql`, `WebLogic` → `web logic`, `jQuery` → `j query` (never a split
 *   that ends in a job-title word: `TestManager` does not make "Test Manager");
 * - run together: `REST API` → `restapi`, `SQL Server` → `sqlserver` (only with an acronym in the name,
 *   so a closed compound of English words — "back end" → "backend" — is never made);
 * - .NET without its dot: `.NET Core` → `NET Core`, `.NET` → `NET`;
 * - an acronym with dots: `QTP` → `Q.T.P`.
 *
 * No curator has vouched for a variant, so each counts only in context (the `tech-context` rule: in a
 * list, beside other technologies, with a confirming word, or as a noun in a technical sentence): a
 * spaced variant can be ordinary English ("my SQL skills", "web logic", "in design"), and a joined one
 * can make a word ("AD DS" → "adds", "IS-IS" → "isis"). A variant with a function word in it ("My SQL",
 * "No SQL", "In Design") counts only in the case the taxonomy writes it, and the bare `NET` only as a
 * list item written in capitals. Being ambiguous, variants also stay out of the typo index, so they never
 * make a real word a near miss ("acrobatic" is not a typo of "AcrobatDC"). A variant of an ambiguous
 * alias is as ambiguous as the alias; one of a case-sensitive alias is not made at all. Variants never
 * displace a written alias: the index drops a variant that another alias already claims.
 */
import type { AmbiguityRule } from './schema.js';
import { aliasKeyOf, normaliseAlias, scanTokens, type FineToken } from './tokenize.js';

/** One variant key of an alias. */
export interface AliasVariant {
  /** The key under the alias normal form (`normaliseAlias`). */
  readonly key: string;
  /**
   * `null`: the variant counts as its (ambiguous) alias does. Otherwise it counts only by this rule and,
   * when `written` is set, only written exactly as one of these forms.
   */
  readonly ambiguity: { readonly rule: AmbiguityRule; readonly written: readonly string[] | null } | null;
}

/** Two-letter and three-letter English function words: a camel part that reads as one makes the split ordinary English. */
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'as',
  'at',
  'be',
  'by',
  'do',
  'go',
  'he',
  'if',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'on',
  'or',
  'so',
  'to',
  'up',
  'us',
  'we',
  'all',
  'and',
  'any',
  'are',
  'but',
  'can',
  'for',
  'get',
  'got',
  'her',
  'his',
  'how',
  'its',
  'let',
  'may',
  'new',
  'not',
  'now',
  'off',
  'one',
  'our',
  'out',
  'own',
  'see',
  'she',
  'the',
  'too',
  'two',
  'use',
  'was',
  'way',
  'who',
  'why',
  'yes',
  'yet',
  'you',
]);

/** Last words of job titles: a split that ends in one reads as a title ("Test Manager", "Scrum Master", "Web Developer"). */
const TITLE_WORDS = new Set([
  'manager',
  'master',
  'developer',
  'engineer',
  'analyst',
  'architect',
  'designer',
  'consultant',
  'administrator',
  'admin',
  'lead',
  'director',
  'officer',
  'tester',
  'specialist',
  'expert',
  'owner',
  'coordinator',
  'programmer',
  'scientist',
  'associate',
  'executive',
]);

/** A dot, an inner capital ("PostgreSQL", "jQuery") or two capitals in a row (an acronym): a class may apply. */
const MAY_VARY = /\.|[a-z][A-Z]|[A-Z]{2}/;

const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
const LETTERS = /^[A-Za-z]+$/;
const DOTTED = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+$/;
const ACRONYM = /^[A-Z]{2,}$/;

/**
 * The parts of a camel-case word at its case boundaries (`PostgreSQL` → `Postgre`, `SQL`; `jQuery` →
 * `j`, `Query`; `JBoss` → `J`, `Boss`), or `null` when it is not camel case or a part would be a lone
 * letter other than the Java prefix `j` (`iOS`, `eBay`, `NHibernate` stay whole).
 */
export function camelParts(word: string): string[] | null {
  if (!LETTERS.test(word) || !UPPER.test(word) || !LOWER.test(word)) return null;
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) {
    const prevUpper = isUpper(word.charCodeAt(i - 1));
    const here = isUpper(word.charCodeAt(i));
    const nextLower = i + 1 < word.length && !isUpper(word.charCodeAt(i + 1));
    // "aB" starts a part at B; "ABc" starts one at B (the acronym before it ends at A).
    if ((here && !prevUpper) || (here && prevUpper && nextLower)) {
      parts.push(word.slice(start, i));
      start = i;
    }
  }
  parts.push(word.slice(start));
  if (parts.length < 2) return null;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (part.length >= 2) continue;
    if (k === 0 && (part === 'j' || part === 'J')) continue;
    return null;
  }
  return parts;
}

/** An ASCII capital (the word is known to be ASCII letters). */
function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** The key of the alias with token `at` read as `replacement` (already in key form); `at` −1: the alias's own key. */
function keyWith(tokens: readonly FineToken[], at: number, replacement: string): string {
  let key = '';
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (k > 0) key += t.gap ?? ' ';
    key += k === at ? replacement : t.norm;
  }
  return key;
}

/** `written` with `from..to` of its tokens replaced by `replacement` (surface text, tokens joined by their gaps). */
function replaceToken(alias: string, start: number, end: number, replacement: string): string {
  return alias.slice(0, start) + replacement + alias.slice(end);
}

/** The written forms a case-sensitive variant accepts: as split, hyphenated, and in capitals. */
function writtenForms(spaced: string): string[] {
  const hyphen = spaced.replace(/ /g, '-');
  return [...new Set([spaced, hyphen, spaced.toUpperCase(), hyphen.toUpperCase()])];
}

/**
 * The spelling-class variants of one alias (see the module comment), without the alias's own key.
 * `ambiguous` says whether the alias is itself ambiguous, and matched case-sensitively: such an alias
 * gets only its dotted form ("QTP" → "Q.T.P", by its `rule`), since its written case is the whole of
 * what tells it apart. `tokens` may pass the alias's `scanTokens` when the caller has them.
 */
export function aliasVariants(
  alias: string,
  ambiguous: 'case-sensitive' | 'ambiguous' | 'plain' = 'plain',
  rule: AmbiguityRule = 'tech-context',
  tokens?: readonly FineToken[],
): readonly AliasVariant[] {
  return variantsOf(alias, ambiguous, rule, tokens);
}

/** The answer for the many aliases of no class, shared. */
const NONE: readonly AliasVariant[] = Object.freeze([]);

function variantsOf(
  alias: string,
  ambiguous: 'case-sensitive' | 'ambiguous' | 'plain',
  rule: AmbiguityRule,
  scanned?: readonly FineToken[],
): readonly AliasVariant[] {
  if (ambiguous === 'case-sensitive') {
    // Only the dotted acronym keeps the written case: "QTP" → "Q.T.P", as ambiguous as "QTP" is.
    if (!/^[A-Z]{2,5}$/.test(alias)) return NONE;
    const dotted = alias.split('').join('.');
    return [{ key: normaliseAlias(dotted), ambiguity: { rule, written: [dotted] } }];
  }
  // Most aliases belong to no class (no dot, no inner capital, no acronym): they are turned away before a scan.
  if (!MAY_VARY.test(alias)) return NONE;
  const tokens = scanned ?? scanTokens(alias);
  if (tokens.length === 0) return NONE;
  const own = aliasKeyOf(tokens);
  const out: AliasVariant[] = [];
  const add = (key: string, ambiguity: AliasVariant['ambiguity']): void => {
    if (key !== own && key !== '' && !out.some((v) => v.key === key)) out.push({ key, ambiguity });
  };
  // An ambiguous alias's variants are as ambiguous as it is: the index gives them its rule.
  const inContext = (written: string[] | null = null): AliasVariant['ambiguity'] =>
    ambiguous === 'ambiguous' ? null : { rule: 'tech-context', written };

  for (let at = 0; at < tokens.length; at++) {
    const t = tokens[at]!;
    const surface = t.text;
    if (surface.startsWith('.')) {
      // ".NET Core" → "NET Core": the dot dropped, the name in capitals.
      if (surface.toLowerCase() !== '.net' || ambiguous !== 'plain') continue;
      const bare = replaceToken(alias, t.start, t.end, 'NET');
      const bareKey = keyWith(tokens, at, 'net');
      if (tokens.length === 1) add(bareKey, { rule: 'list-item', written: ['NET'] });
      else {
        // "NET Core", "NET core", "NET CORE", "NET-Core": the rest in any of the cases people write it.
        const rest = bare.slice(t.start + 3);
        const head = bare.slice(0, t.start + 3);
        const forms = [bare, head + rest.toLowerCase(), bare.toUpperCase()];
        add(bareKey, {
          rule: 'tech-context',
          written: [...new Set([...forms, ...forms.map((f) => f.replace(/ /g, '-'))])],
        });
      }
      continue;
    }
    if (DOTTED.test(surface)) {
      const parts = t.norm.split('.');
      add(keyWith(tokens, at, parts.join('')), inContext());
      add(keyWith(tokens, at, parts.join(' ')), inContext());
      continue;
    }
    // "QTP" → "Q.T.P": an acronym written with dots between its letters.
    if (/^[A-Z]{2,5}$/.test(surface) && tokens.length === 1) {
      add(t.norm.split('').join('.'), inContext());
      continue;
    }
    const parts = camelParts(surface);
    // "TestManager" → "Test Manager" is a job title, as "ScrumMaster" → "Scrum Master" is: no split ends in a title word.
    if (parts !== null && !TITLE_WORDS.has(parts[parts.length - 1]!.toLowerCase())) {
      const functionWord = parts.some((p) => FUNCTION_WORDS.has(p.toLowerCase()));
      const written = functionWord ? writtenForms(replaceToken(alias, t.start, t.end, parts.join(' '))) : null;
      add(keyWith(tokens, at, parts.join(' ').toLowerCase()), inContext(written));
    }
  }

  // Run together: two or three plain words, one of them an acronym as written ("REST API", "SQL Server").
  if (tokens.length >= 2 && tokens.length <= 3) {
    let joinable = tokens.some((t) => ACRONYM.test(t.text));
    for (let k = 0; k < tokens.length && joinable; k++) {
      const t = tokens[k]!;
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(t.text) || /^\d+$/.test(t.text)) joinable = false;
      if (k > 0 && t.gap !== ' ') joinable = false;
    }
    if (joinable) add(tokens.map((t) => t.norm).join(''), inContext());
  }
  return out.length === 0 ? NONE : out;
}
