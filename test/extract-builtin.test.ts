import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../src/extract/index.js';
import { builtinTaxonomy } from '../src/taxonomy/builtin.js';
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
  ['CI/CD, PL/SQL, TCP/IP, C#, .NET, ASP.NET, Objective-C, T-SQL', ['ci-cd', 'pl-sql', 'tcp-ip', 'c-sharp', 'dotnet', 'asp-net', 'objective-c', 't-sql'], ['c']],
  ['Python (Django, Flask), AWS (EC2, S3, Lambda)', ['python', 'django', 'flask', 'aws', 'amazon-ec2', 'amazon-s3', 'aws-lambda'], []],
  ['C++ (Less than 1 year), Java (Less than 1 year)', ['cpp', 'java'], ['less']],
  ['Graduated in Medical Informatics', [], ['informatica-powercenter']],
  ['Monitor, Mentor and Manage the team', [], ['mentor-graphics']],
  ['Microsoft Excel, Tally ERP 9, SAP FICO', ['microsoft-excel', 'tally'], []],
  ['Prepared the Process Improvement Plan (PIP) for the software team', [], ['pip']],
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
  ['Designation: Information Developer Organization: Matrix Advertisers, Phoenix, AZ Duration: December 2007 - December 2008 Developed promotional web software', [], ['phoenix']],
  ['EDUCATION MBA, Technology Management, University of Phoenix, 2002 BS, Business Management, University of Phoenix, 1999', [], ['phoenix']],
  ['Built realtime dashboards with Elixir and Phoenix', ['elixir', 'phoenix'], []],
  // a version list carries the product across commas and brackets
  ['Operating systems: Windows 7, XP, Vista', ['windows'], ['extreme-programming']],
  ['Operating Systems: Windows (XP/2000), UNIX', ['windows', 'unix'], ['extreme-programming']],
  ['Agile practices: Scrum, XP, Kanban', ['scrum', 'extreme-programming'], []],
  ['Microsoft Windows Win8.1/Win8/Win7/Vista/XP', ['windows'], ['extreme-programming']],
  ['Operating Systems: Microsoft Windows: 95, 98, XP, Vista', ['windows'], ['extreme-programming']],
  ['Computer Applications: Windows (Windows 2007, XP, 8, 8.1 and Windows 10), Linux', ['windows', 'linux'], ['extreme-programming']],
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
    expect(sets[0]).toEqual(expect.arrayContaining(['go', 'python', 'nodejs', 'typescript', 'postgresql', 'redis', 'kafka', 'graphql', 'grpc', 'aws', 'docker', 'kubernetes', 'terraform']));
  }, 60_000);
});
