// The whole loop on this machine, on loopback: a fake ATS, `skillmatch serve`, and the plugin.
//   node examples/ats-plugin/demo.mjs [résumé file]
// Prints what the plugin wrote back into the ATS.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createService, generateWebhookSecret } from '@skillmatch/core/service';
import { applicationEvent, createFakeAts, sendAtsWebhook } from './fake-ats.mjs';
import { createAtsPlugin } from './plugin.mjs';

const resumePath =
  process.argv[2] ?? new URL('../../fixtures/resumes/pdf-backend-node-senior/input.pdf', import.meta.url);
const secrets = {
  token: randomBytes(24).toString('base64url'),
  webhook: generateWebhookSecret(),
  greenhouse: randomBytes(16).toString('hex'),
  atsKey: randomBytes(16).toString('hex'),
};

const ats = createFakeAts({
  apiKey: secrets.atsKey,
  jobs: {
    4001: {
      id: 4001,
      name: 'Senior Back-end Developer',
      content:
        'Requirements\n- 5+ years of experience with Node.js\n- Strong proficiency in PostgreSQL\n- Experience with Docker\n\nNice to have\n- Redis\n- GraphQL',
    },
  },
  files: { 'cv-9001.pdf': { data: readFileSync(resumePath), type: 'application/pdf' } },
});
const atsUrl = await ats.listen();
const service = await createService({ port: 0, token: secrets.token, webhookSecret: secrets.webhook, logger: false });
const skillmatchUrl = await service.listen();
const plugin = createAtsPlugin({
  atsUrl,
  atsApiKey: secrets.atsKey,
  atsUserId: 77,
  greenhouseSecret: secrets.greenhouse,
  skillmatchUrl,
  skillmatchToken: secrets.token,
  skillmatchWebhookSecret: secrets.webhook,
});
const pluginUrl = await plugin.listen();
const event = applicationEvent({
  applicationId: 9001,
  candidateId: 5001,
  jobId: 4001,
  jobName: 'Senior Back-end Developer',
  resumeUrl: `${atsUrl}/v1/attachments/cv-9001.pdf`,
});
try {
  console.log(
    `webhook → plugin: ${await sendAtsWebhook(`${pluginUrl}/greenhouse/webhook`, secrets.greenhouse, event)}`,
  );
  const deadline = Date.now() + 60_000;
  while (ats.state.notes.length === 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  console.log('custom fields:', ats.state.customFields);
  console.log('note:', ats.state.notes[0]?.body ?? '(none)');
} finally {
  await plugin.close();
  await service.close();
  await ats.close();
}
