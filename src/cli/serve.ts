/**
 * `skillmatch serve`: flags and environment variables → `createService` → listen, and a graceful
 * drain on SIGTERM/SIGINT. Everything the service does lives in `src/service/`.
 */
import { parseArgs } from 'node:util';
import type { ServiceOptions } from '../service/index.js';

export const SERVE_USAGE = `skillmatch serve — the HTTP service for ATS integrations

Usage:
  skillmatch serve [--host 127.0.0.1] [--port 8080] [--token TOKEN] [--public-url URL]
                   [--workers N] [--timeout-ms MS] [--max-memory-mb MB] [--max-file-bytes N]
                   [--max-files N] [--max-concurrent N] [--max-queued N] [--webhook-secret whsec_…]
                   [--callback-hosts host1,host2] [--as-of YYYY-MM] [--log-level info]

Every flag has an environment variable: SKILLMATCH_HOST, SKILLMATCH_PORT, SKILLMATCH_TOKEN,
SKILLMATCH_PUBLIC_URL, SKILLMATCH_WORKERS, SKILLMATCH_TIMEOUT_MS, SKILLMATCH_MAX_MEMORY_MB,
SKILLMATCH_MAX_FILE_BYTES, SKILLMATCH_MAX_FILES, SKILLMATCH_MAX_CONCURRENT, SKILLMATCH_MAX_QUEUED,
SKILLMATCH_WEBHOOK_SECRET, SKILLMATCH_CALLBACK_HOSTS, SKILLMATCH_AS_OF, SKILLMATCH_LOG_LEVEL
(flags win). Prefer the variable for the token and the secret: flags show in \`ps\`.
Without a token the service listens on loopback only. SIGTERM drains: in-flight requests and
rank jobs finish, then the process exits 0. Needs: npm install fastify @fastify/multipart
`;

const FLAGS = {
  host: 'SKILLMATCH_HOST',
  port: 'SKILLMATCH_PORT',
  token: 'SKILLMATCH_TOKEN',
  'public-url': 'SKILLMATCH_PUBLIC_URL',
  workers: 'SKILLMATCH_WORKERS',
  'timeout-ms': 'SKILLMATCH_TIMEOUT_MS',
  'max-memory-mb': 'SKILLMATCH_MAX_MEMORY_MB',
  'max-file-bytes': 'SKILLMATCH_MAX_FILE_BYTES',
  'max-files': 'SKILLMATCH_MAX_FILES',
  'max-concurrent': 'SKILLMATCH_MAX_CONCURRENT',
  'max-queued': 'SKILLMATCH_MAX_QUEUED',
  'webhook-secret': 'SKILLMATCH_WEBHOOK_SECRET',
  'callback-hosts': 'SKILLMATCH_CALLBACK_HOSTS',
  'as-of': 'SKILLMATCH_AS_OF',
  'log-level': 'SKILLMATCH_LOG_LEVEL',
} as const;

/** A wrong flag or variable; the CLI reports it as a usage error. */
export class ServeUsageError extends Error {
  override name = 'ServeUsageError';
}

function whole(name: string, raw: string | undefined, allowZero = false): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1))
    throw new ServeUsageError(
      `--${name} (${FLAGS[name as keyof typeof FLAGS]}) must be a whole number${allowZero ? '' : ' ≥ 1'} (got "${raw}")`,
    );
  return n;
}

/** Flags over environment variables → service options. */
export function serveOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ServiceOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.keys(FLAGS).map((name) => [name, { type: 'string' as const }])),
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new ServeUsageError(error instanceof Error ? error.message : String(error));
  }
  const get = (name: keyof typeof FLAGS): string | undefined =>
    (values[name] as string | undefined) ?? (env[FLAGS[name]] || undefined);
  const options: ServiceOptions = {};
  const set = <K extends keyof ServiceOptions>(key: K, value: ServiceOptions[K] | undefined): void => {
    if (value !== undefined) options[key] = value;
  };
  set('host', get('host'));
  set('port', whole('port', get('port'), true));
  set('token', get('token'));
  set('publicUrl', get('public-url'));
  set('poolSize', whole('workers', get('workers')));
  set('timeoutMs', whole('timeout-ms', get('timeout-ms')));
  set('maxMemoryMb', whole('max-memory-mb', get('max-memory-mb')));
  set('maxFileBytes', whole('max-file-bytes', get('max-file-bytes')));
  set('maxFiles', whole('max-files', get('max-files')));
  set('maxConcurrent', whole('max-concurrent', get('max-concurrent')));
  set('maxQueued', whole('max-queued', get('max-queued'), true));
  set('webhookSecret', get('webhook-secret'));
  set(
    'callbackHosts',
    get('callback-hosts')
      ?.split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  );
  set('asOf', get('as-of'));
  const level = get('log-level');
  if (level !== undefined) options.logger = { level };
  return options;
}

/**
 * Runs the service until SIGTERM or SIGINT, then drains and resolves to the exit code (0). A
 * second signal while draining stops at once (exit 1).
 */
export async function runServe(argv: string[], stderr: NodeJS.WritableStream): Promise<number> {
  const options = serveOptions(argv);
  const { createService } = await import('../service/index.js');
  let service: Awaited<ReturnType<typeof createService>>;
  try {
    service = await createService(options);
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new ServeUsageError(error.message);
    throw error;
  }
  await service.listen();
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        stderr.write(`skillmatch serve: ${signal} again, stopping without draining\n`);
        process.exit(1);
      }
      stopping = true;
      service.close().then(
        () => resolve(0),
        (error: unknown) => {
          stderr.write(`skillmatch serve: drain failed: ${error instanceof Error ? error.message : String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
