// The single-table schema, read by the CDK stack, the local runner and the store adapter. Its keys and access
// patterns: table-keys.ts.

/** Every key attribute, table and index alike, is a string (numbers in sort keys are zero-padded). */
export const tableSchema = {
  keyAttributeType: 'S',
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    // Queues, on-shift volunteers, live contacts and the log are read whole from gsi1.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    // Counted or followed by a BatchGet: keys only, so the many updates to a contact or a volunteer that leave
    // its gsi2 keys alone write nothing there.
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
  ],
} as const;
