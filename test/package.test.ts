// The published shape: what users get through the `exports` map, in both module systems.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

function exportedNames(script: string, type: 'module' | 'commonjs'): string[] {
  const out = execFileSync(
    process.execPath,
    [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', script],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(out);
}

describe('package', () => {
  it('declares ESM with a CommonJS build, types and a bin', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.engines.node).toBe('>=20.19');
    expect(pkg.exports['.'].import.default).toBe('./dist/esm/index.js');
    expect(pkg.exports['.'].require.default).toBe('./dist/cjs/index.cjs');
    expect(pkg.bin.skillmatch).toBe('./bin/skillmatch.js');
    for (const target of [
      pkg.exports['.'].import.default,
      pkg.exports['.'].import.types,
      pkg.exports['.'].require.default,
    ]) {
      expect(existsSync(new URL(`../${target}`, import.meta.url)), `${target} is built`).toBe(true);
    }
  });

  it('exports the same names to import and require, through the exports map', () => {
    const esm = exportedNames(
      "const m = await import('@skillmatch/core'); console.log(JSON.stringify(Object.keys(m).sort()))",
      'module',
    );
    const cjs = exportedNames(
      "console.log(JSON.stringify(Object.keys(require('@skillmatch/core')).sort()))",
      'commonjs',
    );
    expect(esm.length).toBeGreaterThan(10);
    expect(cjs).toEqual(esm);
  });

  it('exports the building blocks at @skillmatch/core/tools, the same to import and require, with types', () => {
    const esm = exportedNames(
      "const m = await import('@skillmatch/core/tools'); console.log(JSON.stringify(Object.keys(m).sort()))",
      'module',
    );
    const cjs = exportedNames(
      "console.log(JSON.stringify(Object.keys(require('@skillmatch/core/tools')).sort()))",
      'commonjs',
    );
    expect(esm).toEqual(expect.arrayContaining(['buildAliasIndex', 'findDateRanges', 'tokenize']));
    expect(cjs).toEqual(esm);
    const tools = pkg.exports['./tools'];
    for (const target of [tools.import.default, tools.import.types, tools.require.default, tools.require.types]) {
      expect(existsSync(new URL(`../${target}`, import.meta.url)), `${target} is built`).toBe(true);
    }
    const tokens = exportedNames(
      "const { tokenize } = require('@skillmatch/core/tools'); console.log(JSON.stringify(tokenize('Node.js, C#').map((t) => t.text)))",
      'commonjs',
    );
    expect(tokens).toEqual(['Node.js', 'C#']);
  });

  it('parses and extracts through the CommonJS build', () => {
    const script =
      "const sm = require('@skillmatch/core'); sm.parseResume('Skills\\nNode.js, PostgreSQL, Docker').then((doc) => console.log(JSON.stringify(sm.extractSkills(doc).skills.map((s) => s.id))))";
    const ids = exportedNames(script, 'commonjs');
    expect(ids).toEqual(expect.arrayContaining(['docker', 'nodejs', 'postgresql']));
  });

  it('leaves the built-ins as it found them after parsing PDFs in process (pdf.js bundles core-js)', () => {
    // pdf.js's legacy build replaces Array.prototype.push, JSON.parse and Function.prototype.toString
    // with slow polyfills when it loads; the parse stage must put them back, in both module systems,
    // and must not undo a caller's own patch of a built-in.
    const body = `
      const pdf = new Uint8Array(fs.readFileSync('fixtures/resumes/pdf-backend-java/input.pdf'));
      const push = Array.prototype.push, parse = JSON.parse, toString = Function.prototype.toString;
      const mine = function patched() { return push.apply(this, arguments); };
      (async () => {
        await sm.parseResume(pdf, { isolate: false, filename: 'a.pdf' });
        const afterFirst = [Array.prototype.push === push, JSON.parse === parse, Function.prototype.toString === toString];
        await Promise.all([1, 2, 3].map(() => sm.parseResume(pdf, { isolate: false, filename: 'a.pdf' })));
        const afterBatch = [Array.prototype.push === push, JSON.parse === parse, Function.prototype.toString === toString];
        Array.prototype.push = mine;
        const doc = await sm.parseResume(pdf, { isolate: false, filename: 'a.pdf' });
        const kept = Array.prototype.push === mine;
        Array.prototype.push = push;
        console.log(JSON.stringify({ afterFirst, afterBatch, kept, words: doc.text.length > 500, withResolvers: typeof Promise.withResolvers }));
      })();`;
    const expected = {
      afterFirst: [true, true, true],
      afterBatch: [true, true, true],
      kept: true,
      words: true,
      withResolvers: 'function',
    };
    expect(
      exportedNames(`import fs from 'node:fs'; import * as sm from '@skillmatch/core'; ${body}`, 'module'),
    ).toEqual(expected);
    expect(
      exportedNames(`const fs = require('node:fs'); const sm = require('@skillmatch/core'); ${body}`, 'commonjs'),
    ).toEqual(expected);
  });
});
