/**
 * The job-description reader's vocabulary, as data: which headings open which section, which
 * phrasing makes an ask stronger or weaker, which lines are titles, boilerplate or company prose.
 * Every row carries examples; `test/job-description.test.ts` runs each example through the
 * reader and checks it lands where the row says, and runs the negative examples to check they
 * do not. Add a wording by adding a row (or an alternative to one) with its example.
 */
import type { Importance } from '../role/index.js';

/**
 * What a section of a posting asks: `required` and `preferred` ask the person; `responsibility`
 * describes the work (asks only by phrasing); `other` is the company, the benefits, the process.
 */
export type JdSection = 'required' | 'preferred' | 'responsibility' | 'other';

/** A heading wording and the section it opens. */
export interface HeadingRow {
  section: JdSection;
  /** Matched against the heading's label: lower-cased, curly quotes straightened, decoration and the closing colon removed. */
  pattern: RegExp;
  /** How the section is read, shown in `jd-section` diagnostics. */
  reading: string;
  /** Headings this row must read (each one as a line, with a colon, and as an inline label). */
  examples: readonly string[];
}

const ASKS_REQUIRED = 'requirements: asks are required unless phrased as a wish';
const ASKS_PREFERRED = 'nice to have: asks are preferred';
const THE_STACK = "the team's stack: preferred, as a list of what is used rather than a list of must-haves";
const THE_WORK = 'responsibilities: the work, preferred unless phrased as a demand on the person';
const NOT_ASKS = 'about the company or the process: only its listed items count, as bonus';

/**
 * Heading wordings, first match wins: the specific "About you" / "About the role" before the
 * general "About …", company and process headings before requirement words they contain
 * ("How to Assess … Skills", "Benefits & Requirements of the Role" is rare; "Skills we assess" is not).
 */
export const HEADING_ROWS: readonly HeadingRow[] = [
  {
    section: 'required',
    reading: ASKS_REQUIRED,
    pattern: /^about (?:you|yourself|the (?:ideal )?candidate)\b/,
    examples: ['About you', 'About the candidate'],
  },
  {
    section: 'responsibility',
    reading: THE_WORK,
    pattern: /^about (?:the|this|your) (?:role|position|job|opportunity)\b/,
    examples: ['About the role', 'About this position', 'About the job'],
  },
  {
    section: 'other',
    reading: NOT_ASKS,
    pattern:
      /\bassess|\bevaluat|\binterview|\bhow to\b|\breport(?:s|ing)? to\b|^about\b|\bbenefits\b|\bperks\b|\bwhy (?:join|work)\b|\bsimilar\b|\breasons to\b|\bin it for you\b|\bwhat we offer\b|\bwe offer\b|\bcompensation\b|\bsalary\b|\bequal (?:employment )?opportunity\b|\bright to work\b|\bpartners\b|\bour (?:company|story|mission|culture|values|team|office)\b|\bwho we are\b|\blife at\b|^(?:the |our )?(?:team|company)(?: overview| description| info(?:rmation)?| profile)?$|\bwhat you(?:'ll| will) (?:learn|get)\b/,
    examples: [
      'About us',
      'About Acme',
      'Benefits',
      'Perks',
      'What we offer',
      'Why join us',
      'Our culture',
      'Who we are',
      'How to apply',
      'Compensation',
      'How to Assess Back-End Developer Skills Effectively?',
      'Equal Opportunity Employer',
    ],
  },
  {
    section: 'preferred',
    reading: ASKS_PREFERRED,
    pattern:
      /\b(?:nice|good|great)[ -]to[ -]haves?\b|\bpreferred\b|\bpreferably\b|\bbonus\b|\bpluses\b|\bplus points?\b|\bit'?s a plus\b|\bdesirable\b|\bdesired\b|\boptional\b|\bnot required\b|\bextra credit\b|\bbrownie points\b|\beven better\b|\bwould be nice\b|\badvantageous\b|\bnot essential\b/,
    examples: [
      'Nice to have',
      'Nice-to-haves',
      'Good to have',
      'Bonus points',
      'Bonus',
      'Preferred qualifications',
      'Preferred skills',
      'Desirable',
      'Desired Skills',
      'Pluses',
      'Additional Experience (Not Required)',
      'Even better if you have',
    ],
  },
  {
    section: 'preferred',
    reading: THE_STACK,
    pattern:
      /\b(?:tech(?:nical|nology)?|our|the) stack\b|\bstack we use\b|^stack\b|^technolog(?:y|ies)\b|\btechnolog(?:y|ies) (?:we use|used)\b|\btools (?:and|&) technologies\b|\btools we use\b|^tools\b|\bour tools\b|\b(?:technical|tech|our) environment\b/,
    examples: [
      'Tech stack',
      'Our stack',
      'Our tech stack',
      'Technology stack',
      'Technologies we use',
      'Tools & technologies',
    ],
  },
  {
    section: 'required',
    reading: ASKS_REQUIRED,
    pattern:
      /\brequirements?\b|\brequired\b|\bqualifications?\b|\bmust[ -]haves?\b|\bskills\b|\bskill ?set\b|\bwhat you(?:'ll| will)? (?:need|bring)\b|\bwhat we(?:'re| are) looking for\b|\bwho you are\b|^you(?: have| are| bring|'ll have| will have)?$|\bideal candidate\b|\bexperience\b|\bcompetenc|\byour (?:profile|background)\b|^(?:candidate )?profile$|\bknowledge\b/,
    examples: [
      'Requirements',
      'Qualifications',
      'Must have',
      'Must-haves',
      'Skills',
      "What you'll need",
      'What You Need for This Role',
      'You have',
      'You are',
      'Ideal candidate',
      'Who you are',
      "What we're looking for",
      'Requirements & Skills',
      'Minimum Qualifications',
      'Experience',
    ],
  },
  {
    section: 'responsibility',
    reading: THE_WORK,
    pattern:
      /\bresponsibilit|\bduties\b|\bwhat you(?:'ll| will) (?:be doing|do|work on|build)\b|\bthe role\b|\byour role\b|^role\b|^(?:the )?position\b|\bday[ -]to[ -]day\b|\bkey tasks\b|\byour (?:mission|impact|job)\b|\bin this role\b|^(?:job |role |position )?(?:description|summary|overview)$|^the (?:job|opportunity)$|\btasks\b/,
    examples: [
      'Responsibilities',
      'Roles & Responsibilities',
      "What you'll do",
      'What You Will Be Doing',
      'Position',
      'Your role',
      'The role',
      'Duties',
      'Job description',
      'Day-to-day',
    ],
  },
];

/** Lines that look like headings (short, no closing punctuation) but are list items or prose, never headings. */
export const NOT_HEADING_EXAMPLES: readonly string[] = [
  'Strong communication skills',
  'Excellent problem-solving skills',
  'Experience with Kafka',
  'Python, SQL, Docker',
  'Must have a DoD certification',
  'Knowledge of REST APIs',
  '5+ years of Java',
  'You will build APIs in Go',
];

/** A label whose content is the job's title ("Job Title: Backend Engineer"), not a section. */
export const TITLE_LABEL = /^(?:job title|title|position|position title|role|role title|job|vacancy|opening)$/;
/** Examples of title labels, read by the table test. */
export const TITLE_LABEL_EXAMPLES: readonly string[] = [
  'Job Title: Senior Backend Engineer',
  'Position: Python Developer',
  'Role: Data Engineer',
];

/** Words a job title holds; a first line holding one is a title even when it names a technology ("Senior Java Developer"). */
export const TITLE_WORD =
  /\b(?:engineers?|developers?|programmers?|architects?|managers?|analysts?|scientists?|designers?|administrators?|admin|consultants?|leads?|specialists?|technicians?|officers?|directors?|interns?|internship|head of|vp|coordinators?|testers?|owners?|experts?|associates?|assistants?|executives?|representatives?|writers?|researchers?|strategists?|operators?|cto|cio|ciso|principal|staff|senior|junior|sr|jr|trainee|apprentice|graduate|contractors?|freelancers?|job description|job posting|vacancy|opening)\b/i;
/** First lines that are titles, and first lines that are not (a labelled list, a heading, a technology). */
export const TITLE_EXAMPLES: readonly { line: string; title: string | null }[] = [
  { line: 'Senior Java Developer', title: 'Senior Java Developer' },
  { line: 'Python Developer – Job Description', title: 'Python Developer' },
  { line: '# Staff Platform Engineer', title: 'Staff Platform Engineer' },
  { line: 'Acme Careers', title: 'Acme Careers' },
  { line: 'Requirements: Python, SQL, Docker', title: null },
  { line: 'What You Need for This Role', title: null },
  { line: 'Kafka', title: null },
  { line: 'Experience with React and Redux', title: null },
  { line: 'We build payment APIs in Go on PostgreSQL.', title: null },
];
/** Words after a title that name the document, not the job: "Back End Developer Job Description". */
export const TITLE_SUFFIX =
  /\s*[-–—:|]?\s*(?:job description|job posting|job advert|job ad|vacancy|template)(?:\s+template)?\s*$/i;

/** A phrasing that moves an ask within a requirements or responsibilities section. */
export interface PhraseRow {
  importance: Exclude<Importance, 'bonus'>;
  pattern: RegExp;
  /** A clause this phrasing must move to `importance`. */
  example: string;
}

/** Phrasing of a demand on the person (rule 2): `required`. Checked after the weaker phrasings. */
export const REQUIRED_PHRASES: readonly PhraseRow[] = [
  { importance: 'required', pattern: /\bmust[ -]have\b/i, example: 'Must have PostgreSQL' },
  { importance: 'required', pattern: /\bmust\b/i, example: 'You must know PostgreSQL' },
  { importance: 'required', pattern: /\brequired\b/i, example: 'PostgreSQL is required' },
  {
    importance: 'required',
    pattern: /\bstrong (?:proficiency|knowledge|experience|command|background|skills?)\b/i,
    example: 'Strong experience with PostgreSQL',
  },
  { importance: 'required', pattern: /\bproficien(?:t|cy)\b/i, example: 'Proficient in PostgreSQL' },
  { importance: 'required', pattern: /\bexpert(?:ise)?\b/i, example: 'Expertise in PostgreSQL' },
  { importance: 'required', pattern: /\bsolid\b/i, example: 'Solid PostgreSQL background' },
  {
    importance: 'required',
    pattern: /\bin-depth\b|\bdeep (?:knowledge|understanding|experience)\b/i,
    example: 'Deep knowledge of PostgreSQL',
  },
  { importance: 'required', pattern: /\bhands-on\b/i, example: 'Hands-on PostgreSQL experience' },
  { importance: 'required', pattern: /\bessential\b|\bmandatory\b/i, example: 'PostgreSQL is essential' },
];

/** Phrasing of a wish (rule 2): `preferred`, even under "Requirements". */
export const PREFERRED_PHRASES: readonly PhraseRow[] = [
  {
    importance: 'preferred',
    pattern: /\boptional\b|\bnot required\b|\bnot essential\b|\bsecondary\b/i,
    example: 'PostgreSQL (optional)',
  },
  { importance: 'preferred', pattern: /\bfamiliar(?:ity)?\b|\bawareness\b/i, example: 'Familiarity with PostgreSQL' },
  { importance: 'preferred', pattern: /\b(?:nice|good)[ -]to[ -]have\b/i, example: 'PostgreSQL is nice to have' },
  { importance: 'preferred', pattern: /\bplus\b|\bbonus\b|\badvantage(?:ous)?\b/i, example: 'PostgreSQL is a plus' },
  { importance: 'preferred', pattern: /\bpreferred\b|\bpreferably\b|\bideally\b/i, example: 'PostgreSQL preferred' },
  { importance: 'preferred', pattern: /\bdesirable\b|\bdesired\b/i, example: 'PostgreSQL desirable' },
  { importance: 'preferred', pattern: /\bexposure to\b/i, example: 'Exposure to PostgreSQL' },
];

function union(rows: readonly PhraseRow[]): RegExp {
  return new RegExp(rows.map((row) => row.pattern.source).join('|'), 'i');
}

/** Any phrasing of a demand (the rows above as one pattern). */
export const REQUIRED_PHRASE = union(REQUIRED_PHRASES);
/** Any phrasing of a wish. */
export const PREFERRED_PHRASE = union(PREFERRED_PHRASES);

/** A list marker at the start of a line. */
export const BULLET = /^\s*(?:[-*•●◦▪▫‣∙·–—]|\d{1,2}[.)]|[a-z][.)])\s+/i;

/** Inline labels that open the advert's body in scraped postings ("Job Description: Employer works on…"). */
export const INLINE_RESPONSIBILITY_LABEL =
  /^(?:job description|detailed info(?:rmation)?|primary purpose|position summary|(?:job |role )?overview|summary|the position|description)$/;

/**
 * Colon-less headings job boards print before a " - " list or a capitalised item, inside a line
 * ("Must have - Strong…", "What You Will Be Doing We emphasize…"). Case-sensitive on purpose: "must
 * have a DoD certification" is a demand, not a heading; only Title Case or capitals read as headings.
 */
export const BARE_HEADING =
  /(?<![\w'’])(Must[ -][Hh]aves?|MUST[ -]HAVES?|Nice[ -][Tt]o[ -][Hh]aves?|NICE[ -]TO[ -]HAVES?|What [Yy]ou [Nn]eed(?: for [Tt]his (?:[Pp]osition|[Rr]ole))?|What [Yy]ou(?:'ll|’ll| [Ww]ill) (?:[Bb]e [Dd]oing|[Dd]o|[Bb]ring|[Nn]eed)|Preferred Qualifications|PREFERRED QUALIFICATIONS|Bonus Points|BONUS POINTS|Tech Stack|TECH STACK|Our Stack|Top [Rr]easons to [Ww]ork (?:[Ww]ith|[Ff]or) [Uu]s|What(?:'s|’s| [Ii]s) [Ii]n [Ii]t [Ff]or [Yy]ou|Why [Jj]oin [Uu]s|Benefits|Perks)(?:\s*[-–—:]\s+|\s+(?=[A-Z$\d]))/g;
/** Examples of colon-less inline headings and the section each opens. */
export const BARE_HEADING_EXAMPLES: readonly { text: string; section: JdSection }[] = [
  { text: 'Great team. Must have - PostgreSQL experience', section: 'required' },
  { text: 'Great team. Nice To Haves - PostgreSQL', section: 'preferred' },
  { text: 'Great team. What You Will Be Doing Building APIs on PostgreSQL', section: 'responsibility' },
  { text: 'Great team. Tech Stack - PostgreSQL, Go', section: 'preferred' },
];

/** Boilerplate that runs to the end of an advert or to the next heading: EEO and right-to-work statements, benefits packages. */
export const BOILERPLATE =
  /\b(?:is (?:proud to be )?an? )?Equal (?:Employment )?Opportunity\b|\bAll qualified applicants\b|\bYour Right to Work\b|\bCopyright\b|\bApplicants must be authori[sz]ed\b|\bIn addition to a (?:phenomenal|great|competitive)\b|\bbenefits package\b|\bCompanies and Partners\b|\bWe are an equal\b/gi;
/** Examples of boilerplate openers, read by the table test: a skill after them is never an ask. */
export const BOILERPLATE_EXAMPLES: readonly string[] = [
  'Acme is an Equal Opportunity Employer; we consider applicants with Excel skills.',
  'All qualified applicants with Jira skills will receive consideration.',
];

/**
 * "Desired Skills:", "Additional Experience (Not Required):", "Minimum Skills and Competencies:" — a
 * Title Case label before a colon. Bounded, so a long run of capitalised words costs linear time.
 */
export const TITLE_CASE_LABEL =
  /(?<![\w'’])((?:[A-Z][\w'’/&+-]*|\([^()]{1,30}\))(?:\s+(?:[A-Z][\w'’/&+-]*|and|for|the|of|to|in|this|&|\([^()]{1,30}\))){0,8})\s*:(?:\s|$)/g;
/** A label at the start of a line or after a sentence or separator, in any case ("requirements: python, sql"). */
export const INLINE_LABEL = /(^|[.!?]\s+|(?<!\s)\s{2,}|\s[|•*-]\s)([A-Za-z][A-Za-z0-9&/,'’() -]{0,60}?)\s*:(?:\s|$)/g;
/** Words a section label starts with: "Java Preferred Qualifications:" is the label "Preferred Qualifications" after the skill Java. */
export const LABEL_OPENER =
  /^(?:minimum|basic|preferred|desired|required|additional|essential|key|nice|must|skills?|qualifications?|requirements?|responsibilities|duties|experience|about|job|detailed|primary|bonus|benefits|perks|what|who|your|technical|tech|education|optional|good|plus|pluses|core|general|position|role|summary|overview|the|our|ideal|team|company)$/i;

/**
 * A requirement item that lost its bullet: a capitalised opener after a word ("… or above Proficient
 * with MVC"). Also the openers that make a short line an item rather than a heading ("Strong communication skills").
 */
export const ITEM_OPENERS =
  'Experience|Expert|Expertise|Proficient|Proficiency|Hands[- ]on|Must|Knowledge|Familiarity|Familiar|Ability|Able|Strong|Solid|Understanding|Good|Excellent|Demonstrated|Proven|Bachelor|Master|Degree|Minimum|At least|Have|Working|Comfortable|Relevant|Design|Develop|Maintain|Create|Work|Follow|Support|Collaborate|Mentor|Build|Implement|Write|Participate|Assist|Install|Adhere|Provide|Proactive|Effective|Willing|Proof|Successful|Our|We|They|This company|The company|Everyone|Candidates|Applicants';
export const ITEM_START = new RegExp(`(?<=[A-Za-z0-9#+)\\]])\\s+(?=(?:${ITEM_OPENERS})\\b)`, 'g');
/**
 * A line opening like a list item or a sentence ("Strong communication skills", "Experience with
 * Kafka", "5+ years of Java", "Must have a DoD certification"), so never a heading or a title.
 */
export const ITEM_LINE =
  /^(?:strong|excellent|good(?![ -]to[ -]haves?)|great(?![ -]to[ -]haves?)|solid|proven|demonstrated|deep|extensive|hands[- ]on|ability|able to|understanding|knowledge of|experience (?:with|in|of|using|building|developing|designing)|familiar(?:ity)? with|proficien\w*|expert(?:ise)? (?:in|with)|\d+\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs?)|at least|minimum of|must (?:be|know|have (?:a|an|the|experience|\d))|you (?:will|should|must|can|need)|bachelor|master'?s?|degree)\b/i;

/** Company prose: what the employer does or uses, not what it asks of the candidate (rule 7). */
export const COMPANY_SUBJECT = /^\W*(?:we|we're|we’re|our|ours|they|their|this company|the company|the team|us)\b/i;
/** …unless it asks after all ("We are looking for…", "We need…"). */
export const ASKS =
  /\blooking for\b|\bseek(?:ing)?\b|\bneed\b|\brequire|\bexpect|\bwant\b|\bideal candidate\b|\byou (?:will|should|must|have)\b/i;
/** Examples of company prose: a skill in them is context, not an ask. */
export const COMPANY_EXAMPLES: readonly string[] = ['We use Kafka to stream payments.', 'Our platform runs on Kafka.'];

/** Examples introduced by a cue are alternatives (rule 8). */
export const EXAMPLE_CUE =
  /\b(?:one of|any of|such as|e\.g\.?|for example|for instance|including|includes|like|using|especially|either)\b[^,;.()]{0,30}$/i;
/** A list closed like examples ("Prometheus, Grafana, etc."). */
export const EXAMPLE_TAIL = /^\W{0,4}(?:etc\b|and so on\b|or similar\b|or equivalent\b|or other\b)/i;

/** An offer to teach rather than an ask ("you'll learn Rust", "a chance to pick up Go"): the skill is dropped. */
export const LEARN_OFFER =
  /\b(?:you(?:'ll|’ll| will)|chance to|opportunit(?:y|ies) to|we(?:'ll|’ll| will) help you|get to)\s+(?:\w+\s+){0,2}?(?:learn|pick up|get trained|be trained)\b|\bwe(?:'ll|’ll| will)? (?:teach|train) you\b/i;
/** Examples of learning offers, read by the table test. */
export const LEARN_OFFER_EXAMPLES: readonly string[] = ["Requirements\n- Java\n- You'll learn Rust on the job"];

/** "5+ years of Java", "3-5 years experience with Python", "minimum 4 years in Go"; "Java: 5+ years". */
export const YEARS = /(\d{1,2})\s*(?:\+|-\s*\d{1,2}|to\s+\d{1,2})?\s*\+?\s*(?:years?|yrs?)\b/gi;

/** Categories of practices and concepts, for taxonomies whose skills carry no `kind`: weaker must-haves than technologies. */
export const PRACTICE_CATEGORIES: ReadonlySet<string> = new Set([
  'architecture-and-practices',
  'office-and-productivity',
]);

const testers = new WeakMap<RegExp, RegExp>();

/**
 * `text.matchAll(pattern)`, after a cheap test: `matchAll` copies its pattern on every call (≈2 µs),
 * which dominates on the many short lines and clauses of a long posting, most of which hold no match.
 */
export function matchesOf(pattern: RegExp, text: string): Iterable<RegExpExecArray> {
  let tester = testers.get(pattern);
  if (tester === undefined) {
    tester = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    testers.set(pattern, tester);
  }
  return tester.test(text) ? text.matchAll(pattern) : [];
}
