// Alarms that mean a caller may have been failed or an event lost, sent to one SNS topic: by e-mail and by
// text to the coordinators' numbers.
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SmsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TWILIO_ERROR_LOG_MESSAGE } from '../../functions/webhook/twilio-errors.js';

export interface LineAlarmsProps {
  /** Subscribed to the topic when given; otherwise subscribe later (email, chat, pager). */
  readonly alarmEmail?: string | undefined;
  /** Texted every alarm too: an e-mail can sit unread while a shift falls through on a phone. */
  readonly alarmTextNumbers?: readonly string[];
  readonly webhook: IFunction;
  /** Where the webhook function logs; Twilio's error reports are counted from it. */
  readonly webhookLogGroup: ILogGroup;
  /** No webhook at all for this long means Twilio cannot reach us (or the number lost its URLs). */
  readonly heartbeatHours: number;
  readonly dispatcher: IFunction;
  readonly notifier: IFunction;
  readonly adminApi: IFunction;
  readonly httpApi: IHttpApi;
  readonly deadLetterQueues: readonly IQueue[];
  /** A customer-managed key whose policy lets CloudWatch publish (the AWS-managed SNS key does not). */
  readonly topicKey: IKey;
}

const ONE_MINUTE = Duration.minutes(1);

type AlarmWhen = Pick<cloudwatch.AlarmProps, 'threshold' | 'comparisonOperator' | 'treatMissingData'>;

/** Most alarms: any error at all is worth a look, and no data means nothing went wrong. */
const ANY: AlarmWhen = {
  threshold: 0,
  comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
  treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
};

/**
 * The heartbeat: silence is a failure too (a wrong webhook URL, an expired number or a broken signature
 * secret means callers hear Twilio's error and nothing here throws), and missing data is what silence looks like.
 */
const SILENCE: AlarmWhen = {
  threshold: 1,
  comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
  treatMissingData: cloudwatch.TreatMissingData.BREACHING,
};
export const METRIC_NAMESPACE = 'warmline';
export const TWILIO_ERRORS_METRIC = 'TwilioErrors';

export class LineAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: LineAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'warmline alarms',
      enforceSSL: true,
      masterKey: props.topicKey,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    for (const number of props.alarmTextNumbers ?? [])
      this.topic.addSubscription(new SmsSubscription(number));

    // A single webhook error may be a caller who heard the fallback: worth a look every time.
    this.add('WebhookErrors', props.webhook.metricErrors({ period: ONE_MINUTE }), 'twilio-webhook threw');
    this.add(
      'WebhookThrottles',
      props.webhook.metricThrottles({ period: ONE_MINUTE }),
      'twilio-webhook hit its reserved concurrency',
    );
    this.addHeartbeat(props.webhook, props.heartbeatHours);
    this.add(
      'TwilioErrors',
      this.countTwilioErrors(props.webhookLogGroup),
      "Twilio's Debugger reported an error (the webhook log names its code: see twilio.com/docs/api/errors)",
    );
    this.add('DispatcherErrors', props.dispatcher.metricErrors({ period: ONE_MINUTE }), 'dispatcher threw');
    this.add('NotifierErrors', props.notifier.metricErrors({ period: ONE_MINUTE }), 'notifier threw');
    // A coordinator's console failing is how a shift that fell through goes unfixed.
    this.add('AdminApiErrors', props.adminApi.metricErrors({ period: ONE_MINUTE }), 'admin-api threw');
    this.add(
      'Api5xx',
      props.httpApi.metricServerError({ period: ONE_MINUTE, statistic: 'Sum' }),
      'the HTTP API answered 5xx (webhooks or console)',
    );
    props.deadLetterQueues.forEach((queue, index) => {
      this.add(
        `DeadLetters${index + 1}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: ONE_MINUTE, statistic: 'Maximum' }),
        `events are waiting in ${queue.node.id}: inspect, fix, then redrive or replay from the archive`,
      );
    });
  }

  private addHeartbeat(webhook: IFunction, hours: number): void {
    this.add(
      'WebhookHeartbeat',
      webhook.metricInvocations({ period: Duration.hours(hours), statistic: 'Sum' }),
      `no Twilio webhook for ${hours} hours: check the number's webhook URLs and test a call`,
      SILENCE,
    );
  }

  /** The webhook logs one line per Debugger report (its code only); this counts those lines. */
  private countTwilioErrors(logGroup: ILogGroup): cloudwatch.IMetric {
    const filter = new MetricFilter(this, 'TwilioErrorReports', {
      logGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', TWILIO_ERROR_LOG_MESSAGE),
      metricNamespace: METRIC_NAMESPACE,
      metricName: TWILIO_ERRORS_METRIC,
      metricValue: '1',
    });
    return filter.metric({ period: Duration.minutes(5), statistic: 'Sum' });
  }

  private add(id: string, metric: cloudwatch.IMetric, description: string, when: AlarmWhen = ANY): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: description,
      ...when,
      evaluationPeriods: 1,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
