// `npm run bench`: every webhook step, one answered call end to end, bundles against a floor, a surge at two

// The SDK warns on every client that Node 20 support ends in 2027; the Lambdas run Node 24.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// paces, and the AWS cost per 1,000 contacts. The last line printed is one JSON object with all of it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../flows/crisis/corpus.js';
import { measureAnsweredCall } from './answered-call.js';
import { measureBundles } from './bundles.js';
import { measureClassifyLatency } from './classify-latency.js';
import { estimateCost } from './cost.js';
import { measureSteps } from './steps.js';
import { runSurge, type SurgeOptions } from './surge.js';

// The SDK warns on every client that Node 20 support ends in 2027; the Lambdas run Node 24.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const CALLERS = Number(process.env.BENCH_SURGE_CALLERS ?? 500);
const VOLUNTEERS = Number(process.env.BENCH_SURGE_VOLUNTEERS ?? 20);

const CORPUS = fileURLToPath(new URL('../test/flows/crisis/corpus.jsonl', import.meta.url));

/**
 * Realistic: the callers arrive over half an hour, as after a local news mention. Compressed: over two
 * minutes. Each runs at a speed-up this two-core machine keeps up with, so the surge measures the line, not
 * the machine (at 20× the old bench lost callers to the runner, not to the line).
 */
const SURGES: Record<'realistic' | 'compressed', SurgeOptions> = {
  realistic: {
    callers: CALLERS,
    volunteers: VOLUNTEERS,
    arrivalSeconds: 1800,
    speedUp: 10,
    talkSeconds: [60, 240],
    maxWaitSeconds: 300,
  },
  compressed: {
    callers: CALLERS,
    volunteers: VOLUNTEERS,
    arrivalSeconds: 120,
    speedUp: 2,
    talkSeconds: [60, 240],
    maxWaitSeconds: 300,
  },
};

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

async function main(): Promise<void> {
  const bundles = await measureBundles();
  const classify = measureClassifyLatency(loadCorpus(readFileSync(CORPUS, 'utf8')).map((m) => m.text));
  const { steps, deliveries } = await measureSteps(SAMPLES);
  const { invocations, ...answered } = await measureAnsweredCall();
  const cost = estimateCost(invocations);
  const surge: Record<string, unknown> = {};
  for (const [pace, options] of Object.entries(SURGES)) {
    const figures = await runSurge(options);
    surge[pace] = {
      served: figures.served,
      overflowed: figures.overflowed,
      lost: figures.lost,
      doubleAssigned: figures.doubleAssigned,
      outcomes: figures.outcomes,
      wallS: round(figures.wallS, 1),
      callers: figures.callers,
      volunteers: figures.volunteers,
      arrivalSeconds: figures.arrivalSeconds,
      speedUp: figures.speedUp,
      perContact: {
        webhooks: round(figures.webhooks / figures.callers),
        dynamoCalls: round(figures.usage.dynamoCalls / figures.callers),
        writeUnits: round(figures.usage.writeUnits / figures.callers),
        readUnits: round(figures.usage.readUnits / figures.callers),
        restCalls: round(figures.usage.restCalls / figures.callers),
      },
    };
    console.log(`surge ${pace}: ${JSON.stringify(surge[pace])}`);
  }

  for (const [name, step] of Object.entries(steps))
    console.log(
      `${name.padEnd(28)} p50 ${step.p50Ms.toFixed(1)} ms  p99 ${step.p99Ms.toFixed(1)} ms  dynamo ${step.dynamoCalls}  events ${step.events}  rest ${step.restCalls}`,
    );
  for (const [name, b] of Object.entries(bundles.functions))
    console.log(
      `${name.padEnd(16)} ${(b.bytes / 1024).toFixed(0)} KB, ${(b.bytesBeyondSdk / 1024).toFixed(0)} KB beyond the SDK (+${(b.lazyBytes / 1024).toFixed(0)} KB on first use), import ${b.coldImportMs.toFixed(0)} ms = ${b.coldImportRatio.toFixed(2)}× the floor`,
    );
  console.log(
    `answered call: ${answered.dynamoCalls} DynamoDB calls, ${answered.webhooks} webhooks, ${answered.restCalls} REST calls, ${answered.coldStarts} functions on the ear, ${answered.twilioLegMinutes} Twilio leg-minutes`,
  );
  console.log(`AWS cost per 1,000 contacts: $${(cost.perContactUsd * 1000).toFixed(3)}`);
  console.log(
    JSON.stringify({
      steps,
      deliveries,
      perAnsweredCall: answered,
      bundles: bundles.functions,
      floorBundle: bundles.floor,
      surge,
      costPer1000Contacts: round(cost.perContactUsd * 1000, 4),
      costBreakdownPer1000: cost.breakdownPer1000,
      costAssumptions: cost.assumptions,
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
