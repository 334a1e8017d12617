import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeStore } from './open-node-store.ts';
import { defineStoreContract } from './store-contract.ts';

defineStoreContract('node:sqlite', async (options) => {
  const dir = await mkdtemp(join(tmpdir(), 'node-store-'));
  return {
    store: await openNodeStore({ ...options, dir }),
    reopen: () => openNodeStore({ ...options, dir }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
