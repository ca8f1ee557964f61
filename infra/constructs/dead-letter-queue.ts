// An encrypted, TLS-only SQS queue that keeps what a consumer could not process, for inspection and replay.
import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export function createDeadLetterQueue(scope: Construct, id: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    // SQS-managed keys: EventBridge cannot send to a queue encrypted with the AWS-managed KMS key.
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SQS3',
    reason:
      'This queue is itself the dead-letter queue of EventBridge targets and a Lambda; an alarm fires on depth > 0.',
  });
  return queue;
}
