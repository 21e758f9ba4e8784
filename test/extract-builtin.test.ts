import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../src/extract/index.js';
import { builtinTaxonomy } from '../src/taxonomy/builtin.js';
import { normaliseAlias } from '../src/taxonomy/tokenize.js';
import type { SkillProfile } from '../src/types.js';

// The examples against the shipped taxonomy: the data's ambiguity markings and the engine together.
const extractor = createExtractor(builtinTaxonomy());
const run = (text: string): SkillProfile => extractor.extract(text, { asOf: '2026-11' });
const ids = (text: string): string[] => run(text).skills.map((s) => s.id);

const CASES: [string, string[], string[]][] = [
  ['I am ready to go the extra mile.', [], ['go']],
  ['Languages: Go, Rust and Python', ['go', 'rust', 'python'], []],
  ['Express delivery of parcels.', [], ['express']],
  ['REST services on Node.js/Express', ['nodejs', 'express'], []],
  ['Spring 2019 internship', [], ['spring-framework']],
  ['Java, Spring, Hibernate', ['java', 'spring-framework', 'hibernate'], []],
  ['Our go-to-market plan', [], ['go']],
  ['We react quickly to incidents.', [], ['react']],
  ['Worked at Oracle as a Software Engineer', [], ['oracle-database']],
  ['Associate Software Engineer in Oracle India Pvt Ltd', [], ['oracle-database']],
  // A job title in an earlier sentence does not make a later "with X" an employer.
  ['Go developer. Built services in Go with PostgreSQL.', ['postgresql'], []],
  ['Languages: R, C, Python', ['r', 'c', 'python'], []],
  ['Grade C in mathematics', [], ['c']],
  [
    'CI/CD, PL/SQL, TCP/IP, C#, .NET, ASP.NET, Objective-C, T-SQL',
    ['ci-cd', 'pl-sql', 'tcp-ip', 'c-sharp', 'dotnet', 'asp-net', 'objective-c', 't-sql'],
    ['c'],
  ],
  [
    'Python (Django, Flask), AWS (EC2, S3, Lambda)',
    ['python', 'django', 'flask', 'aws', 'amazon-ec2', 'amazon-s3', 'aws-lambda'],
    [],
  ],
  ['C++ (Less than 1 year), Java (Less than 1 year)', ['cpp', 'java'], ['less']],
  ['Graduated in Medical Informatics', [], ['informatica-powercenter']],
  ['Monitor, Mentor and Manage the team', [], ['mentor-graphics']],
  ['Microsoft Excel, Tally ERP 9, SAP FICO', ['microsoft-excel', 'tally'], []],
  ['Prepared the Process Improvement Plan (PIP) for the software team', [], ['pip']],
  // An acronym followed by the words it stands for names them, unless they are technical or technologies.
  ['Assessed learning as part of LAMP (Learning Assessment Model Project) in class', [], ['lamp-stack']],
  ['Joined the SAP (Student Assistance Program) team', [], ['sap']],
  ['Built sites on LAMP (Linux, Apache, MySQL, PHP)', ['lamp-stack', 'linux', 'mysql', 'php'], []],
  ['Styled pages with CSS (Cascading Style Sheets) and SQL (Structured Query Language)', ['css', 'sql'], []],
  ['Hosted on AWS (Amazon Web Services)', ['aws'], []],
  ['Wrote PL/SQL queries to fetch data from the database', ['pl-sql'], ['fetch-api']],
  ['Mule Soft Team Lead\n\nORACLE -  Gurgaon, Haryana -\n\nOctober 2016 to Present', [], ['oracle-database']],
  ['Built the 5 Day Close Monitoring Tool for the software team', [], ['monitoring']],
  ['Act as the defect coordinator for the project', [], ['act-crm']],
  ['Skills: Act!, Salesforce CRM', ['act-crm', 'salesforce'], []],
  // A bare "API" names someone's interface; building one, or a list item, is the skill.
  ['Developed underwriting applications using ASP.NET MVC / Web API.', ['asp-net-mvc'], ['api-design']],
  ['Applied an OAuth authentication policy for API proxies', [], ['api-design']],
  ['Designed and built public APIs for partners', ['api-design'], []],
  // "kind" is English; Kind (Kubernetes in Docker) is written so, in lists or beside Kubernetes words.
  ['Looking for teammates who thrive on the job in any kind of firm', [], ['k3s']],
  ['Local clusters: Kind, minikube, Docker', ['k3s', 'docker'], []],
  // place names
  ['Lender Services, Mountain Valley Indemnity, New Jersey Skylands', [], ['jax-rs']],
  ['Jersey, Spring Boot, Hibernate', ['jax-rs', 'spring-boot', 'hibernate'], []],
  [
    'Designation: Information Developer Organization: Matrix Advertisers, Phoenix, AZ Duration: December 2007 - December 2008 Developed promotional web software',
    [],
    ['phoenix'],
  ],
  [
    'EDUCATION MBA, Technology Management, University of Phoenix, 2002 BS, Business Management, University of Phoenix, 1999',
    [],
    ['phoenix'],
  ],
  ['Built realtime dashboards with Elixir and Phoenix', ['elixir', 'phoenix'], []],
  // a version list carries the product across commas and brackets
  ['Operating systems: Windows 7, XP, Vista', ['windows'], ['extreme-programming']],
  ['Operating Systems: Windows (XP/2000), UNIX', ['windows', 'unix'], ['extreme-programming']],
  ['Agile practices: Scrum, XP, Kanban', ['scrum', 'extreme-programming'], []],
  ['Microsoft Windows Win8.1/Win8/Win7/Vista/XP', ['windows'], ['extreme-programming']],
  ['Operating Systems: Microsoft Windows: 95, 98, XP, Vista', ['windows'], ['extreme-programming']],
  [
    'Computer Applications: Windows (Windows 2007, XP, 8, 8.1 and Windows 10), Linux',
    ['windows', 'linux'],
    ['extreme-programming'],
  ],
  // proper names in Title Case are not the product
  ['Focused on the PowerKEY Conditional Access System for set-top software', [], ['microsoft-access']],
  ['Publisher Information Systems Education Journal (2011-Present)', [], ['microsoft-publisher']],
  ['Manipulating and processing data using Excel, Access and SQL', ['microsoft-excel', 'microsoft-access', 'sql'], []],
  // typos never rewrite a derived English word
  ['Awards: American Statistical Association Fellow, Python Software Foundation member', [], ['statistica']],
  ['Skills: Statistical, Python, SQL', ['python', 'sql'], ['statistica']],
  ['Skills: Kubernates, Postgress, Pythonn', ['kubernetes', 'postgresql', 'python'], []],
  ['Test Manager: Onsite / Offshore Operations: SQL, Oracle, Java', ['sql', 'java'], ['realpage']],
  // lower-case tag lines: case says nothing there
  ['java rest cloud spring design-patterns', ['java', 'rest', 'spring-framework'], []],
  ['qa testing cypress mocha.js chai', ['cypress', 'mocha', 'chai'], []],
  ['We need some rest after the release', [], ['rest']],
  // LaTeX as its makers and as plain text write it; latex the material stays out
  ['Skills: LaTeX, Python', ['latex', 'python'], []],
  ['java, Adobe Illustrator python, html, LATEX, OpenOffice, Linux', ['latex', 'linux'], []],
  ['Wore latex gloves in the lab', [], ['latex']],
  ['Development of ASP Web application connecting to MS Access database.', ['asp-classic', 'microsoft-access'], []],
  ['Wrote firmware in C and assembler for device drivers', ['c'], []],
  ['Have worked on windows and Linux platforms.', ['windows', 'linux'], []],
  ['Cleaned the windows and doors of the office', [], ['windows']],
  // flash memory is hardware, Flash in a web toolset is Adobe's
  ['Wrote NAND Flash memory drivers for the firmware team', ['embedded-systems'], ['adobe-flash']],
  ['Skills: Flash, ActionScript, Dreamweaver', ['adobe-flash', 'actionscript'], []],
  // the last word of a longer name is no list item of its own
  ['Home Working, Pension Scheme, iPhone, 30 Days Holiday', [], ['scheme']],
  ['Struts, Spring MVC, JMS Operating Systems Windows, UNIX, LINUX', ['windows', 'unix', 'linux'], []],
  ['Benefits: Home Working , Pension Scheme , iPhone , 30 Days Holiday , New Technologies', [], ['scheme']],
  ['Wrote the compiler passes in Scheme and OCaml', ['scheme', 'ocaml'], []],
  ['Languages: Advanced Go, Python, Scheme', ['go', 'python', 'scheme'], []],
  // "Unity" is no derived English noun
  ['Our games are developed using Unity so programmers need mobile experience', ['unity'], []],
];

// A product its makers spell in lower case counts in a technical sentence; the same letters elsewhere do not.
const LOWER_CASE_NAMES: [string, string[], string[]][] = [
  ['Ran code reviews for the Snowflake and dbt parts of the stack', ['dbt', 'snowflake'], []],
  ['Built the data models in dbt for the analytics team', ['dbt'], []],
  ['Therapist trained in DBT for the clinic', [], ['dbt']],
  ['HTTP routing with chi and PostgreSQL in the backend', ['go-chi', 'postgresql'], []],
  ['Installed the build dependencies with pip', ['pip'], []],
  ['Built the service with three replicas', [], ['three-js']],
  ['Cooked dinner for three friends', [], ['three-js']],
];

// Two skills side by side are two skills: no compound alias swallows the second one.
const SIDE_BY_SIDE: [string, string[], string[]][] = [
  ['Built Spring Boot microservices for payments', ['spring-boot', 'microservices'], []],
  ['Built Spring-boot microservices for payments', ['spring-boot', 'microservices'], []],
  ['Event-driven microservices with Kafka', ['event-driven-architecture', 'microservices', 'kafka'], []],
  [
    'Databases: RDS MySQL, RDS PostgreSQL, RDS SQL Server, Aurora PostgreSQL, Heroku Postgres',
    ['amazon-rds', 'mysql', 'postgresql', 'microsoft-sql-server', 'amazon-aurora', 'heroku'],
    [],
  ],
  ['Deployed the containers on ECS Fargate', ['amazon-ecs', 'aws-fargate'], []],
  ['Implemented Machine Learning Algorithms in Python', ['machine-learning', 'algorithms', 'python'], []],
  ['Built apps with Ionic Angular', ['ionic', 'angular'], []],
  ['Image pipeline in OpenCV-Python', ['opencv', 'python'], []],
  ['Frontend in jQuery AJAX', ['jquery', 'ajax'], []],
  ['Desktop UI in WPF MVVM', ['wpf', 'mvc'], []],
  ['Methodologies: Agile Scrum, Waterfall SDLC', ['agile', 'scrum', 'waterfall', 'sdlc'], []],
  ['Tools: Photoshop Lightroom', ['adobe-photoshop', 'adobe-lightroom'], []],
  ['Schematics in Cadence OrCAD', ['orcad'], ['cadence-virtuoso']],
];

// A sentence or list that a PDF wrapped over two lines keeps its context across the break; a break
// never lends context to the ordinary word ("go the extra mile", "Spring 2019", "express delivery").
const WRAPPED: [string, string[], string[]][] = [
  ['• Shipped customer-facing features using PostgreSQL\ntogether with Go', ['go', 'postgresql'], []],
  ['• Shipped customer-facing features using Go together\nwith Kafka', ['go', 'kafka'], []],
  ['• Delivered an efficient reporting workflow on Go and\ngRPC, cutting the nightly run', ['go', 'grpc'], []],
  ['• Shipped customer-facing features using R together\nwith SQL', ['r', 'sql'], []],
  ['• Shipped customer-facing features using pandas\ntogether with Python', ['pandas', 'python'], []],
  ['Languages: Python, Java, Scala, Kotlin,\nR, Go', ['r', 'go', 'scala'], []],
  ['I am always ready to go the extra mile and to\ngo the extra mile for the software team', [], ['go']],
  ['Built the payments platform with the backend team, ready to\ngo live with Python', ['python'], ['go']],
  ['Interned with the Java developers during Spring\n2019 at Acme Software', ['java'], ['spring-framework']],
  ['Developed the reporting system for the finance team in\nSpring 2019 using Java', ['java'], ['spring-framework']],
  ['Arranged express delivery for the software team and\nexpress shipping of servers', [], ['express']],
  ['Our team will react quickly to outages in the cloud and\nreact to incidents', [], ['react']],
  ['Worked with the data engineering team on the pipelines and\nGo-to-market plans', [], ['go']],
  [
    'Built billing services in Java and Kotlin for the bank\nGo live support for the release weekend',
    ['java', 'kotlin'],
    ['go'],
  ],
  [
    'Maintained the payment services written in Java and Kotlin\nSwift delivery of releases every week',
    ['java', 'kotlin'],
    ['swift'],
  ],
  ['Developed microservices in Java and Python\nR&D department lead', ['java', 'python'], ['r']],
];

// A skills line that ends with a comma goes on on the next line: its first item is no employer.
const LIST_CONTINUED: [string, string[], string[]][] = [
  [
    'EXPERIENCE\nSoftware Engineer — Acme 2019 – 2021\nSKILLS\nSystems: gRPC, Kafka, Redis, PostgreSQL, MySQL,\nDocker, Kubernetes\nEDUCATION\nMSc Informatics, University of Porto (2016)',
    ['docker', 'kubernetes', 'mysql'],
    [],
  ],
  ['Senior Developer,\nOracle - Austin, TX 2019 - 2021', [], ['oracle-database']],
];

// Precision fixes from the dotin false positives and negatives: each rule beside a case it must leave alone.
const PRECISION: [string, string[], string[]][] = [
  // a list line that starts a résumé is no employer header, even with a year on it
  ['UNIX, JIRA, , Microsoft Visual Studio 2015, Octopus', ['unix', 'jira', 'visual-studio'], []],
  ['ORACLE - Gurgaon, Haryana - October 2016 to Present', [], ['oracle-database']],
  // a product name before an institution word is the institution
  ['Completed training of OCA (9i, 10g) from Oracle University.', [], ['oracle-database']],
  ['Trained on Java, Plsql, Flexcube for 3 months from Oracle University.', ['java'], ['oracle-database']],
  ['Databases: Oracle, MySQL, PostgreSQL', ['oracle-database', 'mysql', 'postgresql'], []],
  // a name before ", <state>" is a place
  [
    'Hewlett-Packard Corporation, Palo Alto, California • Team member of the Open Enterprise Solutions group',
    [],
    ['palo-alto-firewalls'],
  ],
  ['Siemens PLM Software (UGS), Cypress, California Sr. Applications Engineer', [], ['cypress']],
  ['Retail Banking Group, Dallas, Texas and Phoenix, Arizona Southern Region Finance Manager', [], ['phoenix']],
  ['Test tools: Cypress, Selenium, Jest', ['cypress', 'selenium', 'jest'], []],
  ['Built realtime dashboards with Elixir and Phoenix, Texas team lead', ['elixir'], ['phoenix']],
  // job lines: a date after the employer; "Client:" names an organisation
  ['Staff Software Engineer, Twitter July 2012 • August 2014', [], ['twitter']],
  ['Client: Cisco Systems - San Jose', [], ['cisco-routers-switches']],
  ['Client Cisco Systems -', [], ['cisco-routers-switches']],
  ['Client: built the Angular client and the Spring Boot API', ['angular', 'spring-boot'], []],
  ['Client: React, Redux, TypeScript; Server: Node.js, Express', ['react', 'redux', 'typescript', 'nodejs'], []],
  // an acronym defined by the words before it names those words
  [
    'TECHNICAL SKILLS\n• Developed Customized screens for Container Maintenance for Port Operating System (POS)',
    [],
    ['pos-systems'],
  ],
  ['TECHNICAL SKILLS\n• Consultant for Public Sector Management (PSM) projects', [], ['scrum']],
  ['TECHNICAL SKILLS\n• SD, MM, FICO, PM, RE, POS', ['pos-systems'], []],
  ['Certifications: Professional Scrum Master (PSM)', ['scrum'], []],
  // "worked with" is no job title; a bracket after a title names the technology
  ['Backend Engineer (Go)', ['go'], []],
  ['Software Engineer with Oracle', [], ['oracle-database']],
  ['Worked at Oracle as a Software Engineer', [], ['oracle-database']],
  // R & D is research, not R
  ['Worked in the R & D department for software products', [], ['r']],
  ['Led the R&D team building Java and Python services', ['java', 'python'], ['r']],
  ['Statistics in R & Python for the data team', ['python'], []],
  // a brand before "Knowledge:" or beside its own products counts
  ['• SAP Knowledge: SAP EWM, SAP WM, SAP SD, SAP MM', ['sap', 'sap-ewm', 'sap-sd'], []],
  ['Spring 2019 internship on Spring Boot services', ['spring-boot'], ['spring-framework']],
  // typos keep their first letter
  ['Skills: Java, Python, Kingdom', ['java', 'python'], ['pingdom']],
];

describe.each([
  ['precision fixes', PRECISION],
  ['lower-case product names', LOWER_CASE_NAMES],
  ['two skills side by side', SIDE_BY_SIDE],
  ['lines wrapped mid-sentence', WRAPPED],
  ['lists continued on the next line', LIST_CONTINUED],
] as const)('extractSkills with the built-in taxonomy: %s', (_, table) => {
  it.each(table)('%s', (text, present, absent) => {
    const found = ids(text);
    for (const id of present) expect(found, `${id} in ${JSON.stringify(found)}`).toContain(id);
    for (const id of absent) expect(found).not.toContain(id);
  });
});

describe('the built-in aliases', () => {
  // Product names that hold a practice's name as part of the name: one skill, not two side by side.
  const PRODUCT_NAMES = new Set(
    ['ASP.NET Core MVC', 'Laminas MVC', 'Spring MVC', 'Spring mvc framework', 'Struts MVC', 'Jasmine BDD'].map(
      normaliseAlias,
    ),
  );

  it('never join a skill and a practice written after it into one alias ("Spring Boot Microservices")', () => {
    const taxonomy = builtinTaxonomy();
    const byKey = new Map<string, { id: string; ambiguous: boolean }[]>();
    const skills = new Map(taxonomy.skills.map((s) => [s.id, s]));
    for (const skill of taxonomy.skills) {
      if (skill.replacedBy !== undefined) continue;
      const ambiguous = new Set((skill.ambiguous?.aliases ?? []).map(normaliseAlias));
      for (const alias of [skill.name, ...skill.aliases]) {
        const key = normaliseAlias(alias);
        byKey.set(key, [...(byKey.get(key) ?? []), { id: skill.id, ambiguous: ambiguous.has(key) }]);
      }
    }
    const swallowed: string[] = [];
    for (const skill of taxonomy.skills) {
      if (skill.replacedBy !== undefined) continue;
      const implied = new Set((skill.implies ?? []).map((i) => i.id));
      for (const alias of skill.aliases) {
        const key = normaliseAlias(alias);
        if (PRODUCT_NAMES.has(key)) continue;
        const words = key.split(' ');
        for (let cut = 1; cut < words.length; cut++) {
          const head = byKey.get(words.slice(0, cut).join(' ')) ?? [];
          const tail = byKey.get(words.slice(cut).join(' ')) ?? [];
          if (!head.some((h) => h.id === skill.id)) continue;
          for (const t of tail) {
            if (
              t.ambiguous ||
              t.id === skill.id ||
              implied.has(t.id) ||
              skills.get(t.id)?.category !== 'architecture-and-practices'
            )
              continue;
            swallowed.push(`${skill.id}: "${alias}" hides ${t.id}`);
          }
        }
      }
    }
    expect(swallowed).toEqual([]);
  });
});

describe('extractSkills with the built-in taxonomy', () => {
  it.each(CASES)('%s', (text, present, absent) => {
    const found = ids(text);
    for (const id of present) expect(found, `${id} in ${JSON.stringify(found)}`).toContain(id);
    for (const id of absent) expect(found).not.toContain(id);
  });

  it('profiles the seed job description', () => {
    const seed = new URL('../../shared/seed/backend-developer-job-description.txt', import.meta.url);
    if (!existsSync(seed)) {
      console.warn('skipped: ../shared/seed is absent');
      return;
    }
    const found = ids(readFileSync(seed, 'utf8'));
    expect(found).toEqual(expect.arrayContaining(['docker', 'kubernetes', 'redis', 'graphql', 'rest']));
    expect(found.length).toBeGreaterThan(15);
  });
});

const DATA = new URL('../../shared/data/', import.meta.url);
const PDFS = new URL('resume-pdf-variety/files/', DATA);
const havePdfs = existsSync(PDFS);
if (!havePdfs) console.warn('skipping the layout-invariance test: ../shared/data/resume-pdf-variety is absent');

describe.skipIf(!havePdfs)('the same résumé in four PDF layouts', () => {
  it('yields the same skill ids', async () => {
    const { parseResume } = await import('../src/parse/index.js');
    const sets: string[][] = [];
    for (const f of ['single-column', 'two-column', 'modern-single-column', 'modern-two-column']) {
      const bytes = new Uint8Array(readFileSync(new URL(`resume-matcher_${f}.pdf`, PDFS)));
      const doc = await parseResume(bytes, { isolate: false, asOf: '2026-11' });
      sets.push(extractor.extract(doc, { asOf: '2026-11' }).skills.map((s) => s.id));
    }
    for (const s of sets) expect(s).toEqual(sets[0]);
    expect(sets[0]).toEqual(
      expect.arrayContaining([
        'go',
        'python',
        'nodejs',
        'typescript',
        'postgresql',
        'redis',
        'kafka',
        'graphql',
        'grpc',
        'aws',
        'docker',
        'kubernetes',
        'terraform',
      ]),
    );
  }, 60_000);
});

describe('extractSkills with the built-in taxonomy: mention-level precision', () => {
  const mentions = (text: string, id: string): string[] =>
    run(text)
      .skills.find((s) => s.id === id)
      ?.mentions.map((m) => m.text) ?? [];
  it('counts a bare brand on a line of its own products ("SAP Knowledge: SAP EWM")', () => {
    expect(mentions('• SAP Knowledge: SAP EWM, SAP WM, SAP SD', 'sap')).toContain('SAP');
    expect(mentions('Reported the figures to SAP every quarter', 'sap')).toEqual([]);
  });
  it('takes "never worked with Kubernetes" as a negated mention, not an employer', () => {
    const k = run('I have never worked with Kubernetes').skills.find((s) => s.id === 'kubernetes');
    expect(k?.mentions.map((m) => m.negated)).toEqual([true]);
  });
  it.each([
    ['Skills: Selenium Webdriver (4 years), C# (9 years), .NET (6 years)', 'selenium', ['Selenium Webdriver'], 4],
    ['Skills: Selenium Webdriver (4 years), C# (9 years), .NET (6 years)', 'c-sharp', ['C#'], 9],
    ['Skills: Selenium Webdriver (4 years), C# (9 years), .NET (6 years)', 'dotnet', ['.NET'], 6],
    ['Java (2 yrs), Python (18 months)', 'java', ['Java'], 2],
  ] as const)('carries no version onto a duration: %s → %s', (text, id, texts, years) => {
    const s = run(text).skills.find((x) => x.id === id);
    expect(s?.mentions.map((m) => m.text)).toEqual(texts);
    expect(s?.claimedYears).toBe(years);
  });
  it('still carries a version list ("Windows 7, XP", "Windows (XP/2000)")', () => {
    expect(mentions('Operating systems: Windows 7, XP, Vista', 'windows').length).toBeGreaterThan(1);
    expect(mentions('Operating Systems: Windows (XP/2000), UNIX', 'windows').length).toBeGreaterThan(1);
  });
});
