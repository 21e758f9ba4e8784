// The service under load, in a child process of the load test: `createService` as `skillmatch
// serve` builds it, with request logs on (to stdout, as in production). Started with --expose-gc
// so the load test can ask for its memory after a full collection: that, not a reading taken
// whenever V8 last chose to collect, tells a leak from a heap that has not been collected yet.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = process.env.SKILLMATCH_ROOT;
const { createService } = await import(pathToFileURL(join(root, 'dist/esm/service/index.js')).href);
const options = JSON.parse(process.env.SKILLMATCH_BENCH_OPTIONS);
const service = await createService({ ...options, token: process.env.SKILLMATCH_TOKEN, host: '127.0.0.1', port: 0 });
const url = await service.listen();
process.send({ url });
process.on('message', (message) => {
  if (message === 'memory') {
    globalThis.gc();
    globalThis.gc();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({
      memory: { rssMb: Math.round((rss / 2 ** 20) * 10) / 10, heapUsedMb: Math.round((heapUsed / 2 ** 20) * 10) / 10 },
    });
  } else if (message === 'stop') {
    service.close().then(() => process.exit(0));
  }
});
