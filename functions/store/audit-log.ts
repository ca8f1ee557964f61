// The audit log's writes, shared by the admin API and the functions that supervise calls: one item per entry,
// in its month's partition (see table-keys.ts), kept for AUDIT_RETENTION_DAYS.
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../flows/admin/admin-api-types.js';
import type { AuditTrail } from '../../flows/ports.js';
import { auditPartition, sortableTime } from './table-keys.js';

export const AUDIT_RETENTION_DAYS = 800;

export function auditTrail(client: DynamoDBDocumentClient, tableName: string): AuditTrail {
  return {
    async writeAudit(entry: AuditEntry, id: string): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...entry,
            pk: auditPartition(entry.at),
            sk: `${sortableTime(entry.at)}#${id}`,
            expiresAt: Math.floor(entry.at / 1000) + AUDIT_RETENTION_DAYS * 86_400,
          },
        }),
      );
    },
  };
}
