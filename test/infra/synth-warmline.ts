// Builds the warmline app for infra tests without bundling the functions, so the tests stay fast.
import { App, type Environment, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { WARMLINE_NAG_PACKS } from '../../infra/nag-packs.js';
import { addWarmlineStacks, type WarmlineStacks } from '../../infra/stacks/warmline-stacks.js';

export interface SynthOptions {
  readonly context?: Record<string, unknown>;
  readonly env?: Environment;
  readonly nag?: boolean;
}

export interface SynthesisedWarmline extends WarmlineStacks {
  readonly app: App;
}

/** An empty bundling-stacks list tells the asset bundling to skip esbuild: assets become placeholders. */
export function buildWarmline(options: SynthOptions = {}): SynthesisedWarmline {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...options.context } });
  const stacks = addWarmlineStacks(app, options.env ? { env: options.env } : {});
  if (options.nag) Validations.of(app).addPlugins(...WARMLINE_NAG_PACKS(app));
  return { app, ...stacks };
}

export function templatesOf(warmline: SynthesisedWarmline): { stateful: Template; stateless: Template } {
  return {
    stateful: Template.fromStack(warmline.stateful),
    stateless: Template.fromStack(warmline.stateless),
  };
}
