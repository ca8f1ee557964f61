import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RuntimeConfigSchema } from '../../../functions/config.js';
import { eventRules, ruleSources, schedules } from '../../../functions/event-rules.js';
import { routes } from '../../../functions/routes.js';
import { ADMIN_SCOPE } from '../../../infra/stacks/stateful-stack.js';
import type { FunctionName } from '../../../infra/stacks/stateless-stack.js';
import { buildWarmline, type SynthesisedWarmline, templatesOf } from '../synth-warmline.js';

type Resource = { Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown };

const values = (resources: Record<string, unknown>) => Object.values(resources) as Resource[];
const logicalIdOf = (stack: Stack, fn: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(fn.node.defaultChild as CfnElement);

describe('StatelessStack', () => {
  let warmline: SynthesisedWarmline;
  let template: Template;
  let functionIds: Record<FunctionName, string>;

  beforeAll(() => {
    warmline = buildWarmline();
    template = templatesOf(warmline).stateless;
    const { stateless } = warmline;
    functionIds = Object.fromEntries(
      Object.entries(stateless.functions).map(([name, fn]) => [name, logicalIdOf(stateless, fn.function)]),
    ) as Record<FunctionName, string>;
  });

  const lambda = (name: FunctionName): Resource => template.toJSON().Resources[functionIds[name]] as Resource;

  it('mounts every route of the route table on the function and auth it names', () => {
    const apiRoutes = values(template.findResources('AWS::ApiGatewayV2::Route'));
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    const functionOfIntegration = (target: unknown) => {
      const integrationId = JSON.stringify(target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
      const uri = JSON.stringify((integrations[integrationId] as Resource).Properties.IntegrationUri);
      return (Object.keys(functionIds) as FunctionName[]).find((name) =>
        uri.includes(`"${functionIds[name]}"`),
      );
    };
    const mounted = apiRoutes.map((route) => ({
      key: route.Properties.RouteKey,
      target: functionOfIntegration(route.Properties.Target),
      authorization: route.Properties.AuthorizationType,
      scopes: route.Properties.AuthorizationScopes,
    }));
    const expected = routes.map((route) => ({
      key: `${route.method} ${route.path}`,
      target: route.target,
      authorization: route.auth === 'coordinator-jwt' ? 'JWT' : 'NONE',
      scopes: route.auth === 'coordinator-jwt' ? [ADMIN_SCOPE] : undefined,
    }));
    expect(mounted).toHaveLength(expected.length);
    expect(mounted).toEqual(expect.arrayContaining(expected));
  });

  it('checks coordinator tokens against the user pool and the console client', () => {
    const authorizers = values(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizers).toHaveLength(1);
    const authorizer = authorizers[0]!.Properties;
    expect(authorizer.AuthorizerType).toBe('JWT');
    const config = JSON.stringify(authorizer.JwtConfiguration);
    expect(config).toContain('cognito-idp.');
    expect(config).toContain(
      warmline.stateless.getLogicalId(warmline.stateless.consoleClient.node.defaultChild as CfnElement),
    );
  });

  it('uses payload format 2.0 for every integration', () => {
    for (const integration of values(template.findResources('AWS::ApiGatewayV2::Integration'))) {
      expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
    }
  });

  it('runs every function on the newest Node runtime on arm64 with its own log group', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup');
    for (const name of Object.keys(functionIds) as FunctionName[]) {
      const { Runtime, Architectures, LoggingConfig, Handler } = lambda(name).Properties as {
        Runtime: string;
        Handler: string;
        Architectures: string[];
        LoggingConfig: { LogGroup: { Ref: string } };
      };
      expect(Number(Runtime.match(/^nodejs(\d+)\.x$/)?.[1])).toBeGreaterThanOrEqual(22);
      expect(Architectures).toEqual(['arm64']);
      // The bundle's entry is index.mjs, beside the chunks it loads on first use.
      expect(Handler).toBe('index.handler');
      expect((logGroups[LoggingConfig.LogGroup.Ref] as Resource).Properties.RetentionInDays).toBe(30);
    }
  });

  it('caps the webhook function with reserved concurrency and a timeout inside Twilio’s 15 s', () => {
    const { ReservedConcurrentExecutions, Timeout } = lambda('twilio-webhook').Properties;
    expect(ReservedConcurrentExecutions).toBe(20);
    expect(Timeout).toBeLessThan(15);
  });

  it('reserves no webhook concurrency when the context sets 0 for a new account', () => {
    const small = buildWarmline({ context: { webhookReservedConcurrency: '0' } });
    const resources = templatesOf(small).stateless.toJSON().Resources as Record<string, Resource>;
    const id = logicalIdOf(small.stateless, small.stateless.functions['twilio-webhook'].function);
    expect(resources[id]!.Properties).not.toHaveProperty('ReservedConcurrentExecutions');
  });

  it('sets log retention from context on functions and the API access logs', () => {
    const longer = templatesOf(buildWarmline({ context: { logRetentionDays: 90 } })).stateless;
    const retentions = values(longer.findResources('AWS::Logs::LogGroup')).map(
      (g) => g.Properties.RetentionInDays,
    );
    expect(retentions).toHaveLength(Object.keys(functionIds).length + 1);
    expect(new Set(retentions)).toEqual(new Set([90]));
  });

  it('gives the webhook every setting it reads, all named by the runtime config schema', () => {
    const variables = (
      lambda('twilio-webhook').Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;
    const required = [
      'TABLE_NAME',
      'EVENT_BUS_NAME',
      'PUBLIC_BASE_URL',
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN_SECRET_ARN',
      'CALLER_KEY_PEPPER_SECRET_ARN',
      'SESSION_KEY_SECRET_ARN',
      'LINE_NUMBER',
      'CRISIS_NUMBER',
      'CRISIS_TEXT_NUMBER',
      'CLINICIAN_NUMBER',
      'COORDINATOR_NUMBERS',
      'LINE_TIMEZONE',
    ];
    expect(Object.keys(variables)).toEqual(expect.arrayContaining(required));
    const known = new Set([...Object.keys(RuntimeConfigSchema.shape), 'NODE_OPTIONS']);
    expect(Object.keys(variables).filter((key) => !known.has(key))).toEqual([]);
  });

  it("gives callers the line's own hold clip from the console's CloudFront, uploaded as audio", () => {
    const variables = (
      lambda('twilio-webhook').Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;
    expect(JSON.stringify(variables.HOLD_AUDIO_URL)).toContain('/hold-tone.wav');
    const deployments = values(template.findResources('Custom::CDKBucketDeployment'));
    const types = deployments.map(
      (d) => (d.Properties.SystemMetadata as Record<string, unknown> | undefined)?.['content-type'],
    );
    expect(types).toContain('audio/wav');
  });

  it('grants no wildcard action and only named DynamoDB actions', () => {
    const statements = values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions.filter((a) => a === '*' || a === 'dynamodb:*')).toEqual([]);
    const dynamo = new Set(actions.filter((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toEqual(
      new Set([
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:Query',
        'dynamodb:DeleteItem',
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
      ]),
    );
  });

  it("grants the webhook and the tick every DynamoDB call the line's store makes (the tick alone deletes)", () => {
    // From the store's source, so a new kind of call it makes cannot ship without its grant.
    const source = readFileSync(resolve('functions/store/dynamo-store.ts'), 'utf8');
    const ACTION_OF: Record<string, string> = {
      Get: 'GetItem',
      Put: 'PutItem',
      Update: 'UpdateItem',
      Delete: 'DeleteItem',
      Query: 'Query',
      BatchWrite: 'BatchWriteItem',
      BatchGet: 'BatchGetItem',
    };
    const used = [...new Set([...source.matchAll(/new (\w+)Command\(/g)].map((m) => m[1] ?? ''))].map(
      (command) => `dynamodb:${ACTION_OF[command] ?? command}`,
    );
    expect(used).toContain('dynamodb:BatchWriteItem');
    const granted = (role: RegExp) =>
      new Set(
        values(template.findResources('AWS::IAM::Policy'))
          .filter((policy) => role.test(JSON.stringify(policy.Properties.Roles)))
          .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
          .flatMap((s) => [s.Action].flat()),
      );
    expect(used.filter((action) => !granted(/Dispatcher/i).has(action))).toEqual([]);
    expect(used.filter((action) => !granted(/TwilioWebhook/i).has(action))).toEqual(['dynamodb:DeleteItem']);
  });

  it('lets only the admin API (the volunteer directory, a keys-only index) read in batches', () => {
    const readers = values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.some((s) =>
        [s.Action].flat().includes('dynamodb:BatchGetItem'),
      ),
    );
    expect(readers).toHaveLength(1);
    expect(JSON.stringify(readers[0]?.Properties.Roles)).toMatch(/Admin/i);
  });

  it('lets only the dispatcher (the tick taking outbox items) delete from the table', () => {
    const policies = values(template.findResources('AWS::IAM::Policy'));
    const deleters = policies.filter((policy) =>
      (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.some((s) =>
        [s.Action].flat().includes('dynamodb:DeleteItem'),
      ),
    );
    expect(deleters).toHaveLength(1);
    expect(JSON.stringify(deleters[0]?.Properties.Roles)).toMatch(/Dispatcher/i);
  });

  it('scopes table, bus and secret grants to those resources alone', () => {
    const statements = values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const scoped = statements.filter((s) =>
      [s.Action].flat().some((a) => /^(dynamodb|events:PutEvents|secretsmanager)/.test(a)),
    );
    expect(scoped.length).toBeGreaterThan(0);
    for (const statement of scoped) {
      const resources = [statement.Resource].flat();
      expect(resources).not.toContain('*');
      expect(JSON.stringify(resources)).not.toContain('index/*');
    }
  });

  it('gives every EventBridge target a dead-letter queue and a retry policy', () => {
    const rules = values(template.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(eventRules.length + schedules.length);
    for (const rule of rules) {
      for (const target of rule.Properties.Targets as Record<string, unknown>[]) {
        expect(target.DeadLetterConfig).toMatchObject({ Arn: expect.anything() });
        expect(target.RetryPolicy).toMatchObject({
          MaximumRetryAttempts: expect.any(Number),
          MaximumEventAgeInSeconds: expect.any(Number),
        });
      }
    }
  });

  it('routes each event rule to the function the shared rules name', () => {
    for (const definition of eventRules) {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: { source: ruleSources(definition), 'detail-type': [...definition.detailTypes] },
        Targets: [{ Arn: { 'Fn::GetAtt': [functionIds[definition.target], 'Arn'] } }],
      });
    }
    for (const schedule of schedules) {
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: `rate(${schedule.everyMinutes} minute${schedule.everyMinutes === 1 ? '' : 's'})`,
        Targets: [{ Arn: { 'Fn::GetAtt': [functionIds[schedule.target], 'Arn'] } }],
      });
    }
  });

  it('keeps failed asynchronous executions of the event consumers in their dead-letter queues', () => {
    for (const name of ['dispatcher', 'notifier'] as const) {
      expect(lambda(name).Properties.DeadLetterConfig).toMatchObject({ TargetArn: expect.anything() });
    }
    const invokeConfigs = values(template.findResources('AWS::Lambda::EventInvokeConfig'));
    expect(invokeConfigs).toHaveLength(2);
  });

  it('encrypts the dead-letter queues and refuses plain-text access', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    expect(Object.keys(queues)).toHaveLength(2);
    for (const queue of values(queues)) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    const policies = values(template.findResources('AWS::SQS::QueuePolicy'));
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('sends webhook, dispatcher, notifier and admin API errors, API 5xx and dead letters to the alarm topic', () => {
    const alarms = values(template.findResources('AWS::CloudWatch::Alarm'));
    const watched = alarms.map((alarm) => `${alarm.Properties.Namespace}/${alarm.Properties.MetricName}`);
    expect(watched.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(4);
    expect(watched.filter((m) => m === 'AWS/ApiGateway/5xx')).toHaveLength(1);
    expect(watched.filter((m) => m === 'AWS/SQS/ApproximateNumberOfMessagesVisible')).toHaveLength(2);
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('alarms when no webhook arrives for six hours, counting silence (missing data) as breaching', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Invocations',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionIds['twilio-webhook'] } }],
      Statistic: 'Sum',
      Period: 6 * 3600,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('takes the heartbeat span from context, and names a span CloudWatch cannot evaluate', () => {
    const nightly = templatesOf(buildWarmline({ context: { webhookHeartbeatHours: '12' } })).stateless;
    nightly.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Invocations', Period: 12 * 3600 });
    expect(() => buildWarmline({ context: { webhookHeartbeatHours: '48' } })).toThrow(
      /-c webhookHeartbeatHours: must be at most 24 hours/,
    );
  });

  it("counts Twilio's error reports from the webhook log and alarms on the first one", () => {
    const webhookLogs = warmline.stateless.getLogicalId(
      warmline.stateless.functions['twilio-webhook'].logGroup.node.defaultChild as CfnElement,
    );
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: webhookLogs },
      FilterPattern: '{ $.message = "twilio reported an error" }',
      MetricTransformations: [{ MetricNamespace: 'warmline', MetricName: 'TwilioErrors', MetricValue: '1' }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'warmline',
      MetricName: 'TwilioErrors',
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('subscribes the alarm email when the context gives one', () => {
    const withEmail = templatesOf(buildWarmline({ context: { alarmEmail: 'oncall@example.org' } })).stateless;
    withEmail.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.org',
    });
  });

  it('texts every alarm to the coordinators numbers as well', () => {
    const withNumbers = templatesOf(
      buildWarmline({ context: { coordinatorNumbers: '+13125551236,+13125551237' } }),
    ).stateless;
    const texts = values(withNumbers.findResources('AWS::SNS::Subscription')).filter(
      (subscription) => subscription.Properties.Protocol === 'sms',
    );
    expect(texts.map((subscription) => subscription.Properties.Endpoint)).toEqual([
      '+13125551236',
      '+13125551237',
    ]);
  });

  it('serves the console bucket only through CloudFront with origin access control', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { DefaultRootObject: 'index.html' },
    });
    expect(Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl'))).toHaveLength(1);
    for (const bucket of values(template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
  });

  it('deploys the fallback TwiML as XML even when no console is built', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: false,
      SystemMetadata: { 'content-type': 'text/xml' },
    });
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(JSON.stringify(outputs.VoiceFallbackUrl?.Value)).toContain('/fallback.xml');
  });

  it('outputs what an operator needs to point Twilio and coordinators at the stack', () => {
    const outputs = Object.keys(template.toJSON().Outputs as object);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'ApiUrl',
        'PublicBaseUrl',
        'VoiceFallbackUrl',
        'SmsFallbackUrl',
        'ConsoleUrl',
        'ConsoleClientId',
        'UserPoolId',
      ]),
    );
  });

  it('signs against the custom public base URL when the context sets one', () => {
    const custom = buildWarmline({ context: { publicBaseUrl: 'https://line.example.org/' } });
    const resources = templatesOf(custom).stateless.toJSON().Resources as Record<string, Resource>;
    const id = logicalIdOf(custom.stateless, custom.stateless.functions['twilio-webhook'].function);
    const variables = (resources[id]!.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(variables.PUBLIC_BASE_URL).toBe('https://line.example.org');
  });

  it('gives every route its own throttle, Twilio routes far above the admin API and /health', () => {
    const stage = values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]?.Properties ?? {};
    const settings = stage.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;

    expect(Object.keys(settings).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    const rate = (key: string) => settings[key]?.ThrottlingRateLimit ?? 0;
    expect(rate('POST /twilio/voice')).toBe(200);
    expect(rate('POST /twilio/sms')).toBe(200);
    expect(rate('ANY /admin/{proxy+}')).toBeLessThan(rate('POST /twilio/voice') / 5);
    expect(rate('GET /health')).toBeLessThan(rate('ANY /admin/{proxy+}'));
    // Route settings name routes that must exist first.
    const stageId = Object.keys(template.findResources('AWS::ApiGatewayV2::Stage'))[0] ?? '';
    const dependsOn = (template.toJSON().Resources[stageId].DependsOn ?? []) as string[];
    expect(dependsOn.length).toBeGreaterThanOrEqual(routes.length);
  });
});
