// The cdk-nag packs every synth runs, in the app and in its tests: any unacknowledged finding fails synthesis.
import type { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, ServerlessChecks } from 'cdk-nag';

export const WARMLINE_NAG_PACKS = (app: App) => [
  new AwsSolutionsChecks(app),
  new ServerlessChecks(app),
  new HIPAASecurityChecks(app),
];
