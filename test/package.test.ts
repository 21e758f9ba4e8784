// The published shape: what users get through the `exports` map, in both module systems.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

function exportedNames(script: string, type: 'module' | 'commonjs'): string[] {
  const out = execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out);
}

describe('package', () => {
  it('declares ESM with a CommonJS build, types and a bin', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.exports['.'].import.default).toBe('./dist/esm/index.js');
    expect(pkg.exports['.'].require.default).toBe('./dist/cjs/index.cjs');
    expect(pkg.bin.skillmatch).toBe('./bin/skillmatch.js');
    for (const target of [pkg.exports['.'].import.default, pkg.exports['.'].import.types, pkg.exports['.'].require.default]) {
      expect(existsSync(new URL(`../${target}`, import.meta.url)), `${target} is built`).toBe(true);
    }
  });

  it('exports the same names to import and require, through the exports map', () => {
    const esm = exportedNames("const m = await import('skillmatch'); console.log(JSON.stringify(Object.keys(m).sort()))", 'module');
    const cjs = exportedNames("console.log(JSON.stringify(Object.keys(require('skillmatch')).sort()))", 'commonjs');
    expect(esm.length).toBeGreaterThan(10);
    expect(cjs).toEqual(esm);
  });

  it('parses and extracts through the CommonJS build', () => {
    const script = "const sm = require('skillmatch'); sm.parseResume('Skills\\nNode.js, PostgreSQL, Docker').then((doc) => console.log(JSON.stringify(sm.extractSkills(doc).skills.map((s) => s.id))))";
    const ids = exportedNames(script, 'commonjs');
    expect(ids).toEqual(expect.arrayContaining(['docker', 'nodejs', 'postgresql']));
  });
});
