// Static hosting for the coordinators' console and the fallback TwiML: private S3 behind CloudFront with OAC.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import {
  readSmsFallback,
  renderVoiceFallback,
  SMS_FALLBACK_KEY,
  VOICE_FALLBACK_KEY,
} from '../fallback/fallback-twiml.js';
import { HOLD_TONE_KEY, renderHoldTone } from '../fallback/hold-tone.js';
import { acknowledgeFindings, RULE } from './nag-findings.js';

export interface ConsoleHostingProps {
  /** The built console (e.g. console/dist). Deployed only if the folder exists, so synth works before a build. */
  readonly consoleDistDir: string;
  readonly crisisNumber: string;
  readonly accessLogDays: number;
}

/** What the deployed console reads from config.json (console/src/api.ts ConsoleConfig, cognito mode). */
export interface ConsoleConfig {
  readonly authMode: 'cognito';
  readonly apiBase: string;
  readonly signInUrl: string;
  readonly clientId: string;
}

export class ConsoleHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** https://<distribution domain>, no trailing slash. */
  readonly url: string;
  readonly voiceFallbackUrl: string;
  readonly smsFallbackUrl: string;
  /** The line's default hold clip (infra/fallback/hold-tone.ts). */
  readonly holdToneUrl: string;
  private readonly consoleDistDir: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);

    // CloudFront standard logs are written with ACLs, so this one bucket keeps object-writer ownership.
    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });
    acknowledgeFindings(
      this.logBucket,
      [...RULE.bucketKms, ...RULE.bucketVersioning, ...RULE.bucketReplication],
      'CloudFront and S3 access logs of the static console: SSE-S3, TLS-only, no public access, expired after ' +
        'accessLogDays. Log delivery writes with ACLs and does not write to SSE-KMS buckets; logs are not worth copies.',
    );

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledgeFindings(
      this.bucket,
      [...RULE.bucketKms, ...RULE.bucketVersioning, ...RULE.bucketReplication],
      'Public static files only (the console app and the fallback TwiML), rebuilt from the repository on every ' +
        'deploy: nothing personal to encrypt with a customer key, and nothing a version or a replica would save.',
    );

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'warmline console and static fallback TwiML',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    });
    const acknowledge = (rule: string, reason: string) =>
      Validations.of(this.distribution).acknowledge({ id: `AwsSolutions::${rule}`, reason });
    acknowledge(
      'AwsSolutions-CFR1',
      'Twilio fetches the fallback TwiML from its own regions and coordinators may travel: no geo restriction fits.',
    );
    acknowledge(
      'AwsSolutions-CFR2',
      'Only static files behind a read-only origin (GET/HEAD); a WAF web ACL must live in us-east-1 and adds a monthly ' +
        'cost a small line does not need. The admin API checks Cognito JWTs itself.',
    );
    acknowledge(
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate cannot set a minimum TLS version; operators who add a custom domain ' +
        'and certificate should set TLSv1.2_2021.',
    );

    this.url = `https://${this.distribution.distributionDomainName}`;
    this.voiceFallbackUrl = `${this.url}/${VOICE_FALLBACK_KEY}`;
    this.smsFallbackUrl = `${this.url}/${SMS_FALLBACK_KEY}`;
    this.holdToneUrl = `${this.url}/${HOLD_TONE_KEY}`;

    // Fallback TwiML is deployed on every synth: the line must never depend on the console being built.
    const fallback = new s3deploy.BucketDeployment(this, 'FallbackTwiml', {
      destinationBucket: this.bucket,
      sources: [
        s3deploy.Source.data(VOICE_FALLBACK_KEY, renderVoiceFallback(props.crisisNumber)),
        s3deploy.Source.data(SMS_FALLBACK_KEY, readSmsFallback()),
      ],
      prune: false,
      contentType: 'text/xml',
      cacheControl: [s3deploy.CacheControl.maxAge(Duration.minutes(5))],
      distribution: this.distribution,
      distributionPaths: [`/${VOICE_FALLBACK_KEY}`, `/${SMS_FALLBACK_KEY}`],
    });
    acknowledgeDeploymentHelper(fallback, this.bucket);

    // Generated at synth (offline, the same bytes every time, so the asset hash is stable) and uploaded as an asset.
    const tone = new s3deploy.BucketDeployment(this, 'HoldTone', {
      destinationBucket: this.bucket,
      sources: [s3deploy.Source.asset(holdToneDir())],
      prune: false,
      contentType: 'audio/wav',
      cacheControl: [s3deploy.CacheControl.maxAge(Duration.days(1))],
    });
    acknowledgeDeploymentHelper(tone, this.bucket);

    this.consoleDistDir = props.consoleDistDir;
  }

  /**
   * Uploads the built console (npm run build:console) with a config.json telling it where the API and the
   * sign-in page are; those are deploy-time values, so the file is written at deploy, not at build.
   * Returns false, deploying nothing, when the console was not built: synth works before a build.
   */
  deployConsole(config: ConsoleConfig): boolean {
    if (!existsSync(this.consoleDistDir)) return false;
    const site = new s3deploy.BucketDeployment(this, 'ConsoleFiles', {
      destinationBucket: this.bucket,
      sources: [s3deploy.Source.asset(this.consoleDistDir), s3deploy.Source.jsonData('config.json', config)],
      // Pruning keeps old bundles from piling up; the fallback files are excluded so they are never pruned.
      prune: true,
      exclude: [VOICE_FALLBACK_KEY, SMS_FALLBACK_KEY, HOLD_TONE_KEY],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    acknowledgeDeploymentHelper(site, this.bucket);
    return true;
  }
}

let toneDir: string | undefined;

/** The hold clip's folder, written once per process however many stacks are synthesised. */
function holdToneDir(): string {
  if (!toneDir) {
    toneDir = mkdtempSync(join(tmpdir(), 'warmline-hold-tone-'));
    writeFileSync(join(toneDir, HOLD_TONE_KEY), renderHoldTone());
  }
  return toneDir;
}

/**
 * BucketDeployment copies files with a CDK-provided singleton Lambda that runs at deploy time only and never sees
 * a webhook or personal data; its role and runtime are CDK's to choose. Acknowledged finding by finding.
 */
function acknowledgeDeploymentHelper(deployment: s3deploy.BucketDeployment, bucket: s3.Bucket): void {
  const helper = deployment.handlerRole.node.scope;
  if (!helper) return;
  const stack = Stack.of(deployment);
  const bucketLogicalId = stack.resolve((bucket.node.defaultChild as s3.CfnBucket).logicalId) as string;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const qualifier =
    (stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ??
    DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const findings: Record<string, string> = {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      'CDK deployment helper: the managed policy only lets it write its own logs.',
    'AwsSolutions-IAM5[Action::s3:GetObject*]': 'CDK deployment helper reads the staged asset objects.',
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': 'CDK deployment helper inspects the asset and site buckets.',
    'AwsSolutions-IAM5[Action::s3:List*]':
      'CDK deployment helper lists the asset and site buckets to sync them.',
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]':
      'CDK deployment helper prunes files that are no longer built.',
    'AwsSolutions-IAM5[Action::s3:Abort*]': 'CDK deployment helper aborts failed multipart uploads.',
    [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*]`]:
      'CDK deployment helper reads any staged asset of this environment; asset keys are content hashes.',
    [`AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`]:
      'CDK deployment helper writes every file of the site bucket, and nothing outside it.',
    'AwsSolutions-IAM5[Resource::*]':
      'CloudFront invalidation actions do not support resource-level permissions.',
    'AwsSolutions-L1': 'The deployment helper runtime is pinned by aws-cdk-lib and updated with it.',
  };
  for (const [id, reason] of Object.entries(findings)) {
    Validations.of(helper).acknowledge({ id: `AwsSolutions::${id}`, reason });
  }
  const deployOnly =
    'CDK deployment helper: runs only while a deployment copies static files, never on a call or text';
  acknowledgeFindings(
    helper,
    [...RULE.latestRuntime, 'Serverless::Serverless-LambdaTracing'],
    `${deployOnly}; its runtime and settings are pinned by aws-cdk-lib.`,
  );
  acknowledgeFindings(
    helper,
    RULE.lambdaDlq,
    `${deployOnly}; CloudFormation invokes it and fails the deployment on an error.`,
  );
  acknowledgeFindings(
    helper,
    [...RULE.lambdaVpc, ...RULE.lambdaConcurrency],
    `${deployOnly}; it talks to S3 and CloudFront only.`,
  );
  acknowledgeFindings(
    helper,
    RULE.inlinePolicy,
    `${deployOnly}; aws-cdk-lib writes its role's policy for exactly the buckets it syncs.`,
  );
}
