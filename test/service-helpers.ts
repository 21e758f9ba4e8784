/**
 * Shared by the service, rank-job, schema and ATS-plugin tests: a real service on 127.0.0.1
 * (port 0), plain HTTP helpers, and loopback receivers. No traffic leaves loopback.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createService } from '../src/service/index.js';
import type { Service, ServiceOptions } from '../src/service/index.js';

export const TOKEN = 'test-token-0123456789abcdef';
export const AUTH = { authorization: `Bearer ${TOKEN}` };
export const AS_OF = '2025-06';

/** Log lines written by the service, parsed. */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
  records(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

export interface Started {
  service: Service;
  url: string;
  logs: LogCapture;
}

export async function startService(options: ServiceOptions = {}): Promise<Started> {
  const logs = new LogCapture();
  const service = await createService({
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    poolSize: 2,
    asOf: AS_OF,
    logger: { level: 'info', destination: logs },
    ...options,
  });
  const url = await service.listen();
  return { service, url, logs };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a parsed response body the tests walk freely, as a client would
  json: any;
}

export async function call(url: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  let body = rest.body;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(json);
  }
  const response = await fetch(url, {
    ...rest,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: parsed };
}

/** A multipart body from fields and files. */
export function form(
  fields: Record<string, string>,
  files: { field: string; name: string; data: Uint8Array | string; type?: string }[] = [],
): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  for (const file of files)
    body.append(
      file.field,
      new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)], {
        type: file.type ?? 'application/octet-stream',
      }),
      file.name,
    );
  return body;
}

export interface Receiver {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A real HTTP server on loopback that hands each request, with its whole body, to `handle`. */
export async function startReceiver(
  handle: (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>,
): Promise<Receiver> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      Promise.resolve(handle(req, Buffer.concat(chunks).toString('utf8'), res)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns a value, at most `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`waitFor: nothing after ${timeoutMs} ms`);
}
