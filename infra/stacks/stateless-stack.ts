// What can be replaced at will: the HTTP API, the functions, rules and schedules, alarms and console hosting.
import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type EventTarget, eventRules, ruleSources, schedules } from '../../functions/event-rules.js';
import { type RouteAuth, type RouteTarget, routes } from '../../functions/routes.js';
import { tableSchema } from '../../functions/store/table-schema.js';
import { ConsoleHosting } from '../constructs/console-hosting.js';
import { createDeadLetterQueue } from '../constructs/dead-letter-queue.js';
import { type FunctionEnvironment, HouseFunction } from '../constructs/house-function.js';
import { LineAlarms } from '../constructs/line-alarms.js';
import type { DeployContext } from '../deploy-context.js';
import { ADMIN_SCOPE, type StatefulStack } from './stateful-stack.js';

export type FunctionName = RouteTarget | EventTarget;

export interface StatelessStackProps extends StackProps {
  readonly deploy: DeployContext;
  readonly stateful: StatefulStack;
  /** Repository root: entries, the lock file and console/dist are found from here. */
  readonly repoRoot: string;
}

const READ_WRITE = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'];
// The notifier reads settings and volunteers and records "already sent" markers with a conditional put.
const READ_AND_MARK = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'];
/** Both ring volunteers (the webhook in-process, the tick as a safety net): a ring group's offers are one batch. */
const READ_WRITE_RING = [...READ_WRITE, 'dynamodb:BatchWriteItem'];
/** The tick takes outbox items with a conditional delete, so two ticks never resend the same events. */
const READ_WRITE_RING_TAKE = [...READ_WRITE_RING, 'dynamodb:DeleteItem'];
/** The volunteer directory index holds keys only: the console's list reads the records in batches. */
const READ_WRITE_BATCH_READ = [...READ_WRITE, 'dynamodb:BatchGetItem'];

/** EventBridge hands events to Lambda asynchronously: these govern both hops (delivery, then execution). */
const ASYNC_RETRIES = 2;
// A dispatch decision hours late is wrong (the tick repairs state anyway); an alert late is still worth sending.
const MAX_EVENT_AGE: Record<EventTarget, Duration> = {
  dispatcher: Duration.minutes(15),
  notifier: Duration.hours(2),
};

/**
 * Requests per second per route. A surge is hundreds of callers, each webhook route a few requests a call;
 * coordinators are a handful of people; uptime monitors poll /health every few seconds.
 */
export const ROUTE_THROTTLES = {
  'twilio-signature': { rateLimit: 200, burstLimit: 400 },
  'coordinator-jwt': { rateLimit: 20, burstLimit: 40 },
  none: { rateLimit: 5, burstLimit: 10 },
} as const satisfies Record<RouteAuth, { rateLimit: number; burstLimit: number }>;

export class StatelessStack extends Stack {
  readonly functions: Readonly<Record<FunctionName, HouseFunction>>;
  readonly api: apigw.HttpApi;
  readonly hosting: ConsoleHosting;
  readonly consoleClient: cognito.UserPoolClient;
  private readonly stateful: StatefulStack;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { deploy, stateful, repoRoot } = props;
    this.stateful = stateful;
    const logRetention = deploy.logRetentionDays as RetentionDays;

    this.hosting = new ConsoleHosting(this, 'Console', {
      consoleDistDir: join(repoRoot, 'console', 'dist'),
      crisisNumber: deploy.crisisNumber,
      accessLogDays: deploy.logRetentionDays,
    });

    const logKey = this.operationsKey();
    const apiLogs = new LogGroup(this, 'ApiAccessLogs', { retention: logRetention, encryptionKey: logKey });
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Twilio webhooks, health and the coordinators admin API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [this.hosting.url],
        allowMethods: [apigw.CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Only for a route without its own limits below (there is none today): the tightest of them.
      throttle: ROUTE_THROTTLES.none,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(apiLogs),
        // No query string, no IP, no body: Twilio's requests carry phone numbers only in the form body.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    const apiUrl = this.api.apiEndpoint;
    const publicBaseUrl = deploy.publicBaseUrl ?? apiUrl;

    const environment: FunctionEnvironment = {
      TABLE_NAME: stateful.table.tableName,
      EVENT_BUS_NAME: stateful.bus.eventBusName,
      PUBLIC_BASE_URL: publicBaseUrl,
      TWILIO_ACCOUNT_SID: deploy.twilioAccountSid,
      TWILIO_AUTH_TOKEN_SECRET_ARN: stateful.twilioAuthToken.secretArn,
      CALLER_KEY_PEPPER_SECRET_ARN: stateful.callerKeyPepper.secretArn,
      SESSION_KEY_SECRET_ARN: stateful.sessionKey.secretArn,
      LINE_NUMBER: deploy.lineNumber,
      CRISIS_NUMBER: deploy.crisisNumber,
      CRISIS_TEXT_NUMBER: deploy.crisisTextNumber,
      ...(deploy.crisisBackupNumber ? { CRISIS_BACKUP_NUMBER: deploy.crisisBackupNumber } : {}),
      CLINICIAN_NUMBER: deploy.clinicianNumber,
      COORDINATOR_NUMBERS: deploy.coordinatorNumbers.join(','),
      LINE_TIMEZONE: deploy.timezone,
      HOLD_AUDIO_URL: this.hosting.holdToneUrl,
    };
    const entry = (name: FunctionName) => join(repoRoot, 'functions', 'handlers', `${name}.ts`);
    const deadLetters: Record<EventTarget, sqs.Queue> = {
      dispatcher: createDeadLetterQueue(this, 'DispatcherDeadLetters'),
      notifier: createDeadLetterQueue(this, 'NotifierDeadLetters'),
    };
    const asyncFailures = (target: EventTarget) => ({
      deadLetterQueue: deadLetters[target],
      retryAttempts: ASYNC_RETRIES,
      maxEventAge: MAX_EVENT_AGE[target],
    });

    this.functions = {
      'twilio-webhook': new HouseFunction(this, 'TwilioWebhook', {
        entry: entry('twilio-webhook'),
        description: 'Every Twilio voice/SMS webhook and /health: answers TwiML within about a second',
        environment,
        logRetention,
        logKey,
        // Twilio gives up at 15 s; the store deadlines leave room to answer safe TwiML well before.
        timeout: Duration.seconds(10),
        memorySize: 1024,
        // Reserved so a flood of dispatcher or admin work can never take the capacity callers need.
        ...(deploy.webhookReservedConcurrency > 0
          ? { reservedConcurrentExecutions: deploy.webhookReservedConcurrency }
          : {}),
      }),
      dispatcher: new HouseFunction(this, 'Dispatcher', {
        entry: entry('dispatcher'),
        description: 'Offers waiting contacts to volunteers; runs the minute tick',
        environment,
        logRetention,
        logKey,
        timeout: Duration.seconds(30),
        memorySize: 512,
        asyncFailures: asyncFailures('dispatcher'),
      }),
      notifier: new HouseFunction(this, 'Notifier', {
        entry: entry('notifier'),
        description: 'Texts the clinician, coordinators and paused volunteers',
        environment,
        logRetention,
        logKey,
        timeout: Duration.seconds(30),
        memorySize: 512,
        asyncFailures: asyncFailures('notifier'),
      }),
      'admin-api': new HouseFunction(this, 'AdminApi', {
        entry: entry('admin-api'),
        description: 'JSON API for the coordinators console under /admin',
        environment,
        logRetention,
        logKey,
        timeout: Duration.seconds(15),
        memorySize: 512,
      }),
    };

    this.grantTable('twilio-webhook', READ_WRITE_RING);
    this.grantTable('dispatcher', READ_WRITE_RING_TAKE);
    this.grantTable('notifier', READ_AND_MARK);
    this.grantTable('admin-api', READ_WRITE_BATCH_READ);
    // The notifier only consumes events; roster edits in the admin API can start a shift the dispatcher must hear of.
    for (const name of ['twilio-webhook', 'dispatcher', 'admin-api'] as const) {
      this.allow(name, ['events:PutEvents'], [stateful.bus.eventBusArn]);
    }
    // Every function boots with the same configuration, which requires all three secrets.
    const secretArns = [stateful.twilioAuthToken, stateful.callerKeyPepper, stateful.sessionKey].map(
      (s) => s.secretArn,
    );
    for (const name of Object.keys(this.functions) as FunctionName[]) {
      this.allow(name, ['secretsmanager:GetSecretValue'], secretArns);
      // The secrets are sealed with the stateful stack's own key; Secrets Manager decrypts on the caller's behalf.
      this.allow(name, ['kms:Decrypt'], [stateful.dataKey.keyArn]);
    }

    this.consoleClient = new cognito.UserPoolClient(this, 'ConsoleClient', {
      userPool: stateful.userPool,
      userPoolClientName: 'console',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, stateful.adminScope],
        callbackUrls: [`${this.hosting.url}/`],
        logoutUrls: [`${this.hosting.url}/`],
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    this.hosting.deployConsole({
      authMode: 'cognito',
      apiBase: this.api.apiEndpoint,
      signInUrl: stateful.userPoolDomain.baseUrl(),
      clientId: this.consoleClient.userPoolClientId,
    });
    this.mountRoutes(stateful, stage);
    this.addEventRules(stateful, deadLetters);

    new LineAlarms(this, 'Alarms', {
      alarmEmail: deploy.alarmEmail,
      alarmTextNumbers: deploy.coordinatorNumbers,
      webhook: this.functions['twilio-webhook'].function,
      webhookLogGroup: this.functions['twilio-webhook'].logGroup,
      heartbeatHours: deploy.webhookHeartbeatHours,
      dispatcher: this.functions.dispatcher.function,
      notifier: this.functions.notifier.function,
      adminApi: this.functions['admin-api'].function,
      httpApi: this.api,
      deadLetterQueues: Object.values(deadLetters),
      topicKey: logKey,
    });

    new CfnOutput(this, 'ApiUrl', { value: apiUrl, description: 'HTTP API base URL' });
    new CfnOutput(this, 'PublicBaseUrl', {
      value: publicBaseUrl,
      description:
        'Base URL Twilio posts to and signatures are checked against; voice URL is <this>/twilio/voice',
    });
    new CfnOutput(this, 'VoiceFallbackUrl', {
      value: this.hosting.voiceFallbackUrl,
      description: "Set as the number's voice fallback URL with method GET",
    });
    new CfnOutput(this, 'SmsFallbackUrl', {
      value: this.hosting.smsFallbackUrl,
      description: "Set as the number's messaging fallback URL with method GET",
    });
    new CfnOutput(this, 'ConsoleUrl', { value: `${this.hosting.url}/` });
    new CfnOutput(this, 'ConsoleClientId', { value: this.consoleClient.userPoolClientId });
    new CfnOutput(this, 'UserPoolId', { value: stateful.userPool.userPoolId });
  }

  /** One key for what operations read: the log groups and the alarm topic; the two services may use it. */
  private operationsKey(): kms.Key {
    const key = new kms.Key(this, 'OperationsKey', {
      description: 'warmline log groups and alarm topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    return key;
  }

  private allow(name: FunctionName, actions: string[], resources: string[]): void {
    this.functions[name].role.addToPolicy(new iam.PolicyStatement({ actions, resources }));
  }

  /** Named indexes rather than index/*: a function can reach exactly the indexes the schema declares. */
  private grantTable(name: FunctionName, actions: string[]): void {
    const { table } = this.stateful;
    const indexes = tableSchema.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`);
    this.allow(name, actions, [table.tableArn, ...indexes]);
  }

  private mountRoutes(stateful: StatefulStack, stage: apigw.HttpStage): void {
    const integrations = {
      'twilio-webhook': new HttpLambdaIntegration(
        'TwilioWebhookIntegration',
        this.functions['twilio-webhook'].function,
      ),
      'admin-api': new HttpLambdaIntegration('AdminApiIntegration', this.functions['admin-api'].function),
    } satisfies Record<RouteTarget, HttpLambdaIntegration>;
    // Each route has its own token bucket, so junk on /health or the admin API cannot spend Twilio's.
    // A JSON property: CloudFormation's own capitalisation, which the CDK does not add here.
    (stage.node.defaultChild as apigw.CfnStage).routeSettings = Object.fromEntries(
      routes.map((route) => [
        `${route.method} ${route.path}`,
        {
          ThrottlingRateLimit: ROUTE_THROTTLES[route.auth].rateLimit,
          ThrottlingBurstLimit: ROUTE_THROTTLES[route.auth].burstLimit,
        },
      ]),
    );
    const coordinators = new HttpUserPoolAuthorizer('Coordinators', stateful.userPool, {
      userPoolClients: [this.consoleClient],
    });
    for (const route of routes) {
      const [added] = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrations[route.target],
        ...(route.auth === 'coordinator-jwt'
          ? { authorizer: coordinators, authorizationScopes: [ADMIN_SCOPE] }
          : {}),
      });
      if (added) stage.node.addDependency(added);
      if (added && route.auth !== 'coordinator-jwt') {
        Validations.of(added).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason:
            route.auth === 'twilio-signature'
              ? 'Twilio cannot present IAM or Cognito credentials; the function verifies X-Twilio-Signature ' +
                '(HMAC of the configured public URL and form) and answers 400/403 before any work.'
              : 'Health check for uptime monitors; it reveals nothing and changes nothing.',
        });
      }
    }
  }

  private addEventRules(stateful: StatefulStack, deadLetters: Record<EventTarget, sqs.Queue>): void {
    const targetFor = (target: EventTarget) =>
      new targets.LambdaFunction(this.functions[target].function, {
        deadLetterQueue: deadLetters[target],
        retryAttempts: ASYNC_RETRIES,
        maxEventAge: MAX_EVENT_AGE[target],
      });
    for (const rule of eventRules) {
      new events.Rule(this, rule.name, {
        eventBus: stateful.bus,
        description: `${rule.detailTypes.join(', ')} -> ${rule.target}`,
        eventPattern: { source: ruleSources(rule), detailType: [...rule.detailTypes] },
        targets: [targetFor(rule.target)],
      });
    }
    for (const schedule of schedules) {
      new events.Rule(this, schedule.name, {
        description: `Every ${schedule.everyMinutes} min -> ${schedule.target}`,
        schedule: events.Schedule.rate(Duration.minutes(schedule.everyMinutes)),
        targets: [targetFor(schedule.target)],
      });
    }
  }
}
