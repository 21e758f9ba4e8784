/**
 * Section headings: which short lines start a section, and of which kind.
 *
 * A heading is recognised by its words, not by its looks alone: every word of a heading must come from a
 * small vocabulary of section nouns ("experience", "skills", "education", …) and their modifiers ("work",
 * "professional", "technical", …), with at least one section noun. That keeps ordinary sentences ("I have
 * experience in Java") and lists ("Python, Java, SQL") out while taking any case and decoration
 * ("— EXPERIENCE —", "## Experience", "EXPERIENCE:", "E X P E R I E N C E"). Lines the format marks as
 * headings (DOCX heading styles, HTML h1–h6, Markdown `#`) are held to a looser rule.
 */
import type { SectionKind } from '../types.js';
import { lookupTable } from '../util/table.js';

/** A heading found on a line. Offsets are relative to the line's text. */
export interface HeadingMatch {
  kind: SectionKind;
  /** Start of the heading text (decorations excluded). */
  start: number;
  /** End of the heading text; for an inline heading ("Skills: Java"), the end of "Skills:". */
  end: number;
  /** The heading is followed by content on the same line. */
  inline: boolean;
  /** Recognised by its vocabulary (`false`: only because the format marked the line as a heading). */
  known: boolean;
}

/** Whole headings (normalised: lower case, `&` → `and`, punctuation → spaces) that the word rule cannot settle. */
const PHRASES = lookupTable<SectionKind>({
  'academic background': 'education',
  'educational background': 'education',
  'education background': 'education',
  'academic profile': 'education',
  'academic qualifications': 'education',
  'educational qualifications': 'education',
  'academic record': 'education',
  'academic details': 'education',
  'academic credentials': 'education',
  'educational credentials': 'education',
  'professional background': 'experience',
  'career background': 'experience',
  work: 'experience',
  career: 'experience',
  'academic career': 'experience',
  'professional career': 'experience',
  'early career': 'experience',
  'career so far': 'experience',
  project: 'projects',
  'academic project': 'projects',
  'project details': 'projects',
  'project work': 'projects',
  'key project': 'projects',
  'major project': 'projects',
  'project experience': 'projects',
  'projects undertaken': 'projects',
  'work history': 'experience',
  // Job-board exports and forms label the employer block rather than the experience.
  'company details': 'experience',
  'employer details': 'experience',
  'organisation details': 'experience',
  'organization details': 'experience',
  'companies worked': 'experience',
  'companies worked for': 'experience',
  'companies worked with': 'experience',
  'previous employers': 'experience',
  employers: 'experience',
  'positions held': 'experience',
  'jobs held': 'experience',
  'work places': 'experience',
  workplaces: 'experience',
  'places of work': 'experience',
  'work background': 'experience',
  'employment background': 'experience',
  'technical background': 'skills',
  databases: 'skills',
  professional: 'experience',
  'where i have worked': 'experience',
  'open source': 'projects',
  'open source contributions': 'projects',
  'open source projects': 'projects',
  'open source work': 'projects',
  'about me': 'summary',
  about: 'summary',
  'who i am': 'summary',
  'personal statement': 'summary',
  'personal profile': 'summary',
  'programming languages': 'skills',
  'languages and technologies': 'skills',
  'languages and frameworks': 'skills',
  'languages and tools': 'skills',
  'tools and technologies': 'skills',
  'areas of expertise': 'skills',
  'skill set': 'skills',
  'it skills': 'skills',
  'personal details': 'contact',
  'personal information': 'contact',
  'personal data': 'contact',
  'personal info': 'contact',
  'get in touch': 'contact',
  'research interests': 'other',
  'additional information': 'other',
  'other information': 'other',
  'volunteer experience': 'other',
  'volunteering experience': 'other',
  'volunteer work': 'other',
  'leadership and activities': 'other',
  'professional development': 'certifications',
  'continuing education': 'certifications',
  'relevant coursework': 'education',
  coursework: 'education',
  'course work': 'education',
  'military service': 'other',
  'work samples': 'projects',
});

/** Lines built from heading words that are skills or sub-headings, not sections. */
const NOT_HEADINGS = new Set([
  'project management',
  'software project management',
  'it project management',
  'project planning',
  'project coordination',
  'training and development',
  'skills development',
  'career development',
  'people management',
  'data management',
  'knowledge management',
]);

/** Section nouns: a heading needs at least one. The first one in the heading decides the kind. */
const HEADS = lookupTable<SectionKind>({
  experience: 'experience',
  experiences: 'experience',
  employment: 'experience',
  history: 'experience',
  internships: 'experience',
  internship: 'experience',
  positions: 'experience',
  appointments: 'experience',
  appointment: 'experience',
  jobs: 'experience',
  roles: 'experience',
  engagements: 'experience',
  summary: 'summary',
  profile: 'summary',
  objective: 'summary',
  objectives: 'summary',
  overview: 'summary',
  introduction: 'summary',
  synopsis: 'summary',
  highlights: 'summary',
  goal: 'summary',
  goals: 'summary',
  bio: 'summary',
  biography: 'summary',
  skills: 'skills',
  skill: 'skills',
  competencies: 'skills',
  competences: 'skills',
  competency: 'skills',
  expertise: 'skills',
  stack: 'skills',
  technologies: 'skills',
  tools: 'skills',
  toolkit: 'skills',
  toolbox: 'skills',
  abilities: 'skills',
  proficiencies: 'skills',
  proficiency: 'skills',
  skillset: 'skills',
  strengths: 'skills',
  capabilities: 'skills',
  knowledge: 'skills',
  software: 'skills',
  frameworks: 'skills',
  education: 'education',
  qualifications: 'education',
  qualification: 'education',
  academics: 'education',
  degrees: 'education',
  degree: 'education',
  studies: 'education',
  schooling: 'education',
  certifications: 'certifications',
  certification: 'certifications',
  certificates: 'certifications',
  certificate: 'certifications',
  licenses: 'certifications',
  licences: 'certifications',
  license: 'certifications',
  licence: 'certifications',
  courses: 'certifications',
  training: 'certifications',
  trainings: 'certifications',
  accreditations: 'certifications',
  credentials: 'certifications',
  projects: 'projects',
  portfolio: 'projects',
  contributions: 'projects',
  contact: 'contact',
  contacts: 'contact',
  publications: 'other',
  awards: 'other',
  award: 'other',
  honors: 'other',
  honours: 'other',
  achievements: 'other',
  accomplishments: 'other',
  languages: 'other',
  interests: 'other',
  hobbies: 'other',
  references: 'other',
  referees: 'other',
  volunteer: 'other',
  volunteering: 'other',
  activities: 'other',
  affiliations: 'other',
  memberships: 'other',
  membership: 'other',
  information: 'other',
  links: 'other',
  patents: 'other',
  presentations: 'other',
  talks: 'other',
  conferences: 'other',
  grants: 'other',
  declaration: 'other',
  miscellaneous: 'other',
  misc: 'other',
  extracurricular: 'other',
  leadership: 'other',
  recognition: 'other',
  coursework: 'education',
  recommendations: 'other',
  testimonials: 'other',
  social: 'other',
  service: 'other',
  research: 'other',
  scholarships: 'other',
  fellowships: 'other',
  associations: 'other',
  passions: 'other',
  travel: 'other',
});

/** Modifiers: words that may stand in a heading but do not make one on their own. */
const MODIFIERS = new Set([
  'work',
  'professional',
  'relevant',
  'related',
  'industry',
  'employment',
  'career',
  'job',
  'technical',
  'tech',
  'teaching',
  'research',
  'other',
  'previous',
  'prior',
  'recent',
  'additional',
  'selected',
  'key',
  'core',
  'academic',
  'educational',
  'military',
  'freelance',
  'consulting',
  'international',
  'management',
  'personal',
  'side',
  'special',
  'specialized',
  'specialised',
  'computer',
  'it',
  'digital',
  'soft',
  'hard',
  'language',
  'programming',
  'software',
  'summary',
  'details',
  'detail',
  'record',
  'information',
  'info',
  'areas',
  'area',
  'primary',
  'main',
  'notable',
  'major',
  'featured',
  'relevant',
  'executive',
  'brief',
  'short',
  'general',
  'overall',
  'professional',
  'honors',
  'honours',
  'awards',
  'certifications',
  'licenses',
  'licences',
  'skills',
  'skill',
  'courses',
  'publications',
  'projects',
  'project',
  'education',
  'experience',
  'training',
  'interests',
  'activities',
  'achievements',
  'accomplishments',
  'languages',
  'tools',
  'technologies',
  'volunteer',
  'volunteering',
  'community',
  'online',
  'completed',
  'university',
  'college',
  'school',
  'clinical',
  'laboratory',
  'lab',
  'leadership',
  'organizational',
  'organisational',
  'extracurricular',
  'co',
  'curricular',
  'extra',
  'social',
  'media',
  'web',
  'cloud',
  'data',
  'domain',
  'functional',
  'interpersonal',
  'analytical',
  'managerial',
  'business',
  'industrial',
  'practical',
  'hands',
  'on',
  'key',
  'tech',
  'it',
  'sales',
  'design',
  'hobbies',
  'contact',
  'open',
  'source',
  'internship',
  'internships',
  'employment',
  'history',
  'profile',
  'objective',
  'career',
  'stack',
  'abilities',
  'competencies',
  'references',
  'memberships',
  'affiliations',
  'professional',
  'global',
  'field',
  'work',
  'coding',
  'qualifications',
  'expertise',
  'set',
  'matrix',
  'ngo',
  'community',
  'service',
  'services',
  'awards',
  'scholastic',
  'overseas',
  // "Projects Handled", "Assignments Executed": Indian résumés name project sections by what was done to them.
  'handled',
  'executed',
  'undertaken',
  'delivered',
]);

/** Words that may stand between heading words. */
const JOINERS = new Set([
  'and',
  'of',
  'the',
  'my',
  'in',
  'for',
  'with',
  'to',
  'a',
  'an',
  'at',
  'me',
  'i',
  'what',
  'we',
  'ive',
  'have',
  'done',
]);

/** Kinds that may be written inline with their content ("Skills: Java, Python"). */
const INLINE_KINDS = new Set<SectionKind>(['skills', 'summary', 'education', 'certifications', 'contact']);

const MAX_HEADING_CHARS = 64;
/** A list bullet between spaces, as left after a heading whose line break was lost ("Skills * Python"). */
const INLINE_BULLET = /\s+[*•●▪◦■►➢➤·]\s+/u;
const HAS_INLINE_BULLET = /[*•●▪◦■►➢➤·]/u;
const MAX_HEADING_WORDS = 6;

function isAlnum(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000)
  );
}

function isLetterCode(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000)
  );
}

/** A one-letter word next to another word: the sign of letter-spaced or fake small-capital headings. */
const SPACED_LETTER = /(?:^|\s)\p{L}\s/u;

/** Collapses "E X P E R I E N C E" and "W O R K  H I S T O R Y" into words. */
function unspace(text: string): string {
  // Fake small capitals split off the first letter: "P ROFESSIONAL E XPERIENCE".
  if (text === text.toUpperCase()) text = text.replace(/(^|\s)(\p{Lu}) (\p{Lu}{2,})/gu, '$1$2$3');
  const words = text.split(/ {2,}|\t/);
  const out: string[] = [];
  for (const word of words) {
    const letters = word.split(' ');
    if (letters.length >= 2 && letters.every((piece) => piece.length === 1)) out.push(letters.join(''));
    else out.push(word);
  }
  return out.join(' ');
}

/** Lower-cased words of a heading, `&`/`+` read as "and", apostrophes dropped, anything else non-alphanumeric a break. */
function headingWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  // One pass over the characters: a word is sliced out whole, and only pieced together across an apostrophe.
  let start = -1;
  let pieces = '';
  const flush = (end: number): void => {
    const word = start < 0 ? pieces : pieces + lower.slice(start, end);
    if (word !== '') words.push(word);
    start = -1;
    pieces = '';
  };
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (isAlnum(code)) {
      if (start < 0) start = i;
    } else if (code === 39 || code === 0x2019) {
      // "Don't" is one word: what came before the apostrophe is kept and the word goes on.
      if (start >= 0) pieces += lower.slice(start, i);
      start = -1;
    } else {
      flush(i);
      if (code === 38 || code === 43) words.push('and');
    }
  }
  flush(lower.length);
  return words;
}

/** Section nouns that also end company names ("BG Computer Technologies"), so never end a heading with unknown words. */
const LOOSE_NOT_LAST = new Set([
  'technologies',
  'technology',
  'software',
  'solutions',
  'systems',
  'services',
  'studies',
  'research',
  'training',
  'projects',
  'group',
]);

/** Nouns that hand the kind to what follows "of". */
const DEFERS_TO_OF = new Set(['highlights', 'details', 'history', 'record', 'information', 'areas', 'area']);

/** Trailing nouns that defer to an earlier section noun ("Skills Summary", "Education History", "Contact Information"). */
const WEAK_TRAILING = new Set([
  'summary',
  'overview',
  'details',
  'profile',
  'highlights',
  'information',
  'history',
  'record',
]);

/**
 * The kind of a heading's words, or `null` when they are not a heading. `loose` admits unknown words, as long as
 * the heading ends with a section noun ("Software Development Experience").
 *
 * The head noun decides, read as English does: in a coordination ("Education and Training") the first
 * conjunct, in "X of Y" ("Summary of Qualifications") the X, otherwise the last section noun
 * ("Research Experience"), unless that is a weak trailing noun after another one ("Skills Summary").
 */
export function headingKind(text: string, loose = false): SectionKind | null {
  return kindOfWords(headingWords(text), loose);
}

/** {@link headingKind} of a heading's words (see `headingWords`), for callers that need the words too. */
function kindOfWords(words: readonly string[], loose: boolean): SectionKind | null {
  if (words.length === 0 || words.length > MAX_HEADING_WORDS + 2) return null;
  // A wrapped heading's second line ("and Conferences") is not a heading of its own.
  if (words[0] === 'and' || words[0] === 'of') return null;
  const joined = words.join(' ');
  if (NOT_HEADINGS.has(joined)) return null;
  const phrase = PHRASES[joined];
  if (phrase !== undefined) return phrase;
  let content = 0;
  for (const word of words) {
    if (JOINERS.has(word)) continue;
    content++;
    if (/\d/.test(word)) return null;
    if (HEADS[word] === undefined && !MODIFIERS.has(word) && !loose) return null;
  }
  if (content === 0 || content > MAX_HEADING_WORDS) return null;
  let conjunct: string[] = [];
  for (const word of words) {
    if (word === 'and' || word === 'of') {
      // "Highlights of Employment", "Details of Experience": the noun after "of" decides.
      const deferring =
        word === 'of' &&
        conjunct.length > 0 &&
        conjunct.every((w) => DEFERS_TO_OF.has(w) || (MODIFIERS.has(w) && HEADS[w] === undefined));
      if (!deferring && conjunct.some((w) => HEADS[w] !== undefined)) break;
      conjunct = [];
      continue;
    }
    if (!JOINERS.has(word)) conjunct.push(word);
  }
  const phraseInner = PHRASES[conjunct.join(' ')];
  if (phraseInner !== undefined) return phraseInner;
  const heads = conjunct.filter((w) => HEADS[w] !== undefined);
  if (heads.length === 0) return null;
  let head = heads[heads.length - 1] as string;
  if (heads.length > 1 && WEAK_TRAILING.has(head)) {
    const strong = heads.filter((w) => !WEAK_TRAILING.has(w));
    head = strong.length > 0 ? (strong[strong.length - 1] as string) : head;
  }
  // With unknown words, only "<unknown modifiers> <section noun>" ("Software Development Experience"): no
  // "of"/"and" phrases ("Department of Communication Studies" is a department, not a section).
  if (
    loose &&
    (HEADS[words[words.length - 1] as string] === undefined ||
      LOOSE_NOT_LAST.has(words[words.length - 1] as string) ||
      words.includes('of') ||
      words.includes('and'))
  )
    return null;
  const kind = HEADS[head] as SectionKind;
  if (kind === 'experience' && words.some((w) => w === 'volunteer' || w === 'volunteering')) return 'other';
  return kind;
}

/** Common headings with their spaces removed, for headings whose letters came out scattered. */
const COMPACT_HEADINGS: ReadonlyMap<string, SectionKind> = (() => {
  const map = new Map<string, SectionKind>();
  for (const [phrase, kind] of Object.entries(PHRASES)) map.set(phrase.replace(/ /g, ''), kind);
  const modifiers = [
    '',
    'work',
    'professional',
    'technical',
    'key',
    'core',
    'relevant',
    'employment',
    'career',
    'personal',
    'academic',
    'computer',
    'it',
  ];
  for (const [head, kind] of Object.entries(HEADS)) {
    for (const modifier of modifiers) if (!map.has(modifier + head)) map.set(modifier + head, kind);
  }
  return map;
})();

/** Is every cased word capitalised (Title Case or UPPER CASE), joiners aside? */
function titleCased(text: string): boolean {
  let any = false;
  for (const word of text.split(/[\s/|,&+\-–—]+/)) {
    if (word === '') continue;
    const first = word.charCodeAt(0);
    if (!isLetterCode(first)) continue;
    if (JOINERS.has(word.toLowerCase())) continue;
    any = true;
    if (word[0] === word[0]?.toLowerCase()) return false;
  }
  return any;
}

function trimDecorations(line: string): { start: number; end: number } {
  let start = 0;
  let end = line.length;
  while (start < end && !isAlnum(line.charCodeAt(start))) start++;
  while (end > start && !isAlnum(line.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Whether a line is a section heading, and which.
 *
 * `formatted` says the format marked the line as a heading (DOCX heading style, HTML h1–h6, Markdown `#`):
 * such a line may use words outside the vocabulary ("Software Development Experience", even "Side Hustles",
 * read as `other` with `known: false`).
 */
export function detectHeading(line: string, formatted = false): HeadingMatch | null {
  if (line.length === 0) return null;
  const raw = line.length > 400 ? line.slice(0, 400) : line;
  const trimmed = trimDecorations(raw);
  let start = trimmed.start;
  const end = trimmed.end;
  // "1. Experience", "IV. EDUCATION", "A) Skills"
  const numbered = /^(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)] {1,4}(?=\p{L})/u.exec(
    raw.slice(start, Math.min(end, start + 12)),
  );
  if (numbered !== null) start += numbered[0].length;
  if (start >= end) return null;
  const lead = raw.slice(0, trimmed.start).trim();
  const trail = raw.slice(end).trim();
  const core = raw.slice(start, end);
  // A list item is not a heading ("• Leadership", "- Training"), unless the decoration is symmetric
  // ("— EXPERIENCE —", "** Skills **"), Markdown's "#", or a rule ("=== Skills").
  let bulleted = false;
  if (!formatted && lead !== '' && !/^#{1,6}$/.test(lead) && !/^[=_~]+$/.test(lead)) {
    const bare = trail.replace(/:$/, '');
    const symmetric = bare !== '' && (bare === lead || [...lead].reverse().join('') === bare);
    bulleted = !symmetric;
  }
  // A lower-case line ending in a full stop is the tail of a wrapped sentence ("knowledge.").
  const sentenceTail = trail.startsWith('.') && !/\p{Lu}/u.test(core[0] as string);
  if (core.length <= MAX_HEADING_CHARS * 2 && !sentenceTail) {
    // Cheap rejections first: headings hold no digits, no list commas, no sentence punctuation.
    const plain = !/\d/.test(core) && !core.includes(', ') && !/[.!?;]\s/.test(core);
    const text = plain ? (SPACED_LETTER.test(core) ? unspace(core) : core) : '';
    if (plain && text.length <= MAX_HEADING_CHARS) {
      // The words and the case of the line are read once for all the checks below.
      const words = headingWords(text);
      const kind = kindOfWords(words, false);
      // A bulleted line is a list item ("• Leadership"), unless it is a multi-word heading in heading case
      // ("■ Professional Experience" in text that lost its layout).
      if (bulleted && (kind === null || words.length < 2 || !titleCased(text))) return null;
      if (kind !== null) return { kind, start, end, inline: false, known: true };
      if (formatted || trail.endsWith(':') || titleCased(text)) {
        const looseKind = kindOfWords(words, true);
        if (looseKind !== null && (formatted || words.length <= 4))
          return { kind: looseKind, start, end, inline: false, known: true };
      }
      if (formatted && words.length <= MAX_HEADING_WORDS)
        return { kind: 'other', start, end, inline: false, known: false };
    }
  }
  // Text extraction that scattered a heading's letters ("E xp er ie nc e", "Ke y S ki ll s").
  if (core.length <= 48 && !sentenceTail && !bulleted) {
    const pieces = core.split(/\s+/);
    const letters = pieces.join('');
    if (pieces.length >= 3 && letters.length / pieces.length <= 3 && /^\p{L}+$/u.test(letters)) {
      const kind = COMPACT_HEADINGS.get(letters.toLowerCase());
      if (kind !== undefined) return { kind, start, end, inline: false, known: true };
    }
  }
  // A table or tab-aligned row: "Skills<tab>Java, Python", "Experience<tab>Acme, 2019 – 2021". A heading
  // cell needs content after it that opens like a cell (upper case, digit or bullet), not "Experience<tab>in Java".
  const tab = core.indexOf('\t');
  if (tab > 0 && tab <= 40 && lead === '') {
    const label = core.slice(0, tab).replace(/:$/, '');
    const rest = core.slice(tab + 1).trim();
    if (rest !== '' && !/\d/.test(label) && /^[\p{Lu}\p{N}•●▪◦■►\-–—*(]/u.test(rest)) {
      const kind = headingKind(label, false);
      if (
        kind !== null &&
        (INLINE_KINDS.has(kind) || (kind === 'experience' && !/^\d+\+?\s*(?:years?|yrs?|months?)\b/i.test(rest)))
      )
        return { kind, start, end: start + tab, inline: true, known: true };
    }
  }
  // "Skills * Programming Languages: Python", "Education • B.E …": exports that lost the line break after a
  // heading keep the bullet of the first item.
  const head = core.slice(0, 48);
  const bulletAt = lead === '' && HAS_INLINE_BULLET.test(head) ? INLINE_BULLET.exec(head) : null;
  if (bulletAt !== null && bulletAt.index > 0) {
    const label = core.slice(0, bulletAt.index);
    const kind = /\d/.test(label) ? null : headingKind(label, false);
    if (kind !== null && INLINE_KINDS.has(kind))
      return { kind, start, end: start + bulletAt.index, inline: true, known: true };
  }
  // "Skills: Java, Python" — a heading followed by content on the same line.
  const colon = core.indexOf(':');
  if (colon > 0 && colon <= 40 && lead === '') {
    const label = core.slice(0, colon);
    const rest = core.slice(colon + 1).trim();
    if (rest !== '' && !/\d/.test(label)) {
      const kind = headingKind(label, false);
      if (kind !== null && INLINE_KINDS.has(kind))
        return { kind, start, end: start + colon + 1, inline: true, known: true };
    }
  }
  return null;
}

/**
 * Words that, right before a run of heading words, make them part of a sentence ("our Employment History"),
 * not a heading glued to the end of a line.
 */
const SENTENCE_LEADS = new Set([
  'a',
  'an',
  'the',
  'my',
  'our',
  'your',
  'his',
  'her',
  'their',
  'its',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'and',
  'or',
  'by',
  'from',
  'into',
  'about',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'have',
  'has',
  'had',
  'see',
  'per',
  'this',
  'that',
  'these',
  'your',
  'any',
  'all',
  'full',
  'complete',
  'detailed',
  'attached',
  'following',
]);

/** Last words of the label-style headings exports glue to the previous line ("Education Details", "Work History"). */
const LABEL_ENDINGS = new Set(['details', 'history', 'record', 'records']);

/** Longest heading looked for at a line's end, in words. */
const TRAILING_HEADING_WORDS = 4;

/**
 * Where a section heading glued to the end of a line starts, or -1. Exports that lost line breaks put a heading
 * right after the last word of the previous line ("JAVA- Exprience - 18 monthsCompany Details"), or after a space
 * when the heading is a label ("… Python, Sql, Java Education Details", "… Oracle Employment History"). The
 * heading must end the line (a colon aside), be in heading case, and neither start nor end with a joiner; a
 * proper name that happens to end in a section noun ("BG Computer Technologies") is never a label, so after a
 * space only label headings count.
 *
 * @example findTrailingHeading('MySQL- Exprience - 18 monthsCompany Details') // → 28
 */
export function findTrailingHeading(line: string, gluedOnly = false): number {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  if (end > 0 && line[end - 1] === ':') end--;
  if (end === 0 || !isLetterCode(line.charCodeAt(end - 1))) return -1;
  const from = Math.max(1, end - MAX_HEADING_CHARS);
  // Cheap test first: a label ending ("… Details") or a lower-case letter run into a capital in the tail.
  let lastWordStart = end;
  while (lastWordStart > 0 && isLetterCode(line.charCodeAt(lastWordStart - 1))) lastWordStart--;
  let junction = false;
  for (let i = end - 1; i >= from && !junction; i--)
    junction = isUpperCode(line.charCodeAt(i)) && isLowerCode(line.charCodeAt(i - 1));
  if (!junction && (gluedOnly || !LABEL_ENDINGS.has(line.slice(lastWordStart, end).toLowerCase()))) return -1;
  let best = -1;
  let words = 0;
  for (let i = end - 1; i >= from && words < TRAILING_HEADING_WORDS; i--) {
    const code = line.charCodeAt(i);
    const before = line.charCodeAt(i - 1);
    const glued = isUpperCode(code) && isLowerCode(before);
    const spaced = isLetterCode(code) && (before === 32 || before === 9);
    if (!glued && !spaced) continue;
    words++;
    if (!glued && (gluedOnly || words < 2)) continue;
    const candidate = line.slice(i, end);
    const candidateWords = headingWords(candidate);
    const first = candidateWords[0] ?? '';
    const last = candidateWords[candidateWords.length - 1] ?? '';
    if (JOINERS.has(first) || JOINERS.has(last) || !titleCased(candidate)) continue;
    // A heading run into a word written in lower case ("monthsCompany"), not a CamelCase name ("VegaSoft", "ePortfolio").
    if (glued && !/(?:^|[^\p{L}])\p{Ll}{2,}$/u.test(line.slice(Math.max(0, i - 40), i))) continue;
    if (!glued && (!LABEL_ENDINGS.has(last) || candidateWords.some((w) => JOINERS.has(w)))) continue;
    // The strict vocabulary only: "… 5 years Mobile Development Experience" is a claim, not a heading.
    if (headingKind(candidate, false) === null) continue;
    if (!glued) {
      const previous = /(\S+)\s*$/.exec(line.slice(Math.max(0, i - 30), i))?.[1] ?? '';
      if (SENTENCE_LEADS.has(previous.toLowerCase())) continue;
    }
    best = i;
  }
  return best;
}

function isUpperCode(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isLowerCode(code: number): boolean {
  return code >= 97 && code <= 122;
}
