// What must survive a redeploy: the table, the event bus and its archive, the secrets, the coordinators' user pool.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../functions/event-rules.js';
import { tableSchema } from '../../functions/store/table-schema.js';
import { acknowledgeFindings, RULE } from '../constructs/nag-findings.js';
import type { DeployContext } from '../deploy-context.js';

/** The scope the admin API requires; Cognito puts `<resource server>/<scope>` in access tokens. */
export const ADMIN_RESOURCE_SERVER = 'warmline';
export const ADMIN_SCOPE_NAME = 'admin';
export const ADMIN_SCOPE = `${ADMIN_RESOURCE_SERVER}/${ADMIN_SCOPE_NAME}`;

export interface StatefulStackProps extends StackProps {
  readonly deploy: DeployContext;
}

// tableSchema.keyAttributeType is 'S' for every key, table and index alike.
const keyAttribute = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  /** Our own key for the secrets and the table's backups: its use is in CloudTrail and its policy is ours. */
  readonly dataKey: kms.Key;
  readonly bus: events.EventBus;
  readonly twilioAuthToken: secretsmanager.Secret;
  readonly callerKeyPepper: secretsmanager.Secret;
  readonly sessionKey: secretsmanager.Secret;
  readonly userPool: cognito.UserPool;
  readonly adminScope: cognito.OAuthScope;
  readonly userPoolDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: keyAttribute(tableSchema.partitionKey),
      sortKey: keyAttribute(tableSchema.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableSchema.timeToLiveAttribute,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableSchema.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: keyAttribute(index.partitionKey),
        sortKey: keyAttribute(index.sortKey),
        projectionType:
          index.projection === 'ALL' ? dynamodb.ProjectionType.ALL : dynamodb.ProjectionType.KEYS_ONLY,
      });
    }

    this.dataKey = new kms.Key(this, 'DataKey', {
      description: 'warmline secrets (auth token, caller-key pepper, session key) and table backups',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Daily backups kept 35 days, on top of point-in-time recovery: a copy outside the table's own history.
    const backups = backup.BackupPlan.daily35DayRetention(
      this,
      'TableBackups',
      new backup.BackupVault(this, 'BackupVault', {
        encryptionKey: this.dataKey,
        removalPolicy: RemovalPolicy.RETAIN,
      }),
    );
    const selection = backups.addSelection('Table', {
      resources: [backup.BackupResource.fromDynamoDbTable(this.table)],
    });
    acknowledgeFindings(
      selection,
      [
        'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      ],
      "AWS Backup's own service policy for taking backups; AWS keeps it current with the services it backs up.",
    );

    this.bus = new events.EventBus(this, 'Bus', { description: 'Line events of the warmline' });
    // The archive lets an operator replay events a broken consumer dropped (see the DLQ alarms).
    this.bus.archive('Archive', {
      description: 'Every warmline line event, for replay',
      eventPattern: { source: events.Match.prefix(EVENT_SOURCE) },
      retention: Duration.days(props.deploy.archiveRetentionDays),
    });

    this.twilioAuthToken = new secretsmanager.Secret(this, 'TwilioAuthToken', {
      secretName: `${this.stackName}/twilio-auth-token`,
      description:
        "Twilio auth token. Created with a random placeholder: put the account's real token with " +
        '`aws secretsmanager put-secret-value` after the first deploy. Until then every webhook fails its ' +
        'signature check and Twilio plays the static fallback.',
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.callerKeyPepper = new secretsmanager.Secret(this, 'CallerKeyPepper', {
      secretName: `${this.stackName}/caller-key-pepper`,
      description:
        'HMAC pepper for callerKey; changing it breaks repeat-caller counts and reports across the change.',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The runtime wants 32 bytes as 64 lower-case hex digits (SESSION_KEY): excluding every other character
    // makes Secrets Manager generate exactly that, 4 random bits per character, so no derivation is needed.
    this.sessionKey = new secretsmanager.Secret(this, 'SessionKey', {
      secretName: `${this.stackName}/session-key`,
      description: 'AES-256-GCM key for live-session phone numbers: 64 lower-case hex digits.',
      generateSecretString: {
        passwordLength: 64,
        excludeUppercase: true,
        excludePunctuation: true,
        includeSpace: false,
        excludeCharacters: 'ghijklmnopqrstuvwxyz',
      },
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Rotation by hand, as README "Rotating the secrets" describes step by step.
    const noAutomaticRotation = (secret: secretsmanager.Secret, reason: string) =>
      acknowledgeFindings(secret, RULE.rotation, reason);
    noAutomaticRotation(
      this.twilioAuthToken,
      'Twilio issues auth tokens: rotate in the Twilio console (secondary token, promote), then put the new value ' +
        'here. A rotation Lambda would need a Twilio credential stronger than the token it rotates.',
    );
    noAutomaticRotation(
      this.callerKeyPepper,
      'Rotating the pepper changes every callerKey, which breaks repeat-caller counts and blocks; rotate only by ' +
        'hand, on purpose, when the pepper may have leaked.',
    );
    noAutomaticRotation(
      this.sessionKey,
      'Live sessions sealed with the old key would lose their phone numbers mid-conversation; rotate by hand in ' +
        'quiet hours (sessions expire within hours).',
    );

    this.userPool = new cognito.UserPool(this, 'Coordinators', {
      userPoolName: `${this.stackName}-coordinators`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Coordinators see the live board and reports: threat protection is worth its cost at a handful of users.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const adminScope = new cognito.ResourceServerScope({
      scopeName: ADMIN_SCOPE_NAME,
      scopeDescription: 'Manage volunteers, shifts and settings; read the board and reports',
    });
    const resourceServer = this.userPool.addResourceServer('Api', {
      identifier: ADMIN_RESOURCE_SERVER,
      scopes: [adminScope],
    });
    this.adminScope = cognito.OAuthScope.resourceServer(resourceServer, adminScope);
    // Custom scopes only reach access tokens through the OAuth endpoints, so the console signs in here.
    this.userPoolDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: props.deploy.authDomainPrefix },
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    new CfnOutput(this, 'TwilioAuthTokenSecretName', { value: `${this.stackName}/twilio-auth-token` });
    new CfnOutput(this, 'CallerKeyPepperSecretName', { value: `${this.stackName}/caller-key-pepper` });
    new CfnOutput(this, 'SessionKeySecretName', { value: `${this.stackName}/session-key` });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'SignInDomain', { value: this.userPoolDomain.baseUrl() });
  }
}
