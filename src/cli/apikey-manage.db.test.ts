// Goal: `settle apikey list` shows every key without its secret, and `settle apikey revoke`
// cuts a key off at once; revoking an unknown or already revoked key is a readable error.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { AuthInputError, AuthService } from '../service/auth/index.ts';
import { DatabaseClock } from '../service/clock.ts';
import { apiKeyList, apiKeyRevoke } from './apikey-manage.ts';
import type { CliIo } from './user-add.ts';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: async () => '',
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  };
  return { io, out, err };
}

describeEachDatabase('settle apikey list / revoke', (getStore) => {
  it('lists keys without secrets, and a revoked key stops working at once', async () => {
    const store = getStore();
    const auth = new AuthService(store, new DatabaseClock(store));
    const { key, record } = await auth.createApiKey({
      name: 'marketplace backend',
      scopes: ['integration'],
      createdBy: 'test',
    });
    expect(await auth.apiKey(key)).toMatchObject({ id: record.id });

    const listed = fakeIo();
    await apiKeyList(store, false, listed.io);
    const line = listed.out.find((l) => l.startsWith(record.id));
    expect(line).toMatch(/integration {2}live {2}used .* "marketplace backend"$/);
    expect(listed.out.join('\n')).not.toContain(key);

    const revoked = fakeIo();
    await apiKeyRevoke(store, record.id, revoked.io);
    expect(revoked.err).toEqual([
      `revoked API key ${record.id}: requests with it are refused from now on`,
    ]);
    expect(await auth.apiKey(key)).toBeUndefined();

    const json = fakeIo();
    await apiKeyList(store, true, json.io);
    const keys = JSON.parse(json.out.join('')) as { id: string; revokedAt?: number }[];
    expect(keys.find((k) => k.id === record.id)?.revokedAt).toBeTypeOf('number');

    const again = await apiKeyRevoke(store, record.id, fakeIo().io).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AuthInputError);
    expect((again as Error).message).toContain(`no live API key "${record.id}"`);
  });
});
