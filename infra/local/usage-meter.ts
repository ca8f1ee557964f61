// What each invocation on the local line cost: every webhook, event delivery and tick runs in its own scope, and
// each DynamoDB call (with its capacity units), event and Twilio REST request is charged to the scope that made
// it. The benchmark reads it; a process-wide counter charged a webhook with whatever the dispatcher did meanwhile.
import { AsyncLocalStorage } from 'node:async_hooks';
import { addMiddleware, type MiddlewareHost } from '../../functions/aws/client-bounds.js';
import { tableSchema } from '../../functions/store/table-schema.js';
import type { TwilioHttp } from '../../functions/telephony/twilio-http-client.js';

/** The Lambda functions of the stack, plus the schedule's tick. */
export type FunctionName = 'twilio-webhook' | 'dispatcher' | 'notifier' | 'tick';

export interface Usage {
  dynamoCalls: number;
  readUnits: number;
  /** Table and index writes alike; a failed conditional write is charged as DynamoDB charges it. */
  writeUnits: number;
  failedConditions: number;
  events: number;
  restCalls: number;
}

export interface Invocation extends Usage {
  readonly fn: FunctionName;
  /** The webhook route's name, the event type, or `tick`. */
  readonly step: string;
  readonly startedAt: number;
  ms: number;
}

export const noUsage = (): Usage => ({
  dynamoCalls: 0,
  readUnits: 0,
  writeUnits: 0,
  failedConditions: 0,
  events: 0,
  restCalls: 0,
});

export function addUsage(into: Usage, from: Usage): Usage {
  into.dynamoCalls += from.dynamoCalls;
  into.readUnits += from.readUnits;
  into.writeUnits += from.writeUnits;
  into.failedConditions += from.failedConditions;
  into.events += from.events;
  into.restCalls += from.restCalls;
  return into;
}

const KB = 1024;

/** Attributes that place an item in an index, by index, and whether the index holds keys only. */
const INDEX_KEYS = tableSchema.globalIndexes.map((index) => [index.partitionKey, index.sortKey] as const);
const KEYS_ONLY = tableSchema.globalIndexes.map((index) => index.projection === 'KEYS_ONLY');

export class UsageMeter {
  private readonly scope = new AsyncLocalStorage<Invocation>();
  readonly invocations: Invocation[] = [];
  /** Work done outside any invocation (seeding, a test's own reads): kept apart, never charged to a step. */
  readonly unscoped: Usage = noUsage();

  async run<T>(fn: FunctionName, step: string, work: () => Promise<T>): Promise<T> {
    const invocation: Invocation = { ...noUsage(), fn, step, startedAt: Date.now(), ms: 0 };
    this.invocations.push(invocation);
    const started = performance.now();
    try {
      return await this.scope.run(invocation, work);
    } finally {
      invocation.ms = performance.now() - started;
    }
  }

  charge(change: Partial<Usage>): void {
    addUsage(this.scope.getStore() ?? this.unscoped, { ...noUsage(), ...change });
  }

  /**
   * Counts logical DynamoDB calls (retries are not extra calls) and their capacity units. Reads take the units
   * the embedded store reports; writes are sized here, as it reports neither item sizes nor index writes: one
   * unit per started KB for the table and for each index the item is in, and one more where the write moves
   * the item within an index (a delete and a put there).
   */
  instrumentStore(client: MiddlewareHost): void {
    addMiddleware(
      client,
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        const operation = context.commandName ?? '';
        const isUpdate = operation === 'UpdateItemCommand';
        const isWrite = isUpdate || operation === 'PutItemCommand' || operation === 'DeleteItemCommand';
        input.ReturnConsumedCapacity = 'TOTAL';
        // The updated item's size decides its index writes; only asked for when the caller asked for nothing.
        if (isUpdate && (input.ReturnValues === undefined || input.ReturnValues === 'NONE'))
          input.ReturnValues = 'ALL_NEW';
        try {
          const result = await next(args);
          const output = result.output as Record<string, unknown>;
          const units = consumedUnits(output.ConsumedCapacity);
          const item = (output.Attributes ?? input.Item) as Record<string, unknown> | undefined;
          this.charge({
            dynamoCalls: 1,
            ...(isWrite
              ? { writeUnits: writeUnits(item, moves(input), operation === 'PutItemCommand') }
              : operation === 'BatchWriteItemCommand'
                ? { writeUnits: batchPutUnits(input) }
                : { readUnits: units }),
          });
          return result;
        } catch (error) {
          const failedCondition = (error as { name?: string }).name === 'ConditionalCheckFailedException';
          this.charge({
            dynamoCalls: 1,
            ...(failedCondition ? { failedConditions: 1, writeUnits: 1 } : {}),
          });
          throw error;
        }
      },
      { step: 'initialize', name: 'usageMeter', priority: 'high' },
    );
  }

  /** Counts every request to Twilio's REST API, retries included: Twilio sees each one. */
  meteredHttp(http: TwilioHttp): TwilioHttp {
    return {
      request: (request) => {
        this.charge({ restCalls: 1 });
        return http.request(request);
      },
    };
  }

  /** Counts PutEvents entries as EventBridge bills them (per event). */
  instrumentBus(client: MiddlewareHost): void {
    addMiddleware(
      client,
      (next) => async (args) => {
        const entries = (args.input as { Entries?: unknown[] }).Entries ?? [];
        this.charge({ events: entries.length });
        return next(args);
      },
      { step: 'initialize', name: 'usageMeter', priority: 'high' },
    );
  }
}

function consumedUnits(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce(
    (sum, entry) => sum + Number((entry as { CapacityUnits?: number }).CapacityUnits ?? 0),
    0,
  );
}

/** Does the write set an index key (the item moves, or joins, within that index)? */
function moves(input: Record<string, unknown>): readonly boolean[] {
  const expression = String(input.UpdateExpression ?? '');
  const names = Object.values((input.ExpressionAttributeNames ?? {}) as Record<string, string>);
  return INDEX_KEYS.map(([pk, sk]) =>
    [pk, sk].some((key) => new RegExp(`\\b${key}\\b`).test(expression) || names.includes(key)),
  );
}

/**
 * One unit per started KB for the table and each index holding the item whole, one more where it moved in an
 * index. A keys-only index is written only when its entry is: a put, or an update that sets its keys.
 */
function writeUnits(
  item: Record<string, unknown> | undefined,
  moved: readonly boolean[],
  isPut: boolean,
): number {
  if (!item) return 1;
  const size = Math.max(1, Math.ceil(itemSize(item) / KB));
  return INDEX_KEYS.reduce((sum, [pk], i) => {
    if (item[pk] === undefined) return sum;
    const move = moved[i] ? 1 : 0;
    if (KEYS_ONLY[i]) return sum + (isPut ? 1 : 0) + (moved[i] ? 2 : 0);
    return sum + size + move;
  }, size);
}

/** A BatchWrite's puts, each as the single put it stands for (DynamoDB bills them alike). */
function batchPutUnits(input: Record<string, unknown>): number {
  const tables = Object.values(
    (input.RequestItems ?? {}) as Record<string, { PutRequest?: { Item?: object } }[]>,
  );
  return tables
    .flat()
    .reduce(
      (sum, request) => sum + writeUnits(request.PutRequest?.Item as Record<string, unknown>, [], true),
      0,
    );
}

/**
 * DynamoDB's item size: the bytes of every attribute name and value. The meter sits outside the document
 * client's marshalling, so it sees plain values.
 */
function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value),
    0,
  );
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(value).length / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value && typeof value === 'object') return 3 + itemSize(value as Record<string, unknown>);
  return 1;
}
