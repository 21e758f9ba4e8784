/**
 * The experience timeline: one entry per role, with its title, organisation, months and the text it owns.
 *
 * An entry is anchored on a header line holding a date range. Its other header lines (title, organisation,
 * location) are the short, heading-like lines right before the date line, or right after it when the section
 * writes dates first; the layout is read once per section from its first entry. An entry owns everything up to
 * the next entry. Several titles under one organisation line each keep their own dates and inherit the
 * organisation. Title and organisation are told apart by title words and organisation cues; when neither
 * settles a part, it is left out rather than guessed.
 */
import type { Diagnostic, Section, Span, TimelineEntry, YearMonth } from '../types.js';
import { monthAt, monthIndex } from '../util/month.js';
import { findDateRanges, mayHoldYear, type DateRange } from './dates.js';
import { findDuration, type Duration } from './durations.js';
import { copyUnit, emptyUnitTexts, flagByText, pushUnit, type UnitTexts } from './unit-texts.js';

/** A line, or a segment of a flattened line, trimmed. Offsets into the document text. */
export interface TextUnit {
  start: number;
  end: number;
  /** Index of the line it sits on. */
  line: number;
  /** Cut from a line that lost its line breaks to runs of spaces (see `flattened.ts`): read with its looser rules. */
  flat?: true;
}

const TITLE_WORDS = new Set([
  'engineer',
  'developer',
  'manager',
  'analyst',
  'intern',
  'internship',
  'consultant',
  'lead',
  'architect',
  'administrator',
  'admin',
  'designer',
  'scientist',
  'specialist',
  'officer',
  'accountant',
  'teacher',
  'chef',
  'director',
  'programmer',
  'technician',
  'assistant',
  'coordinator',
  'executive',
  'head',
  'president',
  'vp',
  'cto',
  'ceo',
  'cfo',
  'coo',
  'cio',
  'ciso',
  'founder',
  'cofounder',
  'co-founder',
  'owner',
  'supervisor',
  'tester',
  'trainee',
  'researcher',
  'professor',
  'lecturer',
  'instructor',
  'tutor',
  'nurse',
  'advertiser',
  'writer',
  'editor',
  'representative',
  'agent',
  'clerk',
  'cashier',
  'auditor',
  'attorney',
  'lawyer',
  'advisor',
  'adviser',
  'strategist',
  'planner',
  'operator',
  'mechanic',
  'electrician',
  'sde',
  'swe',
  'sre',
  'dba',
  'marketer',
  'recruiter',
  'fellow',
  'freelancer',
  'contractor',
  'principal',
  'partner',
  'aide',
  'counsel',
  'chief',
  'expert',
  'evangelist',
  'advocate',
  'buyer',
  'associate',
  'apprentice',
  'physician',
  'pharmacist',
  'therapist',
  'paralegal',
  'secretary',
  'receptionist',
  'bookkeeper',
  'controller',
  'treasurer',
  'economist',
  'statistician',
  'mathematician',
  'physicist',
  'chemist',
  'biologist',
  'journalist',
  'reporter',
  'photographer',
  'artist',
  'animator',
  'producer',
  'marketing',
  'salesperson',
  'salesman',
  'merchandiser',
  'waiter',
  'waitress',
  'cook',
  'driver',
  'pilot',
  'surveyor',
  'draftsman',
  'draughtsman',
  'foreman',
  'inspector',
  'estimator',
  'scheduler',
  'dispatcher',
  'librarian',
  'counselor',
  'counsellor',
  'coach',
  'trainer',
  'facilitator',
  'educator',
  'dean',
  'chairman',
  'chair',
  'member',
  'volunteer',
  'ambassador',
  'translator',
  'interpreter',
  'devops',
  'qa',
  'ux',
  'ui',
  'sdet',
  'webmaster',
  'technologist',
  'hacker',
  'engineering',
  'programmer/analyst',
  'tech',
  'stagiaire',
  'entwickler',
  'ingenieur',
  'berater',
  'leiter',
  'desarrollador',
  'ingeniero',
  'développeur',
  'ingénieur',
  'postdoc',
  'phd',
  'doctoral',
  'graduate',
  'student',
  'hr',
  'generalist',
  'steward',
  'caretaker',
  'nanny',
  'pharmacologist',
  'veterinarian',
  'dentist',
  'surgeon',
  'paramedic',
  'firefighter',
  'soldier',
  'sergeant',
  'lieutenant',
  'captain',
  'commander',
  'adjunct',
  'leader',
  'reviewer',
  'speaker',
  'mentor',
  'organizer',
  'organiser',
  'moderator',
  'maintainer',
  'contributor',
  'committer',
  'ceo/founder',
  'manager/lead',
  'officer/manager',
]);

/** Title words that, last in a name, make an organisation rather than a title ("Kansai Travel Tech", "Acme Engineering"). */
const NOT_LAST_TITLE = new Set(['tech', 'marketing', 'engineering', 'hr', 'qa', 'ux', 'ui', 'phd', 'devops']);

/** Title words that only make a title as the last word ("Engineering Manager" yes, "Engineering Ltd" no). */
const WEAK_TITLE_WORDS = new Set([
  'marketing',
  'engineering',
  'tech',
  'member',
  'graduate',
  'student',
  'phd',
  'hr',
  'qa',
  'ux',
  'ui',
  'head',
  'chief',
  'principal',
  'partner',
  'associate',
  'owner',
]);

const ORG_CUES = new Set([
  'inc',
  'ltd',
  'llc',
  'llp',
  'gmbh',
  'ag',
  'sa',
  'corp',
  'corporation',
  'co',
  'company',
  'technologies',
  'solutions',
  'systems',
  'software',
  'university',
  'college',
  'institute',
  'school',
  'bank',
  'group',
  'labs',
  'lab',
  'laboratories',
  'laboratory',
  'agency',
  'consulting',
  'consultancy',
  'services',
  'partners',
  'limited',
  'plc',
  'pvt',
  'private',
  'holdings',
  'studio',
  'studios',
  'foundation',
  'hospital',
  'clinic',
  'ministry',
  'department',
  'government',
  'council',
  'association',
  'enterprises',
  'industries',
  'international',
  'global',
  'networks',
  'media',
  'ventures',
  'capital',
  'pty',
  'bv',
  'oy',
  'ab',
  'srl',
  'sas',
  'kk',
  'gmbh.',
  'academy',
  'center',
  'centre',
  'society',
  'trust',
  'bureau',
  'authority',
  'commission',
  'office',
  'administration',
  'restaurant',
  'hotel',
  'store',
  'stores',
  'retail',
  'insurance',
  'financial',
  'pharmaceuticals',
  'motors',
  'airlines',
  'airways',
  'telecom',
  'communications',
  'electronics',
  'energy',
  'logistics',
  'digital',
  'cloud',
  'analytics',
  'health',
  'healthcare',
  'federal',
  'national',
  'city',
  'county',
  'state',
  'army',
  'navy',
  'force',
  'police',
  'infotech',
  'infosys',
  'tcs',
  'wipro',
  'accenture',
  'ibm',
  'google',
  'microsoft',
  'amazon',
  'oracle',
  'meta',
  'facebook',
  'apple',
  'deloitte',
  'cognizant',
  'capgemini',
  'sap',
  'siemens',
  'intel',
  'cisco',
  'netflix',
  'uber',
  'salesforce',
  'adobe',
  'nvidia',
  'spotify',
  'shopify',
  'stripe',
  'atlassian',
  'hcl',
  'ey',
  'kpmg',
  'pwc',
  'mckinsey',
  'startup',
  'freelance',
  'self-employed',
  'self',
  'firm',
  'llp.',
  'ngo',
  'church',
  'club',
]);

const LOCATION_WORDS = new Set([
  'remote',
  'hybrid',
  'onsite',
  'on-site',
  'india',
  'usa',
  'us',
  'uk',
  'united',
  'states',
  'kingdom',
  'germany',
  'france',
  'spain',
  'canada',
  'australia',
  'netherlands',
  'ireland',
  'china',
  'japan',
  'singapore',
  'london',
  'berlin',
  'paris',
  'munich',
  'amsterdam',
  'dublin',
  'new',
  'york',
  'san',
  'francisco',
  'seattle',
  'boston',
  'austin',
  'chicago',
  'toronto',
  'vancouver',
  'sydney',
  'melbourne',
  'bangalore',
  'bengaluru',
  'pune',
  'mumbai',
  'hyderabad',
  'chennai',
  'delhi',
  'noida',
  'gurgaon',
  'gurugram',
  'kolkata',
  'karnataka',
  'maharashtra',
  'telangana',
  'tamil',
  'nadu',
  'kerala',
  'california',
  'texas',
  'washington',
  'ny',
  'ca',
  'tx',
  'wa',
  'ma',
  'il',
  'nj',
  'fl',
  'ga',
  'nc',
  'va',
  'co',
  'az',
  'or',
  'mn',
  'pa',
  'oh',
  'mi',
  'tn',
  'wi',
  'md',
  'ut',
  'in',
  'area',
  'bay',
  'los',
  'angeles',
  'madrid',
  'barcelona',
  'zurich',
  'vienna',
  'stockholm',
  'warsaw',
  'prague',
  'lisbon',
  'tel',
  'aviv',
  'dubai',
  'tokyo',
  'hong',
  'kong',
  'sweden',
  'switzerland',
  'poland',
  'italy',
  'portugal',
  'brazil',
  'mexico',
  'uae',
  'england',
  'scotland',
  'wales',
  'europe',
  'emea',
  'apac',
  'worldwide',
  'portugal',
  'greece',
  'turkey',
  'egypt',
  'nigeria',
  'kenya',
  'pakistan',
  'bangladesh',
  'philippines',
  'vietnam',
  'indonesia',
  'malaysia',
  'argentina',
  'chile',
  'colombia',
  'peru',
  'belgium',
  'denmark',
  'norway',
  'finland',
  'austria',
  'hungary',
  'romania',
  'ukraine',
  'russia',
  'israel',
  'korea',
  'taiwan',
  'thailand',
  'zealand',
  'africa',
  'south',
  'north',
  'east',
  'west',
  'czechia',
  'slovakia',
  'croatia',
  'serbia',
  'bulgaria',
  'estonia',
  'latvia',
  'lithuania',
  'iceland',
  'luxembourg',
  'qatar',
  'saudi',
  'arabia',
  'emirates',
  'gujarat',
  'rajasthan',
  'punjab',
  'haryana',
  'bihar',
  'odisha',
  'assam',
  'ontario',
  'quebec',
  'bc',
  'alberta',
  'nsw',
  'victoria',
  'queensland',
  'bavaria',
  'ile-de-france',
  'gwalior',
  'mysore',
  'noida',
  'ahmedabad',
  'jaipur',
  'lucknow',
  'indore',
  'coimbatore',
]);

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR'.split(
    ' ',
  ),
);

const CONNECTORS_LOWER = new Set([
  'at',
  'of',
  'and',
  'in',
  'for',
  'the',
  'to',
  'with',
  'de',
  'du',
  'la',
  'le',
  'von',
  'und',
  'on',
  'a',
  'an',
  '&',
]);
/** A list bullet opens a line; Markdown emphasis ("**Backend Engineer**") does not. */
const BULLET_START = /^(?:[•●▪◦○■□►▶➢➤✓✔◆◇·⁃‣\-–—]|\*(?!\*))\s?/u;
const ORG_SUFFIXES = new Set([
  'inc',
  'inc.',
  'ltd',
  'ltd.',
  'llc',
  'llc.',
  'llp',
  'corp',
  'corp.',
  'co',
  'co.',
  'gmbh',
  'ag',
  'plc',
  'pty',
  'pvt',
  'pvt.',
  's.a.',
  'sa',
  'bv',
  'b.v.',
  'limited',
  'l.l.c.',
]);

/** Characters that end a word in {@link wordsOf}: spaces, list punctuation, brackets, quotes. */
function isWordBreak(code: number): boolean {
  switch (code) {
    case 32: // space
    case 9: // tab
    case 10:
    case 13:
    case 44: // ,
    case 59: // ;
    case 58: // :
    case 124: // |
    case 40: // (
    case 41: // )
    case 91: // [
    case 93: // ]
    case 34: // "
    case 0x201c: // “
    case 0x201d: // ”
    case 0xa0: // no-break space
      return true;
    default:
      return false;
  }
}

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000)
  );
}

/** The characters of the regular expression `\s`, by code (a per-character test without a RegExp call). */
function isSpaceCode(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Words split on spaces and list punctuation; pieces without a letter or digit ("–", "•") are dropped. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  let hasWordChar = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? 32 : text.charCodeAt(i);
    if (isWordBreak(code)) {
      if (start >= 0 && hasWordChar) words.push(text.slice(start, i));
      start = -1;
      hasWordChar = false;
      continue;
    }
    if (start < 0) start = i;
    if (!hasWordChar && isWordChar(code)) hasWordChar = true;
  }
  return words;
}

/** Lower-cased, with leading punctuation and trailing punctuation other than inner dots removed ("Inc." → "inc"). */
function bare(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && !isWordChar(word.charCodeAt(start))) start++;
  while (end > start && !isWordChar(word.charCodeAt(end - 1))) end--;
  return word.slice(start, end).toLowerCase();
}

function lowercaseCount(words: string[]): number {
  let count = 0;
  for (const word of words) {
    const first = word[0] as string;
    if (first.toLowerCase() === first && first.toUpperCase() !== first && !CONNECTORS_LOWER.has(word.toLowerCase()))
      count++;
  }
  return count;
}

interface Part {
  text: string;
  start: number;
  /** Where `text` stands in the document; when markup was taken out of it, the written part around it. */
  span: Span;
  /** Which unit of the header block it came from. */
  unit: number;
  role: 'title' | 'org' | null;
  strength: number;
  location: boolean;
}

function isLocation(text: string): boolean {
  const words = wordsOf(text).map((w) => bare(w));
  if (words.length === 0) return false;
  if (words.length <= 4 && words.every((w) => LOCATION_WORDS.has(w))) return true;
  // "Porto, Portugal", "Pune, Maharashtra": a place, then a known country or region.
  const comma = text.lastIndexOf(',');
  if (comma > 0 && words.length <= 5 && !words.some((w) => ORG_CUES.has(w) || ORG_SUFFIXES.has(w))) {
    const tail = wordsOf(text.slice(comma + 1)).map((w) => bare(w));
    const head = wordsOf(text.slice(0, comma)).map((w) => bare(w));
    // A one-word head is a city ("Porto, Portugal"); a longer one is a city only if known ("New Delhi, India"),
    // otherwise an organisation with its place ("Sahyadri Fintech, Pune").
    const headIsPlace = head.length === 1 || head.every((w) => LOCATION_WORDS.has(w));
    if (headIsPlace && tail.length > 0 && tail.length <= 2 && tail.every((w) => LOCATION_WORDS.has(w))) return true;
  }
  // "Syracuse, NY", "Palo Alto, CA"
  const state = /^[\p{Lu}][\p{L}.' -]{1,40}, ?([A-Z]{2})$/u.exec(text.trim());
  return state !== null && US_STATES.has(state[1] as string);
}

const TITLE_LABEL = /^(?:designation|title|job title|role|position|post)\s*[:\-–]\s*/i;
const ORG_LABEL =
  /^(?:organi[sz]ation|company|employer|client|firm|institution)(?: name)?(?: ?#?\d{1,2})?\s*[:\-–]\s*/i;
/** A title or organisation label opening a line, bullets before it included. */
const LEADING_LABEL =
  /^[\s•●▪◦○■►▶➢➤*·\-–—]*(?:designation|title|job title|role|position|post|organi[sz]ation|company|employer|client|firm|institution)(?: name)?\s*[:\-–—]\s*/i;
/** "Working as a Support Engineer", "Have worked as an Analyst": the title is what follows. */
const WORKED_AS = /^(?:(?:i )?(?:have |has )?(?:been )?(?:work(?:ed|ing)|employed|serv(?:ed|ing)) as (?:an? |the )?)/i;
/**
 * A role told as a sentence: "1. Working as a Java Developer in Acme Infotech, Pune", "I was employed as Analyst
 * at Globex". The title runs to the first "in"/"at"/"with"/"for", the employer from there (or from the last "at")
 * to a comma.
 */
const WORKED_AS_SENTENCE =
  /^[\s•●▪◦○■►▶➢➤*·\-–—]*(?:\d{1,2}[.)]\s*)?(?:i\s+)?(?:am\s+|was\s+|have\s+been\s+|has\s+been\s+|had\s+been\s+)?(?:currently\s+)?(?:work(?:ed|ing)|employed|serv(?:ed|ing))\s+as\s+(?:an?\s+|the\s+)?/i;
const EMPLOYER_JOINER = /\s+(?:in|at|with|for)\s+/i;

function isTitleWord(word: string, strongOnly: boolean): boolean {
  // Most words hold no "/" or "-": they are looked up whole, without splitting.
  if (!word.includes('/') && !word.includes('-')) return isTitlePiece(word, strongOnly);
  return word.split(/[/-]/).some((piece) => isTitlePiece(piece, strongOnly));
}

function isTitlePiece(piece: string, strongOnly: boolean): boolean {
  return TITLE_WORDS.has(piece) && !(strongOnly && WEAK_TITLE_WORDS.has(piece));
}

function classify(text: string): { role: 'title' | 'org' | null; strength: number; location: boolean } {
  const words = wordsOf(text).map((w) => bare(w));
  if (words.length === 0) return { role: null, strength: 0, location: false };
  // "Director of Engineering", "Head of Product", "Professor of Government"
  const of = words.indexOf('of');
  if (of > 0 && words.slice(0, of).some((w) => isTitleWord(w, false)))
    return { role: 'title', strength: 2, location: false };
  const last = words[words.length - 1] as string;
  const lastPieces = last.split(/[/-]/);
  const lastIsTitle = lastPieces.some((piece) => TITLE_WORDS.has(piece) && !NOT_LAST_TITLE.has(piece));
  if (lastIsTitle && !ORG_SUFFIXES.has(last)) return { role: 'title', strength: 2, location: false };
  // "Founder / Head of Administration", "Intern – Payments"
  if (isTitleWord(words[0] as string, true) && !words.some((w) => ORG_SUFFIXES.has(w)))
    return { role: 'title', strength: 2, location: false };
  if (words.some((w) => ORG_CUES.has(w) || ORG_SUFFIXES.has(w))) return { role: 'org', strength: 2, location: false };
  if (isLocation(text)) return { role: null, strength: 0, location: true };
  if (words.some((w) => isTitleWord(w, true))) return { role: 'title', strength: 1, location: false };
  return { role: null, strength: 0, location: false };
}

const STRONG_SEPARATOR = /\s+(?:at|@|chez|bei)\s+|\s+[|•·–—-]\s+|\s*\|\s*|\t+| {3,}/g;
/** In flattened text a spaced slash parts a header too ("Intern engineer / Joobi Solutions, Ireland"). */
const FLAT_SEPARATOR = /\s+(?:at|@|chez|bei)\s+|\s+[|•·–—/-]\s+|\s*\|\s*|\t+| {3,}/g;

/** A part without the full stop that ended its line ("Freelance Android Developer."), abbreviations kept ("Acme Inc."). */
function withoutFullStop(text: string): string {
  if (!text.endsWith('.') || text.endsWith('..')) return text;
  const last = text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  if (ORG_SUFFIXES.has(last) || /^(?:\p{L}\.)+$/u.test(last) || /^(?:jr|sr|st|co|no|dept|univ|assn|bros)\.$/.test(last))
    return text;
  return text.slice(0, -1);
}

/** A part without its bracketed remarks, which name a programme or a school, not what the part is ("Teacher (School Program)"). */
function withoutRemarks(text: string): string {
  if (!text.includes('(')) return text;
  const bare = text.replace(/\s*\([^()]*\)/g, '').trim();
  return bare === '' ? text : bare;
}

/**
 * Splits one header piece into parts on the separators résumés use between title, organisation and place. A piece
 * of flattened text (`flat`) is also parted at a spaced slash, and its parts are classified without their remarks.
 */
function splitParts(text: string, base: number, unit: number, parts: Part[], flat = false): void {
  if (splitWorkedAs(text, base, unit, parts, flat)) return;
  if (splitLabelled(text, base, unit, parts, flat)) return;
  if (flat && splitTitleColon(text, base, unit, parts)) return;
  const pieces = piecesOf(text, flat);
  const kept = pieces.filter((piece) => /[\p{L}]/u.test(piece.text));
  for (const piece of kept) pushPieceParts(piece, base, unit, parts, flat);
}

/**
 * "1. Working as a Java Developer in Acme Infotech, Pune": adds the sentence's title and employer as one part
 * each, and returns true when `text` is such a sentence.
 */
function splitWorkedAs(text: string, base: number, unit: number, parts: Part[], flat: boolean): boolean {
  const sentence = WORKED_AS_SENTENCE.exec(text);
  const joiner = sentence === null ? null : EMPLOYER_JOINER.exec(text.slice(sentence[0].length));
  if (sentence === null || joiner === null) return false;
  const titleStart = sentence[0].length;
  // "Lecturer in the Department of Computing at Manipal Institute": the employer follows the last "at".
  const lastAt = text.toLowerCase().lastIndexOf(' at ');
  const orgStart = lastAt > titleStart + joiner.index ? lastAt + 4 : titleStart + joiner.index + joiner[0].length;
  const comma = text.indexOf(',', orgStart);
  const orgEnd = comma < 0 ? text.length : comma;
  pushSide(text, titleStart, titleStart + joiner.index, 'title', base, unit, parts, flat);
  pushSide(text, orgStart, orgEnd, 'org', base, unit, parts, flat);
  return true;
}

/** Adds `text` from `from` to `to` as one part (its first piece), whatever separators it holds, in role `role`. */
function pushSide(
  text: string,
  from: number,
  to: number,
  role: 'title' | 'org',
  base: number,
  unit: number,
  parts: Part[],
  flat: boolean,
): void {
  const pieces: Part[] = [];
  splitParts(text.slice(from, to), base + from, unit, pieces, flat);
  const first = pieces[0];
  if (first !== undefined) parts.push({ ...first, role, strength: 3, location: false });
}

/**
 * "company - Acme Technologies", "Designation – Java Developer": the label names the part after it, whatever
 * separators follow. Adds the parts after the label and returns true when `text` opens with one.
 */
function splitLabelled(text: string, base: number, unit: number, parts: Part[], flat: boolean): boolean {
  const label = LEADING_LABEL.exec(text);
  if (label === null || !/\p{L}/u.test(text.slice(label[0].length))) return false;
  const before = parts.length;
  splitParts(text.slice(label[0].length), base + label[0].length, unit, parts, flat);
  const first = parts[before];
  if (first !== undefined) {
    first.role = TITLE_LABEL.test(label[0].replace(/^[^\p{L}]+/u, '')) ? 'title' : 'org';
    first.strength = 3;
    first.location = false;
  }
  return true;
}

/** A stretch of a header piece between strong separators, and whether an "at" stands on either side of it. */
interface Piece {
  text: string;
  start: number;
  afterAt: boolean;
  beforeAt: boolean;
}

/** Cuts `text` at its strong separators (a spaced slash too when `flat`). */
function piecesOf(text: string, flat: boolean): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  let afterAt = false;
  const separator = flat ? FLAT_SEPARATOR : STRONG_SEPARATOR;
  separator.lastIndex = 0;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    const isAt = /^\s+(?:at|@|chez|bei)\s+$/.test(match[0]);
    pieces.push({ text: text.slice(last, match.index), start: last, afterAt, beforeAt: isAt });
    afterAt = isAt;
    last = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(last), start: last, afterAt, beforeAt: false });
  return pieces;
}

/** Cuts `text` at its commas, keeping an organisation suffix ("Acme, Inc.") with the stretch before it. */
function commaSubs(text: string): { text: string; start: number }[] {
  const subs: { text: string; start: number }[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === ',') {
      const sub = text.slice(from, i);
      const prev = subs[subs.length - 1];
      if (prev !== undefined && ORG_SUFFIXES.has(sub.trim().toLowerCase())) prev.text = text.slice(prev.start, i);
      else subs.push({ text: sub, start: from });
      from = i + 1;
    }
  }
  return subs;
}

/** Adds the parts of one piece: its comma-parted stretches, each cleaned and classified. */
function pushPieceParts(piece: Piece, base: number, unit: number, parts: Part[], flat: boolean): void {
  // "Acme Corp, Berlin", "Senior Engineer, Acme": commas part a piece too, unless the whole piece is a place.
  // In flattened text a title may run into its place ("Sr. Web Developer North Hollywood, CA"): a piece naming
  // a title is never a place as a whole.
  const commaSplit = !isLocation(cleanPart(piece.text)) || (flat && hasTitleWord(piece.text));
  const subs = commaSplit && piece.text.includes(',') ? commaSubs(piece.text) : [{ text: piece.text, start: 0 }];
  for (const sub of subs) {
    const raw = commaSplit && subs.length > 1 ? sub.text : piece.text;
    const offsetInPiece = commaSplit && subs.length > 1 ? sub.start : 0;
    const leading = raw.length - raw.replace(/^[\s,;:()[\]\-–—|/·•#*_>]+/u, '').length;
    const cleaned = flat ? withoutFullStop(cleanPart(raw)) : cleanPart(raw);
    if (!/\p{L}/u.test(cleaned)) continue;
    const labelled = raw.replace(/^[\s,;:()[\]\-–—|/·•]+/u, '');
    const found = TITLE_LABEL.test(labelled)
      ? { role: 'title' as const, strength: 3, location: false }
      : ORG_LABEL.test(labelled)
        ? { role: 'org' as const, strength: 3, location: false }
        : classify(flat ? withoutRemarks(cleaned) : cleaned);
    let role = found.role;
    let strength = found.strength;
    if (piece.afterAt && !found.location) {
      role = 'org';
      strength = 3;
    } else if (piece.beforeAt && role !== 'org') {
      role = 'title';
      strength = 3;
    }
    const from = piece.start + offsetInPiece;
    const at = raw.indexOf(cleaned);
    const span =
      at >= 0
        ? { start: base + from + at, end: base + from + at + cleaned.length }
        : { start: base + from + leading, end: base + from + raw.trimEnd().length };
    parts.push({ text: cleaned, start: base + from + leading, span, unit, role, strength, location: found.location });
  }
}

const TITLE_COLON = /^([^:]{2,60}?):\s+(?=[\p{Lu}\p{N}])/u;

/**
 * "Instructor: Robert Morris College": in flattened text a colon may part a title from its employer. Both sides
 * must say so outright (a title word; a name ending in an organisation word), so "Law Clerk: Personal Injury" and
 * "Intern: Social Media & Marketing" stay whole titles. Adds the two sides' parts and returns true when it parts the piece.
 */
function splitTitleColon(text: string, base: number, unit: number, parts: Part[]): boolean {
  const colon = TITLE_COLON.exec(text);
  if (colon === null) return false;
  const left = classify(cleanPart(colon[1] as string));
  if (left.role !== 'title' || left.strength < 2) return false;
  const right = text.slice(colon[0].length);
  const employer = wordsOf(withoutRemarks(cleanPart(right.split(/,|\s[-–—|]\s/)[0] as string))).map((word) =>
    bare(word),
  );
  const last = employer[employer.length - 1];
  if (last === undefined || employer.length > 6 || !(ORG_CUES.has(last) || ORG_SUFFIXES.has(last))) return false;
  splitParts(colon[1] as string, base, unit, parts, true);
  splitParts(right, base + colon[0].length, unit, parts, true);
  return true;
}

/** Trims separators and stray brackets, keeping brackets that pair up ("Acme (Payments)"). */
function cleanPart(raw: string): string {
  let text = raw.replace(/^[\s\u200b\ufeff,;:()[\]\-–—|/·•#*_>]+|[\s\u200b\ufeff,;:([\-–—|/·•#*_]+$/gu, '');
  // Markdown emphasis inside a part ("Senior **Backend** Engineer", "__Acme__ Inc") is markup, not text.
  if (text.includes('**') || text.includes('__')) text = text.replace(/\*\*|__/g, '').trim();
  text = text.replace(TITLE_LABEL, '').replace(ORG_LABEL, '').replace(WORKED_AS, '');
  const open = (text.match(/\(/g) ?? []).length;
  const close = (text.match(/\)/g) ?? []).length;
  if (close > open) text = text.replace(/[)\]]+$/, '');
  else if (open > close) {
    const at = text.lastIndexOf('(');
    if (at > 0) text = text.slice(0, at).replace(/[\s,;:\-–—]+$/u, '');
  }
  return text.trim();
}

interface Block {
  /** Units of the header block, in text order (the date unit among them). */
  units: TextUnit[];
  dateUnit: TextUnit;
  range: DateRange;
  /** Text of the date unit that belongs to this range (other ranges on the line excluded). */
  ownText: Span;
  /** Every range on the date unit. */
  unitRanges: DateRange[];
}

function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/**
 * The line before `start` is a list of three or more items that ends with a comma ("Built with Go,
 * PostgreSQL, MySQL,"), so the line at `start` carries on its items ("Docker, Kubernetes"); one comma
 * ("Software Engineer,") may end a header line whose organisation follows below.
 */
function continuesList(text: string, start: number): boolean {
  let end = start;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === 0 || text[end - 1] !== ',' || !text.slice(end, start).includes('\n')) return false;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  let commas = 0;
  for (let i = lineStart; i < end - 1; i++) if (text.charCodeAt(i) === 44) commas++;
  return commas >= 2;
}

/** Is a unit without dates shaped like a header line (title, organisation, place)? */
function headerish(text: string, unit: TextUnit, shaped = headerShape(textOf(text, unit))): boolean {
  return shaped && !continuesList(text, unit.start);
}

/** {@link headerish} as far as the line's own text decides it (all but the list the line above may open). */
function headerShape(value: string): boolean {
  if (value.length > 110 || BULLET_START.test(value)) return false;
  // A line opening in lower case continues a wrapped sentence ("together with Go").
  const first = value.charCodeAt(0);
  if (first >= 97 && first <= 122) return false;
  const words = wordsOf(value);
  if (words.length === 0 || words.length > 10) return false;
  // Contact lines (phone numbers, e-mail, links) that a sidebar dropped between entries.
  if (!/\p{L}.*\p{L}/u.test(value) || /\+?\d[\d ().-]{6,}\d/.test(value)) return false;
  const lastWord = bare(words[words.length - 1] as string);
  if (/[.;:!?]$/.test(value) && !ORG_SUFFIXES.has(lastWord) && !ORG_SUFFIXES.has(`${lastWord}.`)) return false;
  if (/https?:|www\.|@\S+\.\w/.test(value)) return false;
  if (commaCount(value) >= 3) return false;
  if (lowercaseCount(words) > 2) return false;
  return true;
}

function commaCount(value: string): number {
  let count = 0;
  for (let i = value.indexOf(','); i >= 0; i = value.indexOf(',', i + 1)) count++;
  return count;
}

/** Most words a flattened header unit ending in a full stop or colon may hold ("Freelance Android Developer."). */
const MAX_CLOSED_HEADER_WORDS = 12;

/**
 * {@link headerish} for a unit of flattened text, which also ends a header line in a full stop or a colon ("Trailer
 * Park, Hollywood, California.", "Project Manager:") and writes remarks in brackets ("Special Education Teacher
 * (Learning for Independence Program)"). Such a unit is a header when it names a title or an organisation
 * outright, or is a capitalised name with its place.
 */
function flatHeaderish(text: string, unit: TextUnit, value: string, shaped = headerShape(value)): boolean {
  if (headerish(text, unit, shaped)) return true;
  if (value.length > 110 || !/^[\p{Lu}\p{N}]/u.test(value) || !/[.:]$/.test(value)) return false;
  const core = withoutRemarks(value.slice(0, -1));
  const words = wordsOf(core);
  if (
    words.length === 0 ||
    words.length > MAX_CLOSED_HEADER_WORDS ||
    /[.;:!?]\s/.test(core) ||
    /https?:|www\.|@\S+\.\w/.test(core)
  )
    return false;
  const lowercase = lowercaseCount(words);
  const commas = core.split(',').length - 1;
  // A long line is a header only as a list of title, organisation and place ("Staff Engineer, Google, Mountain View.").
  if (words.length > MAX_CLOSED_HEADER_WORDS / 2 + 2 && commas < 2) return false;
  // "Acme Pty, Hobart.": an organisation and its place. A lone label ("Duties:") introduces a description.
  if (lowercase === 0 && value.endsWith('.') && commas > 0) return true;
  const found = classify(cleanPart(core.split(',')[0] as string));
  return lowercase <= 1 && found.role !== null && found.strength >= 2;
}

/** Looser than {@link headerish}: any short, unbulleted line that is not a sentence of description. */
function nearHeader(text: string, unit: TextUnit): boolean {
  const value = textOf(text, unit);
  if (value.length > 200 || BULLET_START.test(value) || /https?:|www\./.test(value)) return false;
  const words = wordsOf(value);
  return words.length > 0 && words.length <= 24 && lowercaseCount(words) <= 4;
}

/** A line that opens a job's description with a label: its dates belong to the job above, it heads nothing. */
const DESCRIPTION_LABEL =
  /^[\s•●▪◦○■►▶➢➤*·\-–—]*(?:description|job description|project description|responsibilities|roles? (?:and|&) responsibilities|duties|achievements|summary)\s*[:\-–—]/i;

/** Is a unit holding a date range shaped like an entry's header, not a sentence that mentions years? */
function dateHeader(text: string, unit: TextUnit, ranges: DateRange[]): boolean {
  const value = textOf(text, unit);
  // "description - Built REST services … Jan 2017 to Present": dates inside a job's description.
  if (DESCRIPTION_LABEL.test(value)) return false;
  let rest = '';
  let from = unit.start;
  for (const range of ranges) {
    rest += `${text.slice(from, range.span.start)} `;
    from = range.span.end;
  }
  rest += text.slice(from, unit.end);
  const words = wordsOf(rest);
  const bullet = BULLET_START.test(value);
  if (words.length > 16) return false;
  // A bullet that opens with its dates ("• July 2020 – now: Java developer, Elp") is a header; a bullet
  // sentence that mentions dates is description.
  const lead = value.length - value.replace(/^[\s•●▪◦○■□►▶➢➤✓✔◆◇*·⁃‣\-–—(]+/u, '').length;
  const datesFirst = ranges[0] !== undefined && ranges[0].span.start <= unit.start + lead;
  // "• Worked as Trainee at Beta Soft from Jan 2015 to Feb 2016": a role told as a sentence heads its entry.
  if (bullet && !datesFirst && words.length > 5 && !WORKED_AS_SENTENCE.test(value)) return false;
  if (lowercaseCount(words) > 3) return false;
  if (/https?:|www\./.test(rest)) return false;
  return true;
}

const EDUCATION_CUES =
  /\b(?:universit|college|school|academy|bachelor|master|diploma|degree|b\.?\s?sc|m\.?\s?sc|b\.?\s?tech|m\.?\s?tech|b\.?e\.|mba|ph\.?\s?d|gpa|cgpa|graduat|high school|secondary|coursework|major|minor)/i;

/** Education words beyond {@link EDUCATION_CUES} that also mark a dated line as schooling, not a role. */
const SCHOOLING_CUES = /\b(?:institut|lyceum|gymnasium|faculty|faculdade|fakult|bootcamp|honou?rs degree|course)/i;

/** Does a line hold a job-title word ("Developer", "Web-developer", "Team Lead")? Weak words ("Member", "Student") do not count. */
export function hasTitleWord(value: string): boolean {
  return hasTitleWordIn(value, true);
}

/** Does a line hold a job-title word, its words being its runs of letters; `strongOnly` leaves weak words out? */
function hasTitleWordIn(value: string, strongOnly: boolean): boolean {
  const lower = value.toLowerCase();
  // Runs of ASCII letters are the words of an ASCII line: they are sliced out directly, without a Unicode split.
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if (code >= 128) return lower.split(/[^\p{L}]+/u).some((word) => word !== '' && isTitleWord(word, strongOnly));
    const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (isTitlePiece(lower.slice(start, i), strongOnly)) return true;
      start = -1;
    }
  }
  return false;
}

/** Does a line speak of schooling (degrees, universities, courses)? */
export function isEducationText(value: string): boolean {
  return EDUCATION_CUES.test(value) || SCHOOLING_CUES.test(value);
}

/**
 * A degree, school-year or grade line ("B.E Computer Engineering", "2010-2014 B.Tech", "HSC, 2009", "CGPA 8.1"):
 * schooling, never a job, wherever it stands. Abbreviations are matched in their written case, so the words "be"
 * and "ma" do not count.
 */
const DEGREE_ABBREVIATIONS =
  /(?:^|[^\p{L}])(?:B\.? ?E|B\.? ?Tech|M\.? ?Tech|B\.? ?Sc|M\.? ?Sc|B\.? ?Com|M\.? ?Com|B\.? ?Eng|M\.? ?Eng|B\.? ?S|M\.? ?S|B\.? ?A|M\.? ?A|BBA|MBA|BCA|MCA|Ph\.? ?D|HSC|SSC|SSLC|CBSE|ICSE|PUC|G\.?P\.?A|CGPA|LLB|LLM|MBBS|B\.? ?Pharm|M\.? ?Pharm)(?![\p{L}])/u;
const DEGREE_WORDS =
  /\b(?:bachelor|masters?(?:'s)? (?:of|in|degree)|diploma|degree|graduation|post.?graduat|under.?graduat|higher secondary|senior secondary|matriculat|10th|12th|semester|coursework|thesis|dissertation)/i;
/** Certification validity ("Valid till 2021", "Validity: 2019 – 2022", "Expires Mar 2022"): a date, never a job. */
const VALIDITY = /\b(?:valid|validity|expir\w*|issued)\b/i;

/** Does a dated line speak of a degree, school years or a certificate's validity, with no job title on it? */
export function isSchoolingLine(value: string): boolean {
  return (DEGREE_ABBREVIATIONS.test(value) || DEGREE_WORDS.test(value) || VALIDITY.test(value)) && !hasTitleWord(value);
}

export interface TimelineResult {
  entries: TimelineEntry[];
  diagnostics: Diagnostic[];
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The first of `units` (in text order) for which `after` holds, by bisection: `after` is false, then true. */
function firstUnit(units: TextUnit[], after: (unit: TextUnit) => boolean): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(units[mid] as TextUnit)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The units inside `region` (units are in text order and do not overlap, so they are a run of the table's), the
 * one straddling its start clipped to it. A region that holds every unit is the table itself.
 */
function unitsIn(table: UnitTexts<TextUnit>, text: string, region: Span): UnitTexts<TextUnit> {
  const { units } = table;
  const lo = firstUnit(units, (unit) => unit.end > region.start);
  let hi = firstUnit(units, (unit) => unit.start >= region.end);
  // A unit straddling the region's end is not in it.
  if (hi > lo && (units[hi - 1] as TextUnit).end > region.end) hi--;
  if (hi <= lo) return emptyUnitTexts(table.numbering);
  const first = units[lo] as TextUnit;
  if (first.start >= region.start) {
    if (lo === 0 && hi === units.length) return table;
    return {
      units: units.slice(lo, hi),
      values: table.values.slice(lo, hi),
      ids: table.ids.slice(lo, hi),
      numbering: table.numbering,
    };
  }
  const out = emptyUnitTexts<TextUnit>(table.numbering);
  pushUnit(out, text, { ...first, start: region.start });
  for (let k = lo + 1; k < hi; k++) copyUnit(out, table, k);
  return out;
}

/** One entry in the making: where its text starts, its header block, and its dates or written length. */
interface Pending {
  blockStart: number;
  block: Block;
  /** A job known only by its length: its dates are counted back when entries are laid out. */
  duration?: Duration;
  /** A job with no dates at all: no entry, but the entry above ends where it starts. */
  undated?: true;
}

/** A region's units with what the passes need to know of each. */
interface RegionView extends UnitTexts<TextUnit> {
  text: string;
  rangesOf: DateRange[][];
  isDate: boolean[];
  isHeader: boolean[];
  /** Whether unit `k` is a labelled employer line ("company - Acme"), worked out once per text. */
  isCompany: (k: number) => boolean;
}

/** Units from which a region without a range is first checked for a written length before its units are read. */
const MANY_UNITS = 16;

/** The ranges of a unit without any, shared (most units): frozen, since nothing may add to it. */
const NO_RANGES = Object.freeze([]) as unknown as DateRange[];

/** Builds the entries of one region (an experience section, or a document without headings). */
function regionEntries(
  text: string,
  table: UnitTexts<TextUnit>,
  region: Span,
  options: Required<TimelineOptions>,
  strictEducation: boolean,
  out: TimelineEntry[],
  diagnostics: Diagnostic[],
): void {
  const texts = unitsIn(table, text, region);
  const { units: inRegion, values } = texts;
  if (inRegion.length === 0) return;
  // A line's ranges depend on its text alone: a text known to hold none (a table's "Java | 5" rows) is not read again.
  const rangeless = new Uint8Array(texts.numbering.size);
  const rangesOf: DateRange[][] = inRegion.map((unit, i) => {
    const value = values[i] as string;
    const id = texts.ids[i] as number;
    if (rangeless[id] === 1) return NO_RANGES;
    const ranges = mayHoldYear(value) ? findDateRanges(value, { asOf: options.asOf, offset: unit.start }) : NO_RANGES;
    if (ranges.length === 0 && id < rangeless.length) rangeless[id] = 1;
    return ranges;
  });
  // Every entry is dated by a range or by a written length ("Duration: 18 months"): a region with neither, such
  // as a table or a list, holds none, and its lines need no reading as headers. Looking for a length reads all the
  // region's text, which costs more than reading a few units as headers: only a region of many units is checked.
  if (inRegion.length >= MANY_UNITS && !rangesOf.some((ranges) => ranges.length > 0)) {
    const holdsLength = flagByText(texts, (value) => findDuration(value) !== null);
    if (!inRegion.some((_, i) => holdsLength(i))) return;
  }
  // A labelled employer line ("company - Acme"), read once per text by every pass below.
  const isCompany = flagByText(texts, (value) => COMPANY_LINE.test(value));
  // A section of "company - X / description - …" blocks (a job-board export): every job opens with its labelled
  // employer line, and dates anywhere in a block are that job's, so no date line heads an entry of its own.
  const companyMode = isCompany(0);
  const isDate: boolean[] = inRegion.map((unit, i) => {
    if (companyMode) return false;
    const ranges = rangesOf[i] as DateRange[];
    if (ranges.length === 0 || !dateHeader(text, unit, ranges)) return false;
    const value = values[i] as string;
    if (strictEducation && EDUCATION_CUES.test(value)) return false;
    return !isSchoolingLine(value);
  });
  // Lists and tables repeat lines: a line's shape is read once per text.
  const shaped = flagByText(texts, headerShape);
  // A labelled employer line ("company - Acme") heads its block even when written in lower case.
  const isHeader: boolean[] = inRegion.map(
    (unit, i) =>
      !isDate[i] &&
      (rangesOf[i] as DateRange[]).length === 0 &&
      ((unit.flat ? flatHeaderish(text, unit, values[i] as string, shaped(i)) : headerish(text, unit, shaped(i))) ||
        isCompany(i)),
  );
  const view: RegionView = { ...texts, text, rangesOf, isDate, isHeader, isCompany };
  const claimed = new Uint8Array(inRegion.length);
  const pending = datedBlocks(view, claimed);
  const undated = undatedHeads(view, claimed, pending, companyMode);
  if (pending.length === 0 && undated.length === 0) return;
  const all = undated.length === 0 ? pending : [...pending, ...undated].sort((a, b) => a.blockStart - b.blockStart);
  layOutEntries(text, all, region, options, out, diagnostics);
}

/** A date line's own words, its ranges cut out: "Senior Engineer, Acme" in "Senior Engineer, Acme — 2019 – 2021". */
function hasOwnWords(view: RegionView, i: number): boolean {
  const unit = view.units[i] as TextUnit;
  let rest = '';
  let from = unit.start;
  for (const range of view.rangesOf[i] as DateRange[]) {
    rest += `${view.text.slice(from, range.span.start)} `;
    from = range.span.end;
  }
  rest += view.text.slice(from, unit.end);
  return /\p{L}{2,}/u.test(rest);
}

/** Pass 1: entries anchored on header lines that hold a date range, with the header lines around them. */
function datedBlocks(view: RegionView, claimedUnits: Uint8Array): Pending[] {
  const { text, units: inRegion, rangesOf, isDate, isHeader } = view;
  const dateIndexes: number[] = [];
  isDate.forEach((flag, i) => {
    if (flag) dateIndexes.push(i);
  });
  const pending: Pending[] = [];
  if (dateIndexes.length === 0) return pending;
  const backward = headersComeFirst(view, dateIndexes);
  let claimed = -1;
  // How many header units the section's first entry writes before its dates: every entry is taken to write as many.
  let headBefore = 0;
  for (let d = 0; d < dateIndexes.length; d++) {
    const index = dateIndexes[d] as number;
    const previous = d > 0 ? (dateIndexes[d - 1] as number) : -1;
    const next = d + 1 < dateIndexes.length ? (dateIndexes[d + 1] as number) : inRegion.length;
    const dateUnit = inRegion[index] as TextUnit;
    const ranges = rangesOf[index] as DateRange[];
    const headerIndexes = headerUnitsOf(view, index, { previous, next, claimed, backward }, claimedUnits);
    if (d === 0) headBefore = headerIndexes.filter((k) => k < index).length;
    const blockUnits = [...headerIndexes.map((k) => inRegion[k] as TextUnit), dateUnit].sort(
      (a, b) => a.start - b.start,
    );
    claimedUnits[index] = 1;
    for (const k of headerIndexes) claimedUnits[k] = 1;
    const blockStart = (blockUnits[0] as TextUnit).start;
    if (ranges.length === 1) {
      const block: Block = {
        units: blockUnits,
        dateUnit,
        range: ranges[0] as DateRange,
        ownText: { start: dateUnit.start, end: dateUnit.end },
        unitRanges: ranges,
      };
      // "Title / dates / Organisation": with the header read backwards and a part missing, the line right
      // after the dates may supply it, when it is exactly the missing kind of part.
      const after = inRegion[index + 1];
      if (dateUnit.flat === true) {
        claimed = Math.max(
          claimed,
          fillAcross(view, block, { index, header: headerIndexes, previous, next, backward, headBefore }, claimedUnits),
        );
      } else if (
        backward &&
        after !== undefined &&
        index + 1 < next &&
        isHeader[index + 1] === true &&
        headerIndexes.length > 0 &&
        fillsMissingPart(text, block, after)
      ) {
        block.units = [...blockUnits, after];
        claimed = index + 1;
        claimedUnits[index + 1] = 1;
      }
      pending.push({ blockStart: (block.units[0] as TextUnit).start, block });
      continue;
    }
    // Several ranges on one line ("Partner (1979-92), Managing Partner (1987-92)"): one entry each, each
    // block holding its own range only, so reading the parts stays linear in the line's length.
    const opensWithDates = datesFirst(view, index);
    for (let r = 0; r < ranges.length; r++) {
      const range = ranges[r] as DateRange;
      let own: Span;
      if (opensWithDates)
        own = {
          start: range.span.start,
          end: r + 1 < ranges.length ? (ranges[r + 1] as DateRange).span.start : dateUnit.end,
        };
      else
        own = {
          start: r === 0 ? dateUnit.start : (ranges[r - 1] as DateRange).span.end,
          end: r + 1 < ranges.length ? range.span.end : dateUnit.end,
        };
      const units = r === 0 ? blockUnits : [dateUnit];
      pending.push({
        blockStart: r === 0 ? blockStart : own.start,
        block: { units, dateUnit, range, ownText: own, unitRanges: [range] },
      });
    }
  }
  return pending;
}

/**
 * Does the section write an entry's header lines before its date line? Read from the first date line that
 * stands alone: a header line right before it means headers come first throughout the section.
 */
function headersComeFirst(view: RegionView, dateIndexes: number[]): boolean {
  const bareAt = dateIndexes.findIndex((i) => !hasOwnWords(view, i));
  const bare = dateIndexes[Math.max(0, bareAt)] as number;
  const previousDate = bareAt > 0 ? (dateIndexes[bareAt - 1] as number) : -1;
  if (bare - 1 <= previousDate) return false;
  if (view.isHeader[bare - 1] === true) return true;
  // Flattened text: dates followed by a description have their header before them, even one a header line's
  // rules reject ("COMPANY, INC., City, ST  2005 - 2006  $55M privately held company providing …").
  const unit = view.units[bare] as TextUnit;
  const after = view.units[bare + 1];
  return (
    unit.flat === true &&
    after !== undefined &&
    view.isHeader[bare + 1] !== true &&
    (view.rangesOf[bare + 1] as DateRange[]).length === 0 &&
    !nearHeader(view.text, after) &&
    nearHeader(view.text, view.units[bare - 1] as TextUnit)
  );
}

/** Most units on the other side of the dates that may complete a flattened entry's header. */
const MAX_ACROSS_UNITS = 2;

/**
 * Flattened text writes an entry's parts in any order around its dates ("PricewaterhouseCoopers  Denver, Colorado
 * 2003-Present  Project Manager:"): a title or organisation its header lacks is taken from the units next to the
 * header, across the dates first, each a header that names the missing part outright and is not the header of the
 * entry beside it. Returns the index of the last unit taken after the dates, or -1.
 */
function fillAcross(
  view: RegionView,
  block: Block,
  at: { index: number; header: number[]; previous: number; next: number; backward: boolean; headBefore: number },
  claimedUnits: Uint8Array,
): number {
  const { text, units, isHeader } = view;
  const { index, previous, next, backward } = at;
  const first = Math.min(index, ...at.header);
  const last = Math.max(index, ...at.header);
  // Most entries have no header unit beside theirs: nothing to read then.
  const open = (k: number): boolean => k > previous && k < next && isHeader[k] === true && claimedUnits[k] !== 1;
  if (!open(first - 1) && !open(last + 1)) return -1;
  const parts = blockParts(text, block);
  // A title only guessed from a title word inside the text ("Delivering Assistant in Auto") may be bettered.
  const missing = { title: pickTitle(parts), org: undefined as Part | undefined };
  if (missing.title !== undefined && missing.title.strength < 2) missing.title = undefined;
  missing.org = pickOrg(parts, missing.title, true);
  if (missing.title !== undefined && missing.org !== undefined) return -1;
  // Read backwards, the next entry's header is the run of header units right before its dates, as long as the
  // first entry's.
  const neighbour = new Set<number>();
  if (backward && next < units.length) {
    for (let k = next - 1; k > index && neighbour.size < Math.max(1, at.headBefore) && isHeader[k] === true; k--)
      neighbour.add(k);
  }
  let taken = -1;
  for (const step of backward ? [1, -1] : [-1, 1]) {
    const stop = step > 0 ? next : previous;
    for (
      let k = step > 0 ? last + 1 : first - 1, n = 0;
      n < MAX_ACROSS_UNITS && k !== stop && k >= 0 && k < units.length;
      k += step, n++
    ) {
      if (
        claimedUnits[k] === 1 ||
        isHeader[k] !== true ||
        neighbour.has(k) ||
        !completes(text, units[k] as TextUnit, missing, k === index + 1)
      )
        break;
      block.units.push(units[k] as TextUnit);
      claimedUnits[k] = 1;
      if (step > 0) taken = k;
    }
  }
  block.units.sort((a, b) => a.start - b.start);
  return taken;
}

/**
 * Does a header unit supply the part an entry lacks? A title word anywhere makes a title of a plain header line
 * ("Chief Project Manager ICT"); right after the dates of a titled entry, a capitalised name that is not a place is
 * its employer ("Employers name - Coventry"). Records what it supplies in `missing`.
 */
function completes(
  text: string,
  unit: TextUnit,
  missing: { title: Part | undefined; org: Part | undefined },
  afterDates: boolean,
): boolean {
  const found: Part[] = [];
  splitParts(textOf(text, unit), unit.start, 0, found, true);
  const strict = headerish(text, unit);
  const titled = found.find((part) => part.role === 'title' && (part.strength >= 2 || strict));
  const employer =
    found.find((part) => part.role === 'org' && part.strength >= 2) ??
    (afterDates && missing.title !== undefined
      ? found.find((part) => part.role === null && !part.location && /^[\p{Lu}\p{N}]/u.test(part.text))
      : undefined);
  if (missing.title === undefined && titled !== undefined) missing.title = titled;
  else if (missing.org === undefined && employer !== undefined) missing.org = employer;
  else return false;
  return true;
}

/** The header lines of the date line at `index`: before it or after it, as the section's layout says. */
function headerUnitsOf(
  view: RegionView,
  index: number,
  around: { previous: number; next: number; claimed: number; backward: boolean },
  claimedUnits: Uint8Array,
): number[] {
  const { isHeader, rangesOf } = view;
  const { previous, next, claimed, backward } = around;
  const found: number[] = [];
  const ownHasWords = hasOwnWords(view, index);
  // A line that opens with its dates and names both the title and the employer ("Nov. 2008 to date: Managing
  // Partner, Nzuki & Co.") is a whole header: the lines before it end the previous entry.
  if (ownHasWords && datesFirst(view, index) && namesTitleAndEmployer(view, index)) return found;
  if (backward) {
    for (let k = index - 1; k > Math.max(previous, claimed) && found.length < 3 && isHeader[k] === true; k--)
      found.unshift(k);
    if (found.length === 0 && !ownHasWords) {
      for (let k = index + 1; k < next && found.length < 2 && isHeader[k] === true; k++) found.push(k);
    }
  } else {
    for (let k = index + 1; k < next && found.length < 3 && isHeader[k] === true; k++) found.push(k);
  }
  if (found.length === 0 && !ownHasWords) {
    // A bare date line: its neighbour is its header even when long ("2009-2011  Assistant Professor of
    // Education, School of Education, …"), as long as it is not a list item or a full paragraph.
    const order = backward ? [index - 1, index + 1] : [index + 1, index - 1];
    for (const k of order) {
      // In flattened text a neighbour the entry before took as its header is not this one's too.
      if (k <= Math.max(previous, claimed) || k >= next || (view.units[k]?.flat === true && claimedUnits[k] === 1))
        continue;
      if (nearHeader(view.text, view.units[k] as TextUnit) && (rangesOf[k] as DateRange[]).length === 0) {
        found.push(k);
        break;
      }
    }
  }
  return found;
}

/** Does the line at `index` open with its first date range (bullets and brackets aside)? */
function datesFirst(view: RegionView, index: number): boolean {
  const unit = view.units[index] as TextUnit;
  const value = textOf(view.text, unit);
  const lead = value.length - value.replace(/^[\s•●▪◦○■►▶➢➤✓✔◆*·(\-–—]+/u, '').length;
  return ((view.rangesOf[index] as DateRange[])[0] as DateRange).span.start <= unit.start + lead;
}

/** Does the date line at `index` hold, besides its dates, a title and an organisation? */
function namesTitleAndEmployer(view: RegionView, index: number): boolean {
  const unit = view.units[index] as TextUnit;
  const ranges = view.rangesOf[index] as DateRange[];
  const parts = blockParts(view.text, {
    units: [unit],
    dateUnit: unit,
    range: ranges[0] as DateRange,
    ownText: { start: unit.start, end: unit.end },
    unitRanges: ranges,
  });
  const title = pickTitle(parts);
  return title !== undefined && parts.some((part) => part.role === 'org' && part !== title);
}

/** Does the header line right after a backward-read date line supply the title or organisation its header lacks? */
function fillsMissingPart(text: string, block: Block, after: TextUnit): boolean {
  const parts = blockParts(text, block);
  const title = pickTitle(parts);
  const org = pickOrg(parts, title);
  const found = classify(cleanPart(textOf(text, after)));
  return (
    (title === undefined && found.role === 'title') ||
    (org === undefined &&
      title !== undefined &&
      (found.role === 'org' || (found.role === null && !found.location && /^[\p{Lu}\p{N}]/u.test(textOf(text, after)))))
  );
}

/** A labelled employer line that opens a job in exports and forms: "company - Acme Ltd", "Company: Acme", "Employer – Acme". */
const COMPANY_LINE = /^[\s•●▪◦○■►▶➢➤*·\-–—]*(?:company|employer|organi[sz]ation|firm)(?: name)?\s*[:\-–—]\s*\S/i;
/** Body lines searched for the dates of a job whose header holds none (a company block is searched whole). */
const BODY_LINES = 3;

/**
 * Pass 2: jobs whose header holds no date line. A labelled employer line ("company - Acme") or a header of a
 * title and an employer (two short header lines, or one holding both) that pass 1 did not take, dated by the
 * first range in the next few lines ("• … (September 2017 onwards)", "description - … Jan 2017 to Present"),
 * or failing that by a written length ("Years of Experience: 2 Years and 4 Months"). A company block takes
 * the span of every range in it. Ranges on schooling or validity lines do not date a job.
 */
function undatedHeads(view: RegionView, claimed: Uint8Array, dated: Pending[], companyMode: boolean): Pending[] {
  const { units, values } = view;
  const heads = companyMode ? companyHeads(view) : jobHeads(view, claimed);
  if (heads.length === 0) return [];
  const datedStarts = dated.map((p) => p.blockStart);
  const out: Pending[] = [];
  for (let h = 0; h < heads.length; h++) {
    const head = heads[h] as Head;
    const headUnit = units[head.first] as TextUnit;
    // The body runs to the next head or dated entry.
    const nextHead =
      h + 1 < heads.length ? (units[(heads[h + 1] as Head).first] as TextUnit).start : Number.POSITIVE_INFINITY;
    const nextDated = datedStarts[lowerBoundAfter(datedStarts, headUnit.start)] ?? Number.POSITIVE_INFINITY;
    const bodyEnd = Math.min(nextHead, nextDated);
    let k = head.last + 1;
    const body: number[] = [];
    while (k < units.length && (units[k] as TextUnit).start < bodyEnd && (head.company || body.length < BODY_LINES))
      body.push(k++);
    const headIndexes: number[] = [];
    for (let u = head.first; u <= head.last; u++) headIndexes.push(u);
    // A labelled title in a company block ("Designation - Java Developer") belongs to its header.
    for (const b of body) if (TITLE_LABEL.test((values[b] as string).trim())) headIndexes.push(b);
    // Inside a dated job, a header with only a length ("Company: Acme / Years of Experience: 2 Years", "Role:
    // Developer / Duration: 6 months") restates that job or names a project of it, not a job of its own.
    const lengthDates = dated.length === 0 || (dated[0] as Pending).blockStart > headUnit.start;
    const pending = datePending(view, headIndexes, body, head.company, lengthDates);
    if (pending !== null) out.push(pending);
    // In a section of company blocks, an undated block is still another employer's: the block above stops there.
    else if (companyMode)
      out.push({
        blockStart: headUnit.start,
        block: {
          units: [],
          dateUnit: headUnit,
          range: { start: '', end: null, span: { start: headUnit.start, end: headUnit.start } },
          ownText: { start: headUnit.start, end: headUnit.start },
          unitRanges: [],
        },
        undated: true,
      });
  }
  return out;
}

interface Head {
  first: number;
  last: number;
  /** Opened by a labelled employer line: its block runs to the next head and all its ranges date it. */
  company: boolean;
}

/** In a section of "company - X" blocks, each labelled employer line opens a job. */
function companyHeads(view: RegionView): Head[] {
  const heads: Head[] = [];
  for (let i = 0; i < view.units.length; i++) if (view.isCompany(i)) heads.push({ first: i, last: i, company: true });
  return heads;
}

/** Most lines one job's header takes: title, employer, place and their labelled restatements. */
const MAX_HEAD_LINES = 5;
const NOT_EMPLOYER_START = new Set(['and', 'or', 'the', 'of', 'in', 'with', 'for', 'to', 'a', 'an', 'on', 'at', 'by']);

/** A short line right under a title that can only be its employer, even in lower case ("oracle", "tcs"). */
function employerLine(value: string): boolean {
  if (value.length > 40 || BULLET_START.test(value) || /[.;:!?,]$|\d/.test(value)) return false;
  const words = wordsOf(value);
  return words.length > 0 && words.length <= 3 && !NOT_EMPLOYER_START.has((words[0] as string).toLowerCase());
}

/** Headers that name a job without a date line of their own: consecutive header, labelled or employer lines. */
function jobHeads(view: RegionView, claimed: Uint8Array): Head[] {
  const { text, units, isHeader, rangesOf, isCompany } = view;
  // Each unit is read as a neighbour by up to MAX_HEAD_LINES candidate heads, and lists and tables repeat their
  // lines: these verdicts depend on a line's text alone, so each is worked out once per text.
  const isLabel = flagByText(view, (line) => TITLE_LABEL.test(line.trim()));
  const isTitled = flagByText(
    view,
    (line) => hasTitleWordIn(line, false) || TITLE_LABEL.test(line.trim()) || WORKED_AS_SENTENCE.test(line),
  );
  const isEmployer = flagByText(view, employerLine);
  const open = (k: number): boolean => claimed[k] !== 1 && (rangesOf[k] as DateRange[]).length === 0;
  const heads: Head[] = [];
  for (let i = 0; i < units.length; i++) {
    if (!open(i)) continue;
    const company = isCompany(i);
    if (isHeader[i] !== true && !company) continue;
    let last = i;
    for (let k = i + 1; k < units.length && k - i < MAX_HEAD_LINES; k++) {
      const joins = open(k) && (isHeader[k] === true || isCompany(k) || isLabel(k) || (k === i + 1 && isEmployer(k)));
      if (!joins) break;
      last = k;
    }
    // A job's header names a title: without a title word or label in it, no need to read its parts.
    let titled = false;
    for (let k = i; k <= last && !titled; k++) titled = isTitled(k);
    if (company || (titled && namesJob(text, units.slice(i, last + 1)))) {
      heads.push({ first: i, last, company: company && last === i });
      i = last;
    }
  }
  return heads;
}

/** Index of the first value above `x` in a sorted array. */
function lowerBoundAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Do these header lines name a job: a title and an employer, on one line or two? */
function namesJob(text: string, headUnits: TextUnit[]): boolean {
  const parts: Part[] = [];
  for (const [u, unit] of headUnits.entries()) splitParts(textOf(text, unit), unit.start, u, parts, unit.flat);
  const title = pickTitle(parts);
  if (title === undefined || title.strength < 2) return false;
  if (pickOrg(parts, title) !== undefined) return true;
  // "Associate Software Engineer" over "oracle": a second short line, not a place, is its employer.
  return (
    headUnits.length >= 2 && parts.some((part) => part.unit !== title.unit && part.role !== 'title' && !part.location)
  );
}

/** The entry of a pass-2 head: dated by the ranges in its body, or by a written length. */
function datePending(
  view: RegionView,
  headIndexes: number[],
  body: number[],
  company: boolean,
  lengthDates: boolean,
): Pending | null {
  const { text, units, rangesOf } = view;
  const headUnit = units[headIndexes[0] as number] as TextUnit;
  const headUnits = headIndexes.map((i) => units[i] as TextUnit);
  const found: DateRange[] = [];
  let dateUnit: TextUnit | undefined;
  for (const b of body) {
    const ranges = rangesOf[b] as DateRange[];
    if (ranges.length === 0 || isSchoolingLine(textOf(text, units[b] as TextUnit))) continue;
    dateUnit ??= units[b] as TextUnit;
    found.push(...(company ? ranges : ranges.slice(0, 1)));
    if (!company) break;
  }
  if (found.length > 0) {
    const block: Block = {
      units: headUnits,
      dateUnit: dateUnit as TextUnit,
      range: envelope(found),
      ownText: { start: headUnit.start, end: headUnit.start },
      unitRanges: [],
    };
    return { blockStart: headUnit.start, block };
  }
  if (!lengthDates) return null;
  for (const b of [...headIndexes, ...body]) {
    const unit = units[b] as TextUnit;
    const duration = findDuration(textOf(text, unit), unit.start);
    if (duration === null) continue;
    const range: DateRange = { start: '', end: null, span: duration.span };
    return {
      blockStart: headUnit.start,
      block: {
        units: headUnits,
        dateUnit: unit,
        range,
        ownText: { start: headUnit.start, end: headUnit.start },
        unitRanges: [],
      },
      duration,
    };
  }
  return null;
}

/** The ranges of one job taken together: earliest start, latest end (open if any is), the first one's span. */
function envelope(ranges: DateRange[]): DateRange {
  const first = ranges[0] as DateRange;
  if (ranges.length === 1) return first;
  let start = first.start;
  let end: YearMonth | null = first.end;
  for (const range of ranges) {
    if (range.start < start) start = range.start;
    if (end !== null && (range.end === null || range.end > end)) end = range.end;
  }
  const diagnostics = ranges.flatMap((range) => range.diagnostics ?? []);
  return { start, end, span: first.span, ...(diagnostics.length > 0 ? { diagnostics } : {}) };
}

/**
 * Turns pending entries into timeline entries: spans up to the next entry, title and organisation, and for a
 * job known only by its length, dates counted back from the document's month (the first job listed) or from
 * the start of the job listed before it, when the region lists its jobs newest first.
 */
function layOutEntries(
  text: string,
  pending: Pending[],
  region: Span,
  options: Required<TimelineOptions>,
  out: TimelineEntry[],
  diagnostics: Diagnostic[],
): void {
  const starts = pending
    .filter((p) => p.duration === undefined && p.undated === undefined)
    .map((p) => p.block.range.start);
  const newestFirst = starts.every((start, i) => i === 0 || start <= (starts[i - 1] as string));
  let groupOrg: Part | undefined;
  let previousStart: number | null = null;
  let first = true;
  const regionFirst = out.length;
  for (let p = 0; p < pending.length; p++) {
    const { blockStart, block, duration, undated } = pending[p] as Pending;
    if (undated === true) {
      // Nothing is known of when it ended, so a job below it known only by its length cannot be placed.
      first = false;
      previousStart = null;
      continue;
    }
    const nextStart = p + 1 < pending.length ? (pending[p + 1] as Pending).blockStart : region.end;
    const end = trimEnd(text, blockStart, nextStart);
    let range = block.range;
    if (duration !== undefined) {
      const anchor = first
        ? monthIndex(options.documentMonth)
        : previousStart !== null && newestFirst
          ? previousStart - 1
          : null;
      if (anchor === null) continue;
      range = { start: monthAt(anchor - duration.months + 1), end: monthAt(anchor), span: duration.span };
    }
    first = false;
    previousStart = monthIndex(range.start);
    // "IT Consultant for Merrill Lynch (since 1998)" inside a job of 1997–2002: a parenthesised open range that
    // starts within the closed job above it is a stint of that job, and ended when the job did.
    const above = out.length > regionFirst ? out[out.length - 1] : undefined;
    if (
      range.end === null &&
      above !== undefined &&
      above.end !== null &&
      range.start >= above.start &&
      range.start <= above.end &&
      parenthesised(text, range.span)
    ) {
      range = { ...range, end: above.end };
    }
    const parts = blockParts(text, block);
    const title = pickTitle(parts);
    const org = pickOrg(parts, title, block.dateUnit.flat);
    // An organisation written above its title (or dated on its own line) heads a group: titles that follow
    // without an organisation of their own were held there.
    if (org !== undefined && (title === undefined ? block.units.length === 1 : org.unit < title.unit)) groupOrg = org;
    else if (org !== undefined) groupOrg = undefined;
    const entry: TimelineEntry = {
      start: range.start,
      end: range.end,
      span: { start: blockStart, end },
      dateSpan: range.span,
    };
    if (title !== undefined) {
      entry.title = title.text;
      entry.titleSpan = title.span;
    }
    const employer = org ?? (title !== undefined ? groupOrg : undefined);
    if (employer !== undefined) {
      entry.organisation = employer.text;
      entry.organisationSpan = employer.span;
    }
    if (duration !== undefined) entry.estimated = true;
    // Property order is fixed so results serialise to the same bytes.
    out.push(orderEntry(entry));
    if (range.diagnostics !== undefined) diagnostics.push(...range.diagnostics);
  }
}

/** Is a span written inside parentheses ("(since 1998)"), blanks aside? */
function parenthesised(text: string, span: Span): boolean {
  let before = span.start - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  let after = span.end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  return text[before] === '(' && text[after] === ')';
}

/** The title/organisation/place parts of an entry's header lines (its date ranges cut out). */
function blockParts(text: string, block: Block): Part[] {
  const parts: Part[] = [];
  block.units.forEach((unit, u) => {
    if (unit === block.dateUnit) {
      let from = block.ownText.start;
      const pieces: Span[] = [];
      for (const range of block.unitRanges) {
        if (range.span.end <= block.ownText.start || range.span.start >= block.ownText.end) continue;
        pieces.push({ start: from, end: Math.max(from, range.span.start) });
        from = Math.max(from, range.span.end);
      }
      pieces.push({ start: from, end: block.ownText.end });
      for (const piece of pieces)
        if (piece.end > piece.start) splitParts(textOf(text, piece), piece.start, u, parts, unit.flat);
    } else {
      splitParts(textOf(text, unit), unit.start, u, parts, unit.flat);
    }
  });
  return parts;
}

function orderEntry(entry: TimelineEntry): TimelineEntry {
  const ordered: TimelineEntry = {} as TimelineEntry;
  if (entry.title !== undefined) ordered.title = entry.title;
  if (entry.organisation !== undefined) ordered.organisation = entry.organisation;
  ordered.start = entry.start;
  ordered.end = entry.end;
  ordered.span = entry.span;
  ordered.dateSpan = entry.dateSpan;
  if (entry.titleSpan !== undefined) ordered.titleSpan = entry.titleSpan;
  if (entry.organisationSpan !== undefined) ordered.organisationSpan = entry.organisationSpan;
  if (entry.estimated !== undefined) ordered.estimated = entry.estimated;
  return ordered;
}

function pickTitle(parts: Part[]): Part | undefined {
  let best: Part | undefined;
  for (const part of parts) {
    if (part.role !== 'title') continue;
    if (best === undefined || part.strength > best.strength) best = part;
  }
  return best;
}

/**
 * The organisation among an entry's parts: the strongest one named outright, or failing that, with a title found, a
 * capitalised name beside it. In flattened text (`strict`) that name has no lower-case word at all: its header may
 * hold a stray item of the column beside it ("MARKETING MANAGER  Competitor analysis").
 */
function pickOrg(parts: Part[], title: Part | undefined, strict = false): Part | undefined {
  let best: Part | undefined;
  for (const part of parts) {
    if (part.role !== 'org' || part === title) continue;
    if (best === undefined || part.strength > best.strength) best = part;
  }
  if (best !== undefined || title === undefined) return best;
  // With a title found, the first unclassified, capitalised part that is not a place is the organisation
  // ("Senior Engineer, Acme — 2019 – Present"), looked for on the title's own line first. Anything shaped
  // like a sentence is not.
  const ordered = [
    ...parts.filter((part) => part.unit === title.unit),
    ...parts.filter((part) => part.unit !== title.unit),
  ];
  for (const part of ordered) {
    if (part === title || part.role !== null || part.location) continue;
    const words = wordsOf(part.text);
    if (words.length === 0 || words.length > 6) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(part.text)) continue;
    if (lowercaseCount(words) > (strict ? 0 : 1)) continue;
    return part;
  }
  return undefined;
}

/** Options of {@link buildTimeline}. */
export interface TimelineOptions {
  /** The month ranges and two-digit years are read against, `YYYY-MM`. */
  asOf: YearMonth;
  /**
   * The month the document was written in, `YYYY-MM`: a first-listed job known only by its length
   * ("Years of Experience: 2 Years and 4 Months") is taken to end in it.
   * @default asOf
   */
  documentMonth?: YearMonth;
}

/**
 * Reads the experience timeline of a document from its experience sections; in a document without any
 * section heading (or without an experience heading, from its untitled top), from dated header lines
 * except those about education.
 */
export function buildTimeline(
  text: string,
  table: UnitTexts<TextUnit>,
  sections: Section[],
  options: TimelineOptions,
  headed: boolean,
): TimelineResult {
  const resolved: Required<TimelineOptions> = {
    asOf: options.asOf,
    documentMonth: options.documentMonth ?? options.asOf,
  };
  const entries: TimelineEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!headed) {
    regionEntries(text, table, { start: 0, end: text.length }, resolved, true, entries, diagnostics);
    return { entries, diagnostics };
  }
  // A résumé with headings but no experience heading often lists its jobs in the untitled top: read dated
  // header lines there, as in a document without headings.
  const top = sections[0];
  if (!sections.some((section) => section.kind === 'experience') && top !== undefined && top.headingSpan === null) {
    regionEntries(text, table, top.span, resolved, true, entries, diagnostics);
    return { entries, diagnostics };
  }
  for (const section of sections) {
    if (section.kind !== 'experience') continue;
    const contentStart = section.headingSpan === null ? section.span.start : section.headingSpan.end;
    const region = { start: contentStart, end: section.span.end };
    const before = entries.length;
    regionEntries(text, table, region, resolved, false, entries, diagnostics);
    if (entries.length === before && /\S/.test(text.slice(region.start, region.end))) {
      diagnostics.push({
        severity: 'info',
        code: 'experience-without-dates',
        message: `No dated entry found in the section "${section.heading}"`,
        source: 'parse',
        span: section.span,
      });
    }
  }
  return { entries, diagnostics };
}
