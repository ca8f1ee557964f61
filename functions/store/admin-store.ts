// What the coordinators' API keeps beside the line's live state: roster, settings version, blocks, audit.
//
// Access patterns (same single table, no Scan, no DeleteItem: removals are updates, so the API keeps
// least privilege and the audit trail keeps what was removed):
// - every volunteer ............................ Query gsi2 gsi2pk=VOLUNTEER, gsi2sk=<volunteerId> (keys only),
//   BatchGet the records not already read from ONSHIFT (volunteers written before this index existed are
//   found through ONSHIFT too)
// - the roster and its version ................. Get/conditional Put pk=ROSTER sk=ROSTER
// - rosters as they were (reports' coverage) ... Query pk=ROSTERLOG, sk=<effectiveFrom>#<version> between a
//   range's ends, plus the last one before it (descending, Limit 1): a report reads only the versions in force
// - settings version ........................... the LINE item's settingsVersion, checked on every save
// - a routing change awaiting confirmation ..... the LINE item's pendingSettings
// - blocked callers ............................ Query pk=BLOCK, sk=<blockId>; the key joins LINE.blockedKeys
// - ended contacts of a month .................. Query gsi1 gsi1pk=LOG#<yyyy-mm>, gsi1sk between
// - audit entries of a month ................... Query pk=AUDIT#<yyyy-mm>, sk=<at>#<id>
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, PendingSettingsChange } from '../../flows/admin/admin-api-types.js';
import type { LineSettingsPatch } from '../../flows/line-settings.js';
import type { Contact, Volunteer } from '../../flows/model.js';
import type { RosterVersion } from '../../flows/roster/roster-history.js';
import type { Roster } from '../../flows/roster/roster-schema.js';
import type { RosterSource } from '../../flows/roster/roster-tick.js';
import type { RuntimeConfig } from '../config.js';
import { AUDIT_RETENTION_DAYS, auditTrail } from './audit-log.js';
import { createDocumentClient } from './dynamo-client.js';
import {
  LINE_KEY,
  monthsBetween,
  ONSHIFT,
  phoneRecordKey,
  sortableTime,
  VOLUNTEER_DIRECTORY,
  volunteerKey,
} from './table-keys.js';

const ROSTER_KEY = { pk: 'ROSTER', sk: 'ROSTER' } as const;
const ROSTER_LOG_PARTITION = 'ROSTERLOG';
/** A replaced roster is kept as long as the audit log that records the change, and longer than any report range. */
const ROSTER_LOG_RETENTION_DAYS = AUDIT_RETENTION_DAYS;
const BLOCK_PARTITION = 'BLOCK';
const STORAGE_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'expiresAt'];

export interface StoredBlock {
  readonly blockId: string;
  readonly contactId: string;
  readonly callerKey: string;
  readonly reason?: string;
  readonly addedAt: number;
  readonly addedBy: string;
  readonly removedAt?: number;
  readonly removedBy?: string;
}

const BATCH_GET_LIMIT = 100;
const BATCH_GET_ATTEMPTS = 5;

function strip<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const name of STORAGE_ATTRIBUTES) delete copy[name];
  return copy as T;
}

/** A stored roster (current or logged); one saved before versions were kept counts as in force since ever. */
function rosterVersionOf(item: Record<string, unknown> | undefined): RosterVersion {
  return {
    version: typeof item?.version === 'number' ? item.version : 0,
    effectiveFrom: typeof item?.effectiveFrom === 'number' ? item.effectiveFrom : 0,
    roster: {
      weekly: (item?.weekly as Roster['weekly'] | undefined) ?? [],
      overrides: (item?.overrides as Roster['overrides'] | undefined) ?? [],
    },
  };
}

const rosterLogKey = (entry: RosterVersion): string =>
  `${sortableTime(entry.effectiveFrom)}#${String(entry.version).padStart(10, '0')}`;

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** UTC months "yyyy-mm" touching [fromMs, toMs]: the partitions a range query must read. */

export class AdminStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** Everyone in the directory plus anyone on shift (seeded or older records never joined the directory). */
  async listVolunteers(): Promise<Volunteer[]> {
    const [listed, onShift] = await Promise.all([
      this.queryAll({
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': VOLUNTEER_DIRECTORY },
      }),
      this.queryAll({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': ONSHIFT },
      }),
    ]);
    const onShiftKeys = new Set(onShift.map((item) => String(item.pk)));
    // The directory index holds keys only: the records of those not already read from the on-shift index.
    const directory = await this.getAll(
      listed.filter((item) => !onShiftKeys.has(String(item.pk))).map(({ pk, sk }) => ({ pk, sk })),
    );
    const byId = new Map<string, Volunteer>();
    for (const item of [...directory, ...onShift]) {
      const volunteer = strip<Volunteer>(item);
      byId.set(volunteer.volunteerId, volunteer);
    }
    // Seen on shift but not in the directory: join it now, so they stay listed once their shift ends.
    const strays = onShift.filter((item) => item.gsi2pk !== VOLUNTEER_DIRECTORY);
    await Promise.all(strays.map((item) => this.joinDirectory(String(item.volunteerId))));
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** BatchGet in pages of 100, asking again for whatever DynamoDB left unprocessed. */
  private async getAll(keys: readonly Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let at = 0; at < keys.length; at += BATCH_GET_LIMIT) {
      let pending: Record<string, unknown>[] | undefined = keys.slice(at, at + BATCH_GET_LIMIT);
      for (let attempt = 0; pending?.length && attempt < BATCH_GET_ATTEMPTS; attempt++) {
        const page: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }),
        );
        items.push(...(page.Responses?.[this.tableName] ?? []));
        pending = page.UnprocessedKeys?.[this.tableName]?.Keys;
      }
      if (pending?.length) throw new Error('the volunteer directory could not be read in full; try again');
    }
    return items;
  }

  /** A new volunteer, only if the id is free; joins the directory index. */
  async createVolunteer(volunteer: Volunteer): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...volunteer,
            ...volunteerKey(volunteer.volunteerId),
            gsi2pk: VOLUNTEER_DIRECTORY,
            gsi2sk: volunteer.volunteerId,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Puts an older volunteer record into the directory index, so it is listed after it comes off shift. */
  async joinDirectory(volunteerId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: volunteerKey(volunteerId),
          UpdateExpression: 'SET gsi2pk = :p, gsi2sk = :id',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':p': VOLUNTEER_DIRECTORY, ':id': volunteerId },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** Links a phone key to a volunteer unless it already belongs to someone else. */
  async claimPhone(phoneKey: string, volunteerId: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: phoneRecordKey(phoneKey),
          UpdateExpression: 'SET phoneKey = :k, volunteerId = :v',
          ConditionExpression: 'attribute_not_exists(volunteerId) OR volunteerId = :v',
          ExpressionAttributeValues: { ':k': phoneKey, ':v': volunteerId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Who owns a phone key now, if anyone. */
  async phoneOwner(phoneKey: string): Promise<string | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: phoneRecordKey(phoneKey) }),
    );
    return typeof Item?.volunteerId === 'string' ? Item.volunteerId : undefined;
  }

  /** A volunteer's old number stops being theirs (texts from it are then a member of the public). */
  async releasePhone(phoneKey: string, volunteerId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: phoneRecordKey(phoneKey),
          UpdateExpression: 'REMOVE volunteerId',
          ConditionExpression: 'volunteerId = :v',
          ExpressionAttributeValues: { ':v': volunteerId },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async getRoster(): Promise<{ roster: Roster; version: number }> {
    const { roster, version } = await this.currentRosterVersion();
    return { roster, version };
  }

  private async currentRosterVersion(): Promise<RosterVersion> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: ROSTER_KEY }));
    return rosterVersionOf(Item);
  }

  /**
   * Saves at `expectVersion`, in force from `at`; the new version, or undefined when someone saved since.
   * The version it replaces goes to the roster log first, so the log plus the current roster always hold
   * every version: a failed log write stops the save, and a log write followed by a lost race only keeps a
   * version that really was in force (the put is idempotent).
   */
  async saveRoster(roster: Roster, expectVersion: number, at: number): Promise<number | undefined> {
    const replaced = await this.currentRosterVersion();
    if (replaced.version !== expectVersion) return undefined;
    if (replaced.version > 0) {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...replaced.roster,
            version: replaced.version,
            effectiveFrom: replaced.effectiveFrom,
            pk: ROSTER_LOG_PARTITION,
            sk: rosterLogKey(replaced),
            expiresAt: Math.floor(at / 1000) + ROSTER_LOG_RETENTION_DAYS * 86_400,
          },
        }),
      );
    }
    const version = expectVersion + 1;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...ROSTER_KEY,
            weekly: roster.weekly,
            overrides: roster.overrides,
            version,
            // Never before the version it replaces, so versions stay in order whatever the clocks say.
            effectiveFrom: Math.max(at, replaced.effectiveFrom),
          },
          ConditionExpression:
            expectVersion === 0 ? 'attribute_not_exists(pk) OR version = :v' : 'version = :v',
          ExpressionAttributeValues: { ':v': expectVersion },
        }),
      );
      return version;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** The roster versions in force at some point in [fromMs, toMs): two bounded queries and the current one. */
  async rosterVersions(fromMs: number, toMs: number): Promise<RosterVersion[]> {
    const [inRange, before, current] = await Promise.all([
      this.queryAll({
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':p': ROSTER_LOG_PARTITION,
          ':from': sortableTime(fromMs),
          ':to': `${sortableTime(toMs - 1)}#~`,
        },
      }),
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :p AND sk < :from',
          ExpressionAttributeValues: { ':p': ROSTER_LOG_PARTITION, ':from': sortableTime(fromMs) },
          ScanIndexForward: false,
          Limit: 1,
        }),
      ),
      this.currentRosterVersion(),
    ]);
    const byVersion = new Map<number, RosterVersion>();
    for (const item of [...(before.Items ?? []), ...inRange]) {
      const entry = rosterVersionOf(item);
      byVersion.set(entry.version, entry);
    }
    if (current.version > 0) byVersion.set(current.version, current);
    return [...byVersion.values()];
  }

  /** The saved settings patch (defaults fill the rest), its version and any routing change awaiting a second coordinator. */
  async getSettingsRecord(): Promise<{
    patch: LineSettingsPatch;
    version: number;
    pending?: PendingSettingsChange;
  }> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: LINE_KEY }));
    const pending = Item?.pendingSettings as PendingSettingsChange | undefined;
    return {
      patch: (Item?.settings as LineSettingsPatch | undefined) ?? {},
      version: typeof Item?.settingsVersion === 'number' ? Item.settingsVersion : 0,
      ...(pending ? { pending } : {}),
    };
  }

  /** Keeps a routing change for a second coordinator; a newer proposal replaces an older one. */
  async proposeSettings(pending: PendingSettingsChange): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: LINE_KEY,
        UpdateExpression: 'SET pendingSettings = :p',
        ExpressionAttributeValues: { ':p': pending },
      }),
    );
  }

  /**
   * Replaces the saved patch as a whole, only at the version read; the caller merged it. With `confirming`,
   * only while that proposal is still the pending one, which the same write removes.
   */
  async saveSettingsRecord(
    patch: LineSettingsPatch,
    expectVersion: number,
    confirming?: string,
  ): Promise<number | undefined> {
    const version = expectVersion + 1;
    const atVersion =
      expectVersion === 0
        ? '(attribute_not_exists(settingsVersion) OR settingsVersion = :v)'
        : 'settingsVersion = :v';
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: LINE_KEY,
          UpdateExpression: `SET #s = :s, settingsVersion = :next${confirming ? ' REMOVE pendingSettings' : ''}`,
          ConditionExpression: confirming ? `${atVersion} AND pendingSettings.id = :pid` : atVersion,
          ExpressionAttributeNames: { '#s': 'settings' },
          ExpressionAttributeValues: {
            ':s': patch,
            ':next': version,
            ':v': expectVersion,
            ...(confirming ? { ':pid': confirming } : {}),
          },
        }),
      );
      return version;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async listBlocks(): Promise<StoredBlock[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': BLOCK_PARTITION },
    });
    return items.map((item) => strip<StoredBlock>(item)).filter((block) => block.removedAt === undefined);
  }

  /** The record first, then the key joins the set every incoming call reads. */
  async addBlock(block: StoredBlock): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...block, pk: BLOCK_PARTITION, sk: block.blockId },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: LINE_KEY,
        UpdateExpression: 'ADD blockedKeys :k',
        ExpressionAttributeValues: { ':k': new Set([block.callerKey]) },
      }),
    );
  }

  /** Marks the block removed and unblocks the key; undefined if there was no such active block. */
  async removeBlock(blockId: string, by: string, at: number): Promise<StoredBlock | undefined> {
    let removed: StoredBlock;
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: BLOCK_PARTITION, sk: blockId },
          UpdateExpression: 'SET removedAt = :at, removedBy = :by',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(removedAt)',
          ExpressionAttributeValues: { ':at': at, ':by': by },
          ReturnValues: 'ALL_NEW',
        }),
      );
      removed = strip<StoredBlock>(result.Attributes ?? {});
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
    // Another active block of the same caller keeps them blocked.
    const others = (await this.listBlocks()).some((b) => b.callerKey === removed.callerKey);
    if (!others) {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: LINE_KEY,
          UpdateExpression: 'DELETE blockedKeys :k',
          ExpressionAttributeValues: { ':k': new Set([removed.callerKey]) },
        }),
      );
    }
    return removed;
  }

  /** Contacts that ended in [fromMs, toMs), oldest first, from the month partitions of the log. */
  async listEndedContacts(fromMs: number, toMs: number): Promise<Contact[]> {
    const months = monthsBetween(fromMs, toMs);
    const pages = await Promise.all(
      months.map((month) =>
        this.queryAll({
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':p': `LOG#${month}`,
            ':from': sortableTime(fromMs),
            ':to': sortableTime(toMs - 1),
          },
        }),
      ),
    );
    return pages.flat().map((item) => strip<Contact>(item));
  }

  writeAudit(entry: AuditEntry, id: string): Promise<void> {
    return auditTrail(this.client, this.tableName).writeAudit(entry, id);
  }

  /** Newest first. */
  async listAudit(fromMs: number, toMs: number): Promise<AuditEntry[]> {
    const months = monthsBetween(fromMs, toMs).reverse();
    const entries: AuditEntry[] = [];
    for (const month of months) {
      const items = await this.queryAll({
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':p': `AUDIT#${month}`,
          ':from': sortableTime(fromMs),
          ':to': `${sortableTime(toMs - 1)}#~`,
        },
        ScanIndexForward: false,
      });
      for (const item of items) {
        const { at, who, action, target, summary } = item as unknown as AuditEntry;
        entries.push({ at, who, action, target, summary });
      }
    }
    return entries;
  }
}

/**
 * An admin store on its own client: coordinators' reads (reports over months) may take longer than a
 * webhook's store deadline allows, so the deadline here is at least five seconds.
 */
export function createAdminStore(
  config: Pick<
    RuntimeConfig,
    'AWS_REGION' | 'DYNAMODB_ENDPOINT' | 'STORE_MAX_ATTEMPTS' | 'STORE_TIMEOUT_MS' | 'TABLE_NAME'
  >,
): AdminStore {
  const client = createDocumentClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: config.STORE_MAX_ATTEMPTS,
    requestTimeoutMs: Math.max(config.STORE_TIMEOUT_MS, 5_000),
  });
  return new AdminStore(client, config.TABLE_NAME);
}

/** The roster the minute tick follows: `runTick({ ...dispatchDeps, roster: rosterSource(admin) })`. */
export function rosterSource(admin: AdminStore): RosterSource {
  return { getRoster: async () => (await admin.getRoster()).roster };
}
