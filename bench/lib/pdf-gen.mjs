// Seeded résumé PDFs for the memory suites: each one different (names, companies, dates, skills and
// made-up words), so a run over thousands of them meets new vocabulary as real batches do. Written
// with pdfkit (a devDependency) into a folder the caller owns, outside the repository.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { seededRandom } from './stats.mjs';

const SKILLS = [
  'Node.js',
  'TypeScript',
  'JavaScript',
  'Python',
  'Django',
  'FastAPI',
  'Go',
  'Java',
  'Spring Boot',
  'Kotlin',
  'C#',
  '.NET',
  'Ruby on Rails',
  'PHP',
  'Laravel',
  'PostgreSQL',
  'MySQL',
  'MongoDB',
  'Redis',
  'Kafka',
  'RabbitMQ',
  'Docker',
  'Kubernetes',
  'Terraform',
  'AWS',
  'GCP',
  'Azure',
  'React',
  'Vue.js',
  'Angular',
  'GraphQL',
  'REST',
  'gRPC',
  'Elasticsearch',
  'Jenkins',
  'GitHub Actions',
  'Linux',
  'Microservices',
  'Rust',
  'Scala',
  'Spark',
  'Airflow',
  'Snowflake',
  'dbt',
  'Pandas',
  'PyTorch',
];
const VERBS = [
  'Built',
  'Designed',
  'Led',
  'Migrated',
  'Scaled',
  'Maintained',
  'Automated',
  'Shipped',
  'Refactored',
  'Owned',
];
const NOUNS = [
  'payments platform',
  'search service',
  'data pipeline',
  'billing system',
  'mobile backend',
  'analytics warehouse',
  'identity service',
  'recommendation engine',
  'internal tooling',
  'checkout flow',
];
const TITLES = [
  'Backend Engineer',
  'Senior Software Engineer',
  'Full Stack Developer',
  'Data Engineer',
  'Platform Engineer',
  'Software Developer',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'tor',
  'qua',
  'zel',
  'bri',
  'sto',
  'nex',
  'dur',
  'pha',
  'lin',
  'gor',
  'shi',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function word(random, parts = 2 + Math.floor(random() * 2)) {
  let out = '';
  for (let i = 0; i < parts; i++) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return out;
}

const cap = (text) => text[0].toUpperCase() + text.slice(1);
const pick = (random, list) => list[Math.floor(random() * list.length)];

/** The text of résumé `i`: a name, a summary, three to five dated jobs and a skills list. */
function resumeText(i) {
  const random = seededRandom(1000 + i);
  const skills = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, SKILLS)).join(', ');
  const lines = [
    [`${cap(word(random))} ${cap(word(random, 3))}`, 18],
    [`${pick(random, TITLES)} · ${word(random)}@example.com`, 10],
    ['Summary', 13],
  ];
  lines.push(
    [
      `${pick(random, TITLES)} with ${3 + Math.floor(random() * 12)} years of ${skills()}; ${word(random)} ${word(random)} enthusiast.`,
      10,
    ],
    ['Experience', 13],
  );
  let year = 2025;
  for (let j = 0, n = 3 + Math.floor(random() * 3); j < n; j++) {
    const length = 1 + Math.floor(random() * 4);
    const start = `${pick(random, MONTHS)} ${year - length}`;
    lines.push([
      `${pick(random, TITLES)}, ${cap(word(random))} ${pick(random, ['Ltd', 'Inc', 'GmbH', 'Labs'])}, ${start} – ${j === 0 ? 'Present' : `${pick(random, MONTHS)} ${year}`}`,
      11,
    ]);
    for (let k = 0; k < 3; k++)
      lines.push([`• ${pick(random, VERBS)} the ${word(random)} ${pick(random, NOUNS)} in ${skills()}.`, 10]);
    year -= length + 1;
  }
  lines.push(
    ['Skills', 13],
    [Array.from({ length: 10 }, () => pick(random, SKILLS)).join(', '), 10],
    ['Education', 13],
    [`BSc Computer Science, University of ${cap(word(random))}, ${year - 4} – ${year}`, 10],
  );
  return lines;
}

function writePdf(path, lines) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, compress: true, info: { CreationDate: new Date(0) } });
    const out = createWriteStream(path);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
    for (const [text, size] of lines)
      doc
        .font(size > 11 ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(size)
        .text(text);
    doc.end();
  });
}

/** Writes `count` different résumé PDFs into `dir` (`cv-00000.pdf`, …) and returns their paths. */
export async function generateResumePdfs(dir, count, offset = 0) {
  mkdirSync(dir, { recursive: true });
  const paths = [];
  for (let i = offset; i < offset + count; i++) {
    const path = join(dir, `cv-${String(i).padStart(5, '0')}.pdf`);
    await writePdf(path, resumeText(i));
    paths.push(path);
  }
  return paths;
}
