// Command line: one message per stdin line in, one crisis verdict per line out, as JSON, in order.
//
// Main course: stream stdin with readline, classify each line, write `{"escalate","kind","rule"}`.
// Alternate courses: blank lines get a non-escalating verdict; CRLF input is accepted; a slow reader
// applies backpressure instead of the output piling up in memory; a failure on one line is reported on
// stderr (never with the text) and that line still gets its object so the output stays aligned.

import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { type CrisisAssessment, detectCrisis } from '../../flows/crisis/detect-crisis.js';

const NOT_ESCALATED: CrisisAssessment = {
  escalate: false,
  tier: null,
  kind: null,
  rule: null,
  concern: null,
};

function classifyLine(line: string, lineNumber: number): CrisisAssessment {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.trim() === '') return NOT_ESCALATED;
  try {
    return detectCrisis(text);
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'unknown error';
    process.stderr.write(`classify: line ${lineNumber} could not be classified (${reason})\n`);
    return NOT_ESCALATED;
  }
}

async function main(): Promise<void> {
  const lines = createInterface({
    input: process.stdin,
    crlfDelay: Number.POSITIVE_INFINITY,
    terminal: false,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const { escalate, tier, kind, rule } = classifyLine(line, lineNumber);
    if (!process.stdout.write(`${JSON.stringify({ escalate, kind, rule, tier })}\n`))
      await once(process.stdout, 'drain');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`classify: ${error instanceof Error ? error.message : 'failed'}\n`);
  process.exitCode = 1;
});
