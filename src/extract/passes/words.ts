/**
 * The word lists the ambiguity passes read: connectors, company and title words, places, and the
 * words around a name that tell the technology from the English word. Data only.
 */

/** Words that join two items of a list ("Go and Rust", "Java, Spring etc"). */
export const CONNECTOR_WORDS = new Set(['and', 'or', 'nor', 'plus', '&', 'with', 'vs', 'versus', 'including', 'like', 'e.g', 'eg', 'i.e', 'ie', 'etc']);
/** Legal-form words: a name followed by one is a company ("Oracle Corporation", "Oracle India Pvt Ltd"). */
export const COMPANY_SUFFIXES = new Set(['inc', 'corp', 'corporation', 'pvt', 'private', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'pty', 'bv']);
/** Words that follow company names but also products ("J2EE technologies", "Linux systems"): need a capital and a job line. */
export const COMPANY_WORDS = new Set(['india', 'labs', 'consulting', 'financial', 'technologies', 'infotech', 'bank', 'systems', 'solutions', 'software', 'services', 'group', 'international', 'global', 'co', 'corporate']);
/** Job-title words and the verbs of employment: a name beside one on a job line is an employer. */
export const TITLE_WORDS = new Set([
  'engineer', 'developer', 'consultant', 'analyst', 'manager', 'intern', 'internship', 'associate', 'lead', 'architect', 'administrator',
  'admin', 'specialist', 'tester', 'programmer', 'executive', 'officer', 'director', 'designer', 'trainee', 'scientist', 'head', 'vp',
  'president', 'coordinator', 'accountant', 'technician', 'worked', 'working', 'employed', 'joined', 'interned', 'contractor', 'founder',
  'member', 'sde', 'swe', 'fellow', 'partner', 'owner', 'advisor', 'representative',
]);
/** Words that make a sentence technical enough to ask `compromise` about an ambiguous noun. */
export const TECH_WORDS = new Set([
  'software', 'code', 'coding', 'coded', 'developed', 'develop', 'developing', 'development', 'developer', 'developers', 'programming',
  'program', 'programs', 'framework', 'frameworks', 'library', 'libraries', 'api', 'apis', 'backend', 'back', 'frontend', 'front', 'web',
  'app', 'apps', 'application', 'applications', 'database', 'databases', 'server', 'servers', 'deploy', 'deployed', 'deployment',
  'microservices', 'services', 'service', 'built', 'build', 'implemented', 'stack', 'language', 'languages', 'scripts', 'scripting',
  'engineer', 'engineering', 'cloud', 'platform', 'tools', 'technologies', 'technology', 'skills', 'experience', 'using', 'written',
  'wrote', 'rest', 'open', 'source', 'repository', 'module', 'modules', 'sdk', 'cli', 'tool', 'system', 'systems', 'data',
  'learning', 'learn', 'expert', 'familiar', 'proficient', 'proficiency', 'knowledge', 'exposure', 'programmer', 'engineers',
]);
/** Words before a verb: "ready to go", "we react", "will express". */
export const VERB_BEFORE = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'i', 'we', 'you', 'they', 'he', 'she', 'let', 'lets', 'don', 'didn', 'doesn', 'not', 'never', 'please', 'and/or']);
/** Words before a name: "built in React", "with Express", "using Spring". */
export const NOUN_BEFORE = new Set([
  'in', 'with', 'using', 'and', 'or', 'on', 'via', 'for', 'of', 'from', 'the', 'a', 'an', 'into', 'by', 'like', 'including', 'plus', 'use', 'used',
  'uses', 'leveraging', 'leverage', 'utilizing', 'utilising', 'written', 'wrote', 'knowledge', 'experience', 'expertise', 'proficiency', '&',
]);
/** Words after a name that make it one: "Go services", "Express middleware", "Spring beans". */
export const TECH_NOUNS_AFTER = new Set(['api', 'apis', 'sdk', 'framework', 'library', 'code', 'services', 'service', 'app', 'apps', 'application', 'applications', 'middleware', 'microservices', 'backend', 'server', 'cluster', 'clusters', 'developer', 'developers', 'engineer', 'programming', 'project', 'projects', 'modules', 'module', 'scripts', 'integration', 'integrations', 'workspaces', 'components', 'stack']);

/** US state and Canadian province codes: "Phoenix, AZ" is a city. */
export const REGION_CODES = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS',
  'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI',
  'WY', 'ON', 'QC', 'BC', 'AB', 'MB', 'NS', 'NB',
]);
/** Level words written before a name in a list ("Advanced Go, Python"). */
export const QUALIFIERS = new Set(['advanced', 'basic', 'basics', 'expert', 'proficient', 'familiar', 'strong', 'intermediate', 'beginner', 'working', 'core', 'modern', 'some']);
/** Words that open a place or institution name: "New Jersey", "University of Phoenix". */
export const PLACE_BEFORE = new Set(['new', 'san', 'santa', 'saint', 'st', 'fort', 'port', 'north', 'south', 'east', 'west']);
/** Words that make a name before or after them an institution ("University of Phoenix"). */
export const INSTITUTION_WORDS = new Set(['university', 'college', 'institute', 'school', 'academy']);
/** Words after a name that make it a street ("Spring Street", "Java Road", "Oracle Parkway"). */
export const STREET_WORDS = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'ln', 'drive', 'dr', 'boulevard', 'blvd', 'way', 'parkway', 'pkwy', 'court', 'ct',
  'place', 'pl', 'terrace', 'crescent', 'highway', 'hwy', 'nagar', 'marg', 'colony', 'layout', 'sector', 'square', 'circle',
]);
/** US state names, one word or the words of two ("Palo Alto, California", "Albany, New York"). */
export const US_STATES = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'georgia', 'hawaii', 'idaho',
  'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland', 'massachusetts', 'michigan', 'minnesota',
  'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'tennessee', 'texas', 'utah',
  'vermont', 'virginia', 'washington', 'wisconsin', 'wyoming', 'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina',
  'north dakota', 'rhode island', 'south carolina', 'south dakota', 'west virginia',
]);
/** Title words that are verbs: "worked with Kubernetes" uses the product, "worked at Oracle" names the employer. */
export const VERB_TITLES = new Set(['worked', 'working', 'employed', 'joined', 'interned']);
/** Month names and their short forms: dates after a name on a job line. */
export const MONTHS = new Set([
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept',
  'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
]);
/** Short words a Title Case name may hold ("Society for Political Methodology"). */
export const NAME_GLUE = new Set(['of', 'for', 'and', 'the', '&', 'de', 'in', 'on']);

/** Words after an ambiguous name that say it is not the technology ("Spring semester", "Go live"). */
export const NON_TECH_FOLLOWERS = new Set(['semester', 'term', 'break', 'season', 'festival', 'quarter', 'session', 'intake', 'batch', 'live', 'ahead', 'beyond', 'back']);
/** Connectors of several words that join two items like "and" does ("R together with SQL"). */
export const PHRASE_CONNECTORS = [['together', 'with'], ['along', 'with'], ['as', 'well', 'as']];
