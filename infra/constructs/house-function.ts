// The one way this project builds a Lambda: Node on arm64, local esbuild ESM bundle, own log group and role.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RuntimeConfig } from '../../functions/config.js';
import { HOUSE_BUNDLE } from './bundle-options.js';

/** Every variable a function may receive is a key of the runtime config schema, so names cannot drift. */
export type FunctionEnvironment = Readonly<Partial<Record<keyof RuntimeConfig, string>>>;

export interface HouseFunctionProps {
  /** Absolute path of the entry file; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly environment: FunctionEnvironment;
  readonly logRetention: RetentionDays;
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
  /** Lock file that anchors the bundle's project root (the repository's package-lock.json). */
  readonly depsLockFilePath: string;
}

/** The newest Node runtime Lambda offers in this CDK release; cdk-nag's L1 checks for exactly that. */
export const HOUSE_RUNTIME = Runtime.NODEJS_24_X;

export class HouseFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
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
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: HOUSE_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      logGroup: this.logGroup,
      role: this.role,
      depsLockFilePath: props.depsLockFilePath,
      ...(props.asyncFailures
        ? {
            deadLetterQueue: props.asyncFailures.deadLetterQueue,
            retryAttempts: props.asyncFailures.retryAttempts,
            maxEventAge: props.asyncFailures.maxEventAge,
          }
        : {}),
      environment: props.environment,
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: HOUSE_BUNDLE.target,
        mainFields: [...HOUSE_BUNDLE.mainFields],
        minify: HOUSE_BUNDLE.minify,
        externalModules: [...HOUSE_BUNDLE.external],
        // No source maps: --enable-source-maps costs each cold start ~10 ms, and our logs carry error names
        // and our own messages rather than stacks.
        sourceMap: false,
        banner: HOUSE_BUNDLE.banner.js,
      },
    });
  }
}
