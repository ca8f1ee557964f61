// The one way this project builds a Lambda: Node on arm64, local esbuild ESM bundle, own log group and role.
import { dirname } from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import type { RuntimeConfig } from '../../functions/config.js';
import { LAMBDA_ENTRY, lambdaBuildOptions } from './bundle-options.js';
import { acknowledgeFindings, RULE } from './nag-findings.js';

/** Every variable a function may receive is a key of the runtime config schema, so names cannot drift. */
export type FunctionEnvironment = Readonly<Partial<Record<keyof RuntimeConfig, string>>>;

export interface HouseFunctionProps {
  /** Absolute path of the entry file; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly environment: FunctionEnvironment;
  readonly logRetention: RetentionDays;
  /** Our own key for the log group: the logs are redacted, but they are still about who called and when. */
  readonly logKey: IKey;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** Caps concurrency so a flood on one function cannot starve the others in the account. */
  readonly reservedConcurrentExecutions?: number;
  /** Asynchronous invocations (EventBridge) that still fail after Lambda's own retries land here. */
  readonly asyncFailures?: {
    readonly deadLetterQueue: IQueue;
    readonly retryAttempts: number;
    readonly maxEventAge: Duration;
  };
}

/** The newest Node runtime Lambda offers in this CDK release; cdk-nag's L1 checks for exactly that. */
export const HOUSE_RUNTIME = Runtime.NODEJS_24_X;

export class HouseFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      encryptionKey: props.logKey,
      // Logs outlive a stack rollback so an incident can still be read afterwards.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // An own role instead of the managed basic-execution policy: it may write to this log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${id}`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );
    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      handler: `${LAMBDA_ENTRY}.handler`,
      description: props.description,
      runtime: HOUSE_RUNTIME,
      architecture: Architecture.ARM_64,
      // Service-level traces only (timings, cold starts): no SDK is instrumented, so no payload is recorded.
      tracing: Tracing.ACTIVE,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      logGroup: this.logGroup,
      role: this.role,
      ...(props.asyncFailures
        ? {
            deadLetterQueue: props.asyncFailures.deadLetterQueue,
            retryAttempts: props.asyncFailures.retryAttempts,
            maxEventAge: props.asyncFailures.maxEventAge,
          }
        : {}),
      environment: props.environment,
    });
    this.acknowledgeFindings(props);
  }

  private acknowledgeFindings(props: HouseFunctionProps): void {
    const fn = this.function;
    acknowledgeFindings(
      fn,
      RULE.lambdaVpc,
      'The function reaches only AWS APIs (DynamoDB, EventBridge, Secrets Manager) over TLS with IAM, and Twilio on ' +
        "the internet; a VPC would add NAT gateways and cold-start time on the caller's ear and protect nothing.",
    );
    acknowledgeFindings(
      this.role,
      RULE.inlinePolicy,
      "The role's inline policy is this function's alone, written resource by resource by the stack; a managed " +
        'policy shared between functions would widen every one of them.',
    );
    acknowledgeFindings(
      this.role,
      ['AwsSolutions::AwsSolutions-IAM5[Resource::*]'],
      'Active tracing: X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.',
    );
    if (props.reservedConcurrentExecutions === undefined)
      acknowledgeFindings(
        fn,
        RULE.lambdaConcurrency,
        "Only the webhook reserves concurrency (callers first); reserving more would take capacity from the webhook's " +
          'pool, and new accounts (10 concurrent executions) cannot reserve any. The account limit caps the rest.',
      );
    if (props.asyncFailures)
      acknowledgeFindings(
        fn,
        RULE.asyncFailureDestination,
        'Failed asynchronous invocations go to the function-level dead-letter queue (alarmed on depth > 0); an ' +
          'on-failure destination to the same queue would file each failure twice.',
      );
    else
      acknowledgeFindings(
        fn,
        RULE.lambdaDlq,
        'API Gateway invokes this function synchronously and gets its answer (safe TwiML or an error response); a ' +
          'dead-letter queue only ever receives asynchronous invocations, of which this function has none.',
      );
  }
}

/**
 * The entry bundled with esbuild on this machine at synth time (esbuild is a dependency, so no container is
 * needed; the image below is never pulled). Not NodejsFunction: it writes a single file and cannot split out
 * the chunks code loads on first use. No source maps: --enable-source-maps costs each cold start ~10 ms, and
 * our logs carry error names and our own messages rather than stacks. The asset is keyed by the bundle
 * itself, so an unchanged function is not redeployed.
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('node:22-slim'),
      local: {
        tryBundle(outputDir) {
          buildSync(lambdaBuildOptions(entry, outputDir));
          return true;
        },
      },
    },
  });
}
