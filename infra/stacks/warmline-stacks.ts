// The two stacks wired together from CDK context; app.ts and the infra tests both build the app through this.
import { fileURLToPath } from 'node:url';
import type { App, Environment } from 'aws-cdk-lib';
import { type DeployContext, parseDeployContext } from '../deploy-context.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface WarmlineStacks {
  readonly deploy: DeployContext;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

export interface WarmlineStacksOptions {
  /** Omit for environment-agnostic stacks (offline synth with no credentials). */
  readonly env?: Environment;
  readonly repoRoot?: string;
}

export const DEFAULT_REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function addWarmlineStacks(app: App, options: WarmlineStacksOptions = {}): WarmlineStacks {
  const deploy = parseDeployContext((key) => app.node.tryGetContext(key));
  const env = options.env;
  const stateful = new StatefulStack(app, 'WarmlineStateful', {
    deploy,
    env,
    description: 'warmline: table, event bus, secrets and coordinator sign-in (kept across redeploys)',
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, 'WarmlineStateless', {
    deploy,
    stateful,
    env,
    repoRoot: options.repoRoot ?? DEFAULT_REPO_ROOT,
    description: 'warmline: HTTP API, functions, rules, alarms and console hosting',
  });
  return { deploy, stateful, stateless };
}
