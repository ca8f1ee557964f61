// The embedded DynamoDB-compatible store (dynalite): in memory by default, or kept in a folder.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// dynalite ships no type declarations; its factory returns a node:http server.
// @ts-expect-error -- untyped CommonJS module
import dynalite from 'dynalite';

export interface EmbeddedDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startEmbeddedDynamo(options: { dataDir?: string } = {}): Promise<EmbeddedDynamo> {
  const server = (dynalite as (options: Record<string, unknown>) => Server)({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.dataDir ? { path: options.dataDir } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
