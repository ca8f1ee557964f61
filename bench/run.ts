// `npm run bench`: webhook latency and store calls, bundle size and cold import, a surge, and cost.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../flows/crisis/corpus.js';
import { startLocalWarmline } from '../infra/local/runner.js';
import { silentLog } from '../test/support/silent-log.js';
import { measureBundles } from './bundles.js';
import { measureClassifyLatency } from './classify-latency.js';
import { estimateCost } from './cost.js';
import { runSurge } from './surge.js';
import { measureWebhooks } from './webhook-latency.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);

const CORPUS = fileURLToPath(new URL('../test/flows/crisis/corpus.jsonl', import.meta.url));

async function main(): Promise<void> {
  const bundles = await measureBundles();
  const classify = measureClassifyLatency(loadCorpus(readFileSync(CORPUS, 'utf8')).map((m) => m.text));

  let storeCalls = 0;
  const line = await startLocalWarmline({
    port: 0,
    timeScale: 0.05,
    log: silentLog(),
    onStoreCall: () => void storeCalls++,
  });
  const webhooks = await measureWebhooks(line, SAMPLES, () => storeCalls);
  await line.close();

  const surge = await runSurge({
    callers: 200,
    volunteers: 20,
    arrivalSeconds: 60,
    speedUp: 20,
    talkSeconds: [60, 240],
    maxWaitSeconds: 300,
  });
  const cost = estimateCost(surge, webhooks);

  const rows: string[][] = [['figure', 'value']];
  for (const w of webhooks)
    rows.push([
      `${w.route}: p50 / p99 ms, store calls`,
      `${w.p50Ms.toFixed(1)} / ${w.p99Ms.toFixed(1)}, ${w.storeCalls}`,
    ]);
  for (const b of bundles)
    rows.push([
      `${b.name}: bundle KB, cold import ms`,
      `${(b.bytes / 1024).toFixed(0)}, ${b.coldImportMs.toFixed(0)}`,
    ]);
  rows.push(
    ['surge: callers / volunteers', `${surge.callers} / ${surge.volunteers}`],
    ['surge: served / overflowed / lost', `${surge.served} / ${surge.overflowed} / ${surge.lost}`],
    ['surge: double assignments', String(surge.doubleAssignments)],
    ['surge: wall seconds', surge.wallSeconds.toFixed(1)],
    [
      'surge: webhooks, store calls, events per contact',
      `${(surge.webhooks / surge.callers).toFixed(1)}, ${(surge.storeCalls / surge.callers).toFixed(1)}, ${(surge.events / surge.callers).toFixed(1)}`,
    ],
    ['AWS cost per 1,000 contacts (USD, excl. Twilio)', cost.perThousandContacts.toFixed(3)],
    [
      `crisis detector p50 / p99 ms (${classify.messages} messages)`,
      `${classify.p50Ms.toFixed(3)} / ${classify.p99Ms.toFixed(3)}`,
    ],
  );
  const width = Math.max(...rows.map((r) => r[0]?.length ?? 0));
  for (const [name, value] of rows) console.log(`${(name ?? '').padEnd(width)}  ${value}`);
  console.log(
    JSON.stringify({
      webhooks,
      bundles,
      surge,
      cost,
      classifyP50Ms: classify.p50Ms,
      classifyP99Ms: classify.p99Ms,
    }),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
