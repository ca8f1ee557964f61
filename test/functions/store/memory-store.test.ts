// The in-memory store against the store port's contract, the same suite the DynamoDB store passes.
import { describe } from 'vitest';
import { MemoryStore } from '../../../functions/store/memory-store.js';
import { testLineDefaults } from '../../support/line-defaults.js';
import { storeContract } from './store-contract.js';

describe('MemoryStore, by the store contract', () => {
  storeContract(async (clock) => new MemoryStore({ clock, defaults: testLineDefaults }));
});
