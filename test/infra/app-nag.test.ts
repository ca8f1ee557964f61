import { type App, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWarmline, type SynthesisedWarmline } from './synth-warmline.js';

interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  readonly path: string;
}

function acknowledgementsIn(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          id,
          reason,
          path: construct.node.path,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions on the warmline app', () => {
  let agnostic: SynthesisedWarmline;

  beforeAll(() => {
    agnostic = buildWarmline({ nag: true });
  });

  it('synthesises with no unacknowledged finding in an environment-agnostic app', () => {
    // Synthesis throws with the full report when any finding is left unacknowledged.
    expect(() => agnostic.app.synth()).not.toThrow();
  });

  it('synthesises with no unacknowledged finding when the account and region are known', () => {
    const pinned = buildWarmline({ nag: true, env: { account: '123456789012', region: 'eu-west-1' } });
    expect(() => pinned.app.synth()).not.toThrow();
  });

  it('reports a finding the stacks do not acknowledge, so a clean synth means something', () => {
    const broken = buildWarmline({ nag: true });
    new Queue(broken.stateless, 'PlainQueue');
    expect(() => broken.app.synth()).toThrow(/AwsSolutions-SQS4/);
  });

  it('acknowledges only AwsSolutions rules, each with a reason a reviewer can check', () => {
    // aws-cdk-lib acknowledges some of its own CloudFormation-Validate warnings; those are not ours to judge.
    const acknowledgements = acknowledgementsIn(agnostic.app).filter((a) => a.id.includes('AwsSolutions'));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const acknowledgement of acknowledgements) {
      expect(acknowledgement.id).toMatch(/^AwsSolutions::AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(
        acknowledgement.reason.length,
        `${acknowledgement.id} at ${acknowledgement.path}`,
      ).toBeGreaterThan(40);
    }
  });
});
