// One reason acknowledged for several cdk-nag rules at once, in the prefixed form each pack reports.
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Rule ids as cdk-nag prints them after "Acknowledge with", e.g. `HIPAA.Security::HIPAA.Security-LambdaDLQ`. */
export function acknowledgeFindings(scope: IConstruct, ids: readonly string[], reason: string): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

export const RULE = {
  lambdaDlq: ['Serverless::Serverless-LambdaDLQ', 'HIPAA.Security::HIPAA.Security-LambdaDLQ'],
  lambdaVpc: ['HIPAA.Security::HIPAA.Security-LambdaInsideVPC'],
  lambdaConcurrency: ['HIPAA.Security::HIPAA.Security-LambdaConcurrency'],
  inlinePolicy: ['HIPAA.Security::HIPAA.Security-IAMNoInlinePolicy'],
  asyncFailureDestination: ['Serverless::Serverless-LambdaAsyncFailureDestination'],
  latestRuntime: ['Serverless::Serverless-LambdaLatestVersion'],
  redrive: ['Serverless::Serverless-SQSRedrivePolicy'],
  rotation: [
    'AwsSolutions::AwsSolutions-SMG4',
    'HIPAA.Security::HIPAA.Security-SecretsManagerRotationEnabled',
  ],
  bucketKms: ['HIPAA.Security::HIPAA.Security-S3DefaultEncryptionKMS'],
  bucketVersioning: ['HIPAA.Security::HIPAA.Security-S3BucketVersioningEnabled'],
  bucketReplication: ['HIPAA.Security::HIPAA.Security-S3BucketReplicationEnabled'],
} as const;
