// Writes the editor JSON Schemas (taxonomy/schema/*.schema.json) from the zod schemas.
// Bundles src/role/json-schema.ts with esbuild so it runs without a prior build.
// `node scripts/json-schemas.mjs --check` exits 1 when a committed file is stale.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeBuiltinData } from './builtin-data.mjs';

const root = new URL('..', import.meta.url).pathname;
const cache = join(root, 'node_modules/.cache/skillmatch');
mkdirSync(cache, { recursive: true });
const outfile = join(cache, 'json-schema.mjs');
// The role stage is entered through the taxonomy's index, which reaches the generated data module.
writeBuiltinData(root);
await build({
  entryPoints: [join(root, 'src/role/json-schema.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const { jsonSchemaFiles } = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
const check = process.argv.includes('--check');
const dir = join(root, 'taxonomy/schema');
mkdirSync(dir, { recursive: true });
let stale = 0;
for (const [name, schema] of Object.entries(jsonSchemaFiles())) {
  const file = join(dir, name);
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) {
    console.error(`stale: taxonomy/schema/${name} (run npm run schemas)`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`wrote taxonomy/schema/${name}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
