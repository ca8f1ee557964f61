import { type App, Validations } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWarmline, type SynthesisedWarmline } from './synth-warmline.js';

interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  readonly path: string;
}

const NAG_RULE =
  /^(AwsSolutions::AwsSolutions-[A-Z]+\d+(\[.+\])?|Serverless::Serverless-[A-Za-z]+|HIPAA\.Security::HIPAA\.Security-[A-Za-z0-9]+)$/;

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

describe('cdk-nag AwsSolutions, Serverless and HIPAA Security on the warmline app', () => {
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

  it('reports a finding the stacks do not acknowledge in every pack, so a clean synth means something', () => {
    const broken = buildWarmline({ nag: true });
    new Queue(broken.stateless, 'PlainQueue');
    new LogGroup(broken.stateless, 'PlainLogs');
    expect(() => broken.app.synth()).toThrow(/AwsSolutions-SQS4/);
    const again = buildWarmline({ nag: true });
    new Queue(again.stateless, 'PlainQueue', { enforceSSL: true });
    expect(() => again.app.synth()).toThrow(/Serverless-SQSRedrivePolicy/);
    const logs = buildWarmline({ nag: true });
    new LogGroup(logs.stateless, 'PlainLogs');
    expect(() => logs.app.synth()).toThrow(/HIPAA\.Security-CloudWatchLogGroupEncrypted/);
  });

  it('acknowledges only cdk-nag rules, each with a reason a reviewer can check', () => {
    // aws-cdk-lib acknowledges some of its own CloudFormation-Validate warnings; those are not ours to judge.
    const acknowledgements = acknowledgementsIn(agnostic.app).filter((a) => NAG_RULE.test(a.id));
    const byPack: Record<string, number> = {};
    for (const a of acknowledgements)
      byPack[a.id.split('::')[0] ?? ''] = (byPack[a.id.split('::')[0] ?? ''] ?? 0) + 1;
    console.log(
      `cdk-nag: AwsSolutions, Serverless, HIPAA.Security: 0 unacknowledged findings; acknowledged with reasons ${JSON.stringify(byPack)}`,
    );
    expect(Object.keys(byPack).sort()).toEqual(['AwsSolutions', 'HIPAA.Security', 'Serverless']);
    for (const acknowledgement of acknowledgements) {
      expect(
        acknowledgement.reason.length,
        `${acknowledgement.id} at ${acknowledgement.path}`,
      ).toBeGreaterThan(40);
    }
  });
});
