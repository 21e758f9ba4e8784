// Builds the published shape: ESM + declarations with tsc, a CommonJS bundle with esbuild.
// The child-process parse worker is shipped as its own ESM file (dist/esm/parse/worker.js);
// both builds fork that same file, so it never needs a CommonJS twin.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { writeBuiltinData } from './builtin-data.mjs';

writeBuiltinData();
// tsc still emits when it reports type errors; the CommonJS bundle is built either way and the
// exit code reports the type errors, so one broken file never leaves the whole dist/ missing.
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
await build({
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outfile: 'dist/cjs/index.cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { 'import.meta.url': '__skillmatchImportMetaUrl' },
  banner: { js: "const __skillmatchImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
mkdirSync('dist/cjs', { recursive: true });
writeFileSync('dist/cjs/package.json', '{"type":"commonjs"}\n');
process.exitCode = tsc.status ?? 1;
