// The DynamoDB store on the embedded table against the store port's contract, the suite the memory store passes.
import { afterAll, beforeAll, describe } from 'vitest';
import { startTableServer } from '../../support/dynalite-table.js';
import { storeContract } from './store-contract.js';

describe('DynamoStore on dynalite, by the store contract', () => {
  // One server for the file, a fresh table per test: every test starts on an empty line.
  let server: Awaited<ReturnType<typeof startTableServer>>;
  beforeAll(async () => {
    server = await startTableServer();
  });
  afterAll(async () => {
    await server.close();
  });

  storeContract(async (clock) => (await server.openStore({ clock })).store);
});
