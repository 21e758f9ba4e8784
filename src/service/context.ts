/**
 * What the route handlers share with the server that builds it: apart from both, so that `routes.ts`
 * and `server.ts` do not import each other.
 */
import type { FastifyRequest } from 'fastify';
import type { Matcher } from '../rank/index.js';
import type { Scorer } from '../score/index.js';
import type { Ranking, Role, Taxonomy } from '../types.js';
import type { LinkSigner } from './auth.js';
import type { Gate } from './gate.js';
import type { ServiceInput } from './inputs.js';
import type { RankJobRecord, RankJobTransport } from './jobs.js';
import type { ResolvedServiceOptions } from './options.js';

/** What the route handlers share. */
export interface ServiceContext {
  options: ResolvedServiceOptions;
  /** The taxonomy roles are built and validated with (the matcher's). */
  taxonomy: Taxonomy;
  matcher: Matcher;
  gate: Gate;
  signer: LinkSigner;
  transport: RankJobTransport;
  /** Roles added with POST /v1/roles, oldest first. */
  roles: Map<string, Role>;
  schemas: Record<string, Record<string, unknown>>;
  openapi: Record<string, unknown>;
  /** Base URL for links when no request gives one. */
  baseUrl(request?: FastifyRequest): string;
  /** A role by id: added roles first, then the matcher's (built-ins). */
  lookupRole(id: string): Role;
  /** Ranks inputs, reporting refused ones (over the size limit) as errors at their place. */
  rankInputs(
    inputs: ServiceInput[],
    role: Role,
    options: { top?: number; asOf?: string },
    onProgress?: (done: number) => void,
  ): Promise<Ranking>;
  /** A scorer for a validated role at a month, built once per role object and month (building one costs milliseconds). */
  scorer(role: Role, asOf: string): Scorer;
  /** The month "present" means for a request: its own `asOf`, the service's, or the current month. */
  asOf(requestAsOf: string | undefined): string;
  /** A record with its `links`. */
  withLinks(
    record: RankJobRecord,
    request?: FastifyRequest,
  ): RankJobRecord & { links: { self: string; report: string } };
  readonly draining: boolean;
}
