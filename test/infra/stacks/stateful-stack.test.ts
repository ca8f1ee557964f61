import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableSchema } from '../../../functions/store/table-schema.js';
import { ADMIN_SCOPE } from '../../../infra/stacks/stateful-stack.js';
import { buildWarmline, templatesOf } from '../synth-warmline.js';

type Resource = { Properties: Record<string, unknown> };

describe('StatefulStack', () => {
  let template: Template;
  let table: Resource;

  beforeAll(() => {
    template = templatesOf(buildWarmline()).stateful;
    const tables = Object.values(template.findResources('AWS::DynamoDB::Table')) as Resource[];
    expect(tables).toHaveLength(1);
    table = tables[0]!;
  });

  it('keeps one on-demand table with point-in-time recovery, deletion protection and retention', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('expires items on the TTL attribute the store writes', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: tableSchema.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('declares the keys and global indexes of the shared table schema', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableSchema.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableSchema.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = table.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: unknown;
      Projection: { ProjectionType: string };
    }[];
    expect(
      indexes.map((index) => ({
        name: index.IndexName,
        keys: index.KeySchema,
        projection: index.Projection.ProjectionType,
      })),
    ).toEqual(
      tableSchema.globalIndexes.map((index) => ({
        name: index.indexName,
        keys: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        projection: index.projection,
      })),
    );
    const definitions = table.Properties.AttributeDefinitions as { AttributeType: string }[];
    expect(new Set(definitions.map((d) => d.AttributeType))).toEqual(new Set([tableSchema.keyAttributeType]));
  });

  it('archives the line events on the bus for the configured number of days', () => {
    const warmline = buildWarmline({ context: { archiveRetentionDays: 45 } });
    templatesOf(warmline).stateful.hasResourceProperties('AWS::Events::Archive', {
      RetentionDays: 45,
      // Every publisher's events: warmline.webhook, warmline.dispatcher, warmline.admin, ...
      EventPattern: { source: [{ prefix: 'warmline' }] },
    });
  });

  it('generates the session key as exactly 64 lower-case hex digits', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret', {
      Properties: { Name: 'WarmlineStateful/session-key' },
    });
    const generate = (Object.values(secrets)[0] as Resource).Properties.GenerateSecretString as {
      PasswordLength: number;
      ExcludeCharacters: string;
      ExcludeUppercase: boolean;
      ExcludePunctuation: boolean;
    };
    const printable = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
    const allowed = [...printable].filter(
      (c) =>
        !generate.ExcludeCharacters.includes(c) &&
        !(generate.ExcludeUppercase && /[A-Z]/.test(c)) &&
        !(generate.ExcludePunctuation && /[^A-Za-z0-9]/.test(c)),
    );
    expect(generate.PasswordLength).toBe(64);
    expect(allowed.join('')).toBe('0123456789abcdef');
  });

  it('keeps every secret when the stack is deleted', () => {
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret'));
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) expect(secret).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  it('requires TOTP MFA for coordinators and lets nobody sign themselves up', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireSymbols: true }) },
    });
  });

  it('offers the admin scope on a resource server', () => {
    const [identifier, scope] = ADMIN_SCOPE.split('/');
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: identifier,
      Scopes: [Match.objectLike({ ScopeName: scope })],
    });
  });
});
