/**
 * Signed webhooks the Standard Webhooks way (standardwebhooks.com): headers `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">`), with a secret written `whsec_<base64 key>`. Delivery retries with
 * exponential backoff and keeps the same `webhook-id` on every attempt, so a receiver that
 * remembers ids handles each event once however often it arrives.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'whsec_';

/** Defaults of webhook delivery. */
export const WEBHOOK_DEFAULTS = Object.freeze({
  /** Attempts in all, the first included. */
  maxAttempts: 8,
  /** Wait before the second attempt; doubles each time (with ±20% jitter). */
  baseDelayMs: 1000,
  /** Longest wait between two attempts. */
  maxDelayMs: 5 * 60_000,
  /** Time allowed for one attempt, connection to response. */
  timeoutMs: 10_000,
  /** Largest clock difference a receiver accepts, in seconds. */
  toleranceSeconds: 5 * 60,
});

/** A new random secret in the `whsec_<base64>` form (24 random bytes). */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(24).toString('base64');
}

function secretKey(secret: string): Buffer {
  if (typeof secret !== 'string' || !secret.startsWith(PREFIX))
    throw new TypeError('`secret` must be a webhook secret of the form whsec_<base64>');
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  if (key.length < 16) throw new RangeError('`secret` must hold at least 16 bytes of key after whsec_');
  return key;
}

/** The `webhook-signature` value for one message: `v1,<base64>`. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** Headers as Node gives them, or a fetch `Headers`. */
export type HeaderSource = Record<string, string | string[] | undefined> | { get(name: string): string | null };

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /** Largest difference between `webhook-timestamp` and now, in seconds. @default 300 */
  toleranceSeconds?: number;
  /** "Now" in Unix seconds (tests). @default the clock */
  now?: number;
}

/**
 * Checks a received webhook: the timestamp is recent and one of the space-separated `v1,`
 * signatures matches the raw body (compared in constant time). Returns the `webhook-id`, which
 * the receiver should remember to handle each event once.
 * @throws Error with `code` `webhook-invalid` when a header is missing, stale or the signature does not match.
 */
export function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string,
  options: VerifyWebhookOptions = {},
): string {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { code: 'webhook-invalid' });
  };
  if (!id || !timestamp || !signatures) return fail('Missing webhook-id, webhook-timestamp or webhook-signature');
  const seconds = Number(timestamp);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (
    !/^\d+$/.test(timestamp) ||
    Math.abs(now - seconds) > (options.toleranceSeconds ?? WEBHOOK_DEFAULTS.toleranceSeconds)
  )
    return fail('webhook-timestamp is too old, in the future or not a number');
  const expected = Buffer.from(signWebhook(secret, id, seconds, body).slice(3), 'base64');
  for (const candidate of signatures.split(' ')) {
    const [version, mac] = candidate.split(',', 2);
    if (version !== 'v1' || mac === undefined) continue;
    const given = Buffer.from(mac, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return id;
  }
  return fail('No webhook-signature matches the body');
}

/** One delivery's outcome, reported after every attempt. */
export interface DeliveryAttempt {
  attempt: number;
  /** The receiver's status, or `null` when it could not be reached or timed out. */
  statusCode: number | null;
  delivered: boolean;
  /** No more attempts will follow. */
  final: boolean;
}

/** What to deliver and how hard to try. */
export interface Delivery {
  url: string;
  secret: string;
  /** The `webhook-id`: the same on every attempt. */
  id: string;
  /** The JSON body, sent byte for byte as signed. */
  body: string;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  /** Aborts waiting between attempts (drain); the attempt in flight still finishes or times out. */
  signal?: AbortSignal;
  onAttempt?: (attempt: DeliveryAttempt) => void;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Seconds from a `Retry-After` header (delta-seconds form only), or `null`. */
function retryAfterMs(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim()) * 1000;
}

/**
 * Posts a signed webhook until a 2xx answer, `410 Gone` (the receiver asks to stop), or the
 * attempts run out. A fresh timestamp and signature go with each attempt; the id stays.
 * Resolves to whether it was delivered; never throws for a failed receiver.
 */
export async function deliverWebhook(delivery: Delivery): Promise<boolean> {
  const maxAttempts = delivery.maxAttempts ?? WEBHOOK_DEFAULTS.maxAttempts;
  const base = delivery.baseDelayMs ?? WEBHOOK_DEFAULTS.baseDelayMs;
  const maxDelay = delivery.maxDelayMs ?? WEBHOOK_DEFAULTS.maxDelayMs;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const timestamp = Math.floor(Date.now() / 1000);
    let statusCode: number | null = null;
    let retryAfter: number | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'skillmatch-webhooks',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(delivery.secret, delivery.id, timestamp, delivery.body),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(delivery.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs),
      });
      statusCode = response.status;
      retryAfter = retryAfterMs(response.headers.get('retry-after'));
      // The body is not read: only the status matters, and an unread body would hold the socket.
      await response.body?.cancel();
    } catch {
      statusCode = null;
    }
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const final = delivered || statusCode === 410 || attempt === maxAttempts || delivery.signal?.aborted === true;
    delivery.onAttempt?.({ attempt, statusCode, delivered, final });
    if (final) return delivered;
    const backoff = Math.min(maxDelay, base * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
    await sleep(Math.min(maxDelay, Math.max(backoff, retryAfter ?? 0)), delivery.signal);
    if (delivery.signal?.aborted) {
      delivery.onAttempt?.({ attempt, statusCode, delivered: false, final: true });
      return false;
    }
  }
  return false;
}
