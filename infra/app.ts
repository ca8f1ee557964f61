// The CDK app (cdk.json runs it with tsx): both stacks, checked by cdk-nag's AwsSolutions, Serverless and HIPAA
// Security packs on every synth.
// Settings come from CDK context (see infra/deploy-context.ts for every key); with none, the stacks use
// clearly fake numbers so `npx cdk synth` works offline with no credentials. Stacks are environment-agnostic
// unless the CLI supplies an account and region (it does when credentials are configured).
import { App, Validations } from 'aws-cdk-lib';
import { WARMLINE_NAG_PACKS } from './nag-packs.js';
import { addWarmlineStacks } from './stacks/warmline-stacks.js';

const app = new App();
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
addWarmlineStacks(app, account && region ? { env: { account, region } } : {});
Validations.of(app).addPlugins(...WARMLINE_NAG_PACKS(app));
app.synth();
