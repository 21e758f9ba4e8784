import { describe, expect, it } from 'vitest';
import { builtinTaxonomy } from '../src/taxonomy/builtin.js';
import { resolveSkill } from '../src/taxonomy/resolve.js';
import { SKILL_KINDS, type SkillKind } from '../src/taxonomy/schema.js';

/**
 * Known kinds of the shipped entries, a few per rule of `taxonomy/README.md` (*Kinds*), so an edit
 * cannot flip one silently. Borderline rows carry the rule that settled them.
 */
const KINDS: [id: string, kind: SkillKind][] = [
  // Named products, languages, libraries, services, tools.
  ['postgresql', 'technology'],
  ['java', 'technology'],
  ['jenkins', 'technology'],
  ['aws-lambda', 'technology'],
  ['aws', 'technology'],
  ['abap', 'technology'],
  ['microsoft-excel', 'technology'],
  ['jira', 'technology'],
  ['sap', 'technology'],
  ['hp-alm', 'technology'],
  ['weblogic', 'technology'],
  ['nagios', 'technology'],
  ['react-testing-library', 'technology'],
  // Named standards, protocols and formats count as technologies.
  ['rest', 'technology'],
  ['soap', 'technology'],
  ['graphql', 'technology'],
  ['oauth2', 'technology'],
  ['jwt', 'technology'],
  ['tcp-ip', 'technology'],
  ['http', 'technology'],
  ['sql', 'technology'],
  ['xml', 'technology'],
  ['uml', 'technology'],
  ['bpmn', 'technology'],
  ['hl7', 'technology'],
  ['protobuf', 'technology'],
  ['vlan', 'technology'],
  // Ways of working and disciplines.
  ['agile', 'practice'],
  ['scrum', 'practice'],
  ['tdd', 'practice'],
  ['devops', 'practice'],
  ['ci-cd', 'practice'],
  ['code-review', 'practice'],
  ['unit-testing', 'practice'],
  ['software-testing', 'practice'],
  ['performance-testing', 'practice'],
  ['seo', 'practice'],
  ['data-analysis', 'practice'],
  ['pair-programming', 'practice'],
  ['database-administration', 'practice'],
  ['performance-optimization', 'practice'],
  ['application-security', 'practice'],
  ['infrastructure-as-code', 'practice'],
  ['etl', 'practice'],
  ['software-architecture', 'practice'],
  // A regulation, a compliance framework or a certification: what a résumé claims is working to it.
  ['gdpr', 'practice'],
  ['itil', 'practice'],
  ['ccna', 'practice'],
  // Ideas, fields, generic categories.
  ['object-oriented-programming', 'concept'],
  ['data-structures', 'concept'],
  ['algorithms', 'concept'],
  ['cloud-computing', 'concept'],
  ['computer-networking', 'concept'],
  ['machine-learning', 'concept'],
  ['distributed-systems', 'concept'],
  ['big-data', 'concept'],
  ['caching', 'concept'],
  ['authentication', 'concept'],
  ['containers', 'concept'],
  ['version-control', 'concept'],
  ['web-services', 'concept'],
  ['microservices', 'concept'],
  ['crm', 'concept'],
  ['erp', 'concept'],
  ['rdbms', 'concept'],
  ['nosql', 'concept'],
  ['plc', 'concept'],
  ['rpc', 'concept'],
];

/** What people write, and the kind of the skill it means. */
const SURFACES: [surface: string, kind: SkillKind][] = [
  ['Postgres', 'technology'],
  ['RESTful APIs', 'technology'],
  ['MS Excel', 'technology'],
  ['Load testing', 'practice'],
  ['Regression testing', 'practice'],
  ['Secure coding', 'practice'],
  ['Networking', 'concept'],
  ['OOPS', 'concept'],
  ['Version control systems', 'concept'],
  ['Multithreading', 'concept'],
];

/**
 * Products that used to be aliases of a practice or concept entry (and so would have been reported as
 * one), each now a technology of its own: [surface, id].
 */
const PRODUCTS_OUT_OF_PRACTICES: [surface: string, id: string][] = [
  ['Microsoft Orleans', 'orleans'],
  ['Akka.NET', 'akka-net'],
  ['Spotify Backstage', 'backstage'],
  ['Resilience4j', 'resilience4j'],
  ['Gerrit', 'gerrit'],
  ['Open Policy Agent', 'open-policy-agent'],
  ['Kyverno', 'kyverno'],
  ['U-Boot', 'u-boot'],
  ['Ladder Logic', 'iec-61131-3'],
  ['FANUC', 'fanuc-robots'],
  ['RobotStudio', 'abb-robotstudio'],
  ['BIM 360', 'autodesk-bim-360'],
  ['Windchill', 'ptc-windchill'],
  ['Teamcenter', 'siemens-teamcenter'],
  ['ENOVIA', 'enovia'],
  ['WAI-ARIA', 'wai-aria'],
  ['LabWare LIMS', 'labware-lims'],
  ['DICOM', 'dicom'],
  ['TrackWise', 'trackwise'],
  ['UPS WorldShip', 'ups-worldship'],
  ['Oracle OTM', 'oracle-otm'],
  ['AirWatch', 'vmware-workspace-one'],
  ['NFS', 'nfs'],
  ['iSCSI', 'iscsi'],
  ['VMware NSX', 'vmware-nsx'],
  ['IPsec', 'ipsec'],
  ['OpenVPN', 'openvpn'],
  ['WireGuard', 'wireguard'],
  ['HikariCP', 'hikaricp'],
  ['PgBouncer', 'pgbouncer'],
  ['Twistlock', 'prisma-cloud'],
  ['QRadar', 'ibm-qradar'],
  ['Azure Sentinel', 'microsoft-sentinel'],
  ['ModSecurity', 'modsecurity'],
  ['axe-core', 'axe-core'],
  ['Chaos Monkey', 'chaos-monkey'],
  ['Applitools', 'applitools'],
  ['libFuzzer', 'libfuzzer'],
  ['Stryker Mutator', 'stryker-mutator'],
  ['ScalaCheck', 'scalacheck'],
];

describe('kind of the built-in entries', () => {
  const byId = new Map(builtinTaxonomy().skills.map((skill) => [skill.id, skill]));

  it.each(KINDS)('%s is a %s', (id, kind) => {
    expect(byId.get(id)?.kind).toBe(kind);
  });

  it.each(SURFACES)('%s resolves to a %s', (surface, kind) => {
    const id = resolveSkill(surface, { fuzzy: false })?.id;
    expect(id, surface).toBeDefined();
    expect(byId.get(id!)?.kind).toBe(kind);
  });

  it.each(PRODUCTS_OUT_OF_PRACTICES)('the product %s is the technology %s', (surface, id) => {
    const resolved = resolveSkill(surface, { fuzzy: false });
    expect(resolved?.id).toBe(id);
    expect(byId.get(id)?.kind).toBe('technology');
  });

  it('every entry states one of the three kinds, and each kind is used', () => {
    const counts = new Map<string, number>();
    for (const skill of byId.values()) counts.set(String(skill.kind), (counts.get(String(skill.kind)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...SKILL_KINDS].sort());
    // Most entries are named technologies; the practices and concepts are the few hundred that are not.
    expect(counts.get('practice')).toBeGreaterThan(100);
    expect(counts.get('concept')).toBeGreaterThan(100);
    expect(counts.get('technology')! / byId.size).toBeGreaterThan(0.8);
  });
});
