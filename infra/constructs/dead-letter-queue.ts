// An encrypted, TLS-only SQS queue that keeps what a consumer could not process, for inspection and replay.
import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledgeFindings, RULE } from './nag-findings.js';

export function createDeadLetterQueue(scope: Construct, id: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    // SQS-managed keys: EventBridge cannot send to a queue encrypted with the AWS-managed KMS key.
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledgeFindings(
    queue,
    ['AwsSolutions::AwsSolutions-SQS3', ...RULE.redrive],
    'This queue is itself the dead-letter queue of EventBridge targets and a Lambda; an alarm fires on depth > 0.',
  );
  return queue;
}
