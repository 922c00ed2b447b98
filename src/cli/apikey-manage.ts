// `settle apikey list` and `settle apikey revoke <id>`: see which keys exist (never their
// secrets: only hashes are kept) and cut off one that leaked, at once.
import { AuthInputError, listApiKeys, revokeApiKey } from '../service/auth/index.ts';
import { DatabaseClock } from '../service/clock.ts';
import type { Config } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import { type CliIo, processIo } from './user-add.ts';

async function withStore(config: Config, work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(config);
  try {
    await migrate(store);
    await work(store);
  } finally {
    await store.close();
  }
}

export async function apiKeyListCommand(config: Config, json: boolean, io: CliIo = processIo) {
  await withStore(config, (store) => apiKeyList(store, json, io));
}

export async function apiKeyRevokeCommand(config: Config, id: string, io: CliIo = processIo) {
  await withStore(config, (store) => apiKeyRevoke(store, id, io));
}

export async function apiKeyList(store: Store, json: boolean, io: CliIo): Promise<void> {
  const keys = await listApiKeys(store.db);
  if (json) {
    io.out(JSON.stringify(keys));
    return;
  }
  if (keys.length === 0) {
    io.err('no API keys; create one with `settle apikey add --name <name>`');
    return;
  }
  for (const k of keys) {
    const expiry =
      k.expiresAt === undefined ? '' : ` (expires ${new Date(k.expiresAt).toISOString()})`;
    const state =
      k.revokedAt === undefined
        ? `live${expiry}`
        : `revoked ${new Date(k.revokedAt).toISOString()}`;
    const used =
      k.lastUsedAt === undefined ? 'never used' : `used ${new Date(k.lastUsedAt).toISOString()}`;
    io.out(`${k.id}  ${k.scopes.join(',')}  ${state}  ${used}  "${k.name}"`);
  }
}

export async function apiKeyRevoke(store: Store, id: string, io: CliIo): Promise<void> {
  const now = await new DatabaseClock(store).now();
  if (!(await revokeApiKey(store.db, id, now))) {
    throw new AuthInputError(
      `no live API key ${JSON.stringify(id)}; \`settle apikey list\` shows the keys and their ids`,
    );
  }
  io.err(`revoked API key ${id}: requests with it are refused from now on`);
}
