/**
 * `@skillmatch/core/service`: the HTTP service (`skillmatch serve`) for ATS integrations, its webhook
 * signing, and the rank-job transport seam. Needs the optional peer dependencies `fastify` and
 * `@fastify/multipart`; the main `skillmatch` entry never loads this module.
 */
export { createService } from './server.js';
export type { Service } from './server.js';
export { SERVICE_DEFAULTS } from './options.js';
export type { ServiceOptions, LogDestination } from './options.js';
export { signWebhook, verifyWebhook, deliverWebhook, generateWebhookSecret, WEBHOOK_DEFAULTS } from './webhooks.js';
export type { VerifyWebhookOptions, Delivery, DeliveryAttempt, HeaderSource } from './webhooks.js';
export { createInProcessTransport, runRankJob, newJobId } from './jobs.js';
export type { RankJobTransport, RankJobSpec, RankJobRecord, RankJobStatus, InProcessTransportOptions } from './jobs.js';
export type { ServiceInput, RefusedInput } from './inputs.js';
export { HttpError } from './errors.js';
export type { ServiceErrorCode, ErrorBody } from './errors.js';
export { loadSchemas, schemasDir } from './schemas.js';
