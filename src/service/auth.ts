/**
 * Bearer-token checks and expiring signed links. Tokens are compared as SHA-256 digests with
 * `timingSafeEqual`, so neither the token's content nor its length leaks through timing.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Whether an `Authorization` header carries `Bearer <token>`. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const given = match?.[1] ?? '';
  // Always compare, even when the header is malformed, so a bad header costs the same time as a wrong token.
  return timingSafeEqual(digest(given), digest(token)) && match !== null;
}

/** Signs and checks links that open without the token (a report link an ATS shows a recruiter). */
export interface LinkSigner {
  /** `?expires=…&signature=…` for a path, valid for `ttlSeconds`. */
  sign(path: string, ttlSeconds: number, now?: number): string;
  /** Whether `expires` and `signature` are a valid, unexpired signature of `path`. */
  verify(path: string, expires: unknown, signature: unknown, now?: number): boolean;
}

/**
 * A link signer keyed from the service token (links survive a restart with the same token), or
 * from random bytes when there is no token (links then last as long as the process).
 */
export function createLinkSigner(token: string | undefined): LinkSigner {
  const key = createHmac('sha256', token ?? randomBytes(32))
    .update('skillmatch report links v1')
    .digest();
  const mac = (path: string, expires: number): Buffer =>
    createHmac('sha256', key).update(`${path}\n${expires}`).digest();
  return {
    sign(path, ttlSeconds, now = Date.now() / 1000) {
      const expires = Math.floor(now + ttlSeconds);
      return `?expires=${expires}&signature=${mac(path, expires).toString('base64url')}`;
    },
    verify(path, expires, signature, now = Date.now() / 1000) {
      if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof signature !== 'string') return false;
      const seconds = Number(expires);
      if (seconds < now) return false;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(path, seconds);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

/** Whether a listen host is on the loopback interface only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}
