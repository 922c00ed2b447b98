// Goal: `settle user add` and `settle apikey add` create what they say, read the password from
// stdin and never from a flag, show a generated password or a key exactly once, and stop with
// exit code 2 and a readable sentence on bad input.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { AuthInputError, AuthService, authenticate } from '../service/auth/index.ts';
import { DatabaseClock } from '../service/clock.ts';
import { upsertSeller } from '../service/marketplace.ts';
import { apiKeyAdd, KEY_WARNING } from './apikey-add.ts';
import { main } from './main.ts';
import { type CliIo, userAdd } from './user-add.ts';

function fakeIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: async () => stdin,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  };
  return { io, out, err };
}

describeEachDatabase('settle user add / apikey add', (getStore) => {
  it('creates a seller staff account with the password from stdin', async () => {
    await upsertSeller(getStore().db, { id: 'cli-shop', name: 'CLI Shop', country: 'CN' });
    const { io, out } = fakeIo('a long enough secret\n');
    await userAdd(
      getStore(),
      {
        email: 'staff@cli-shop.example',
        name: 'Staff',
        role: 'seller',
        seller: 'cli-shop',
        passwordStdin: true,
      },
      io,
    );
    expect(out.join('\n')).toMatch(
      /^created seller user-\S+ <staff@cli-shop.example> for store cli-shop$/,
    );
    expect(out.join('\n')).not.toContain('a long enough secret');
    // Only the final line break is dropped.
    const user = await authenticate(
      getStore().db,
      'staff@cli-shop.example',
      'a long enough secret',
    );
    expect(user).toMatchObject({ role: 'seller', sellerId: 'cli-shop' });
  });

  it('refuses a short password from stdin, naming the rule', async () => {
    const { io } = fakeIo('short\n');
    const options = { email: 'short@cli.example', name: 'S', role: 'admin', passwordStdin: true };
    const error = await userAdd(getStore(), options, io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthInputError);
    expect((error as Error).message).toBe(
      'the password must be at least 12 characters long (got 5)',
    );
    expect(await authenticate(getStore().db, options.email, 'short')).toBeUndefined();
  });

  it('generates a password and shows it once when none is piped in', async () => {
    const { io, out, err } = fakeIo();
    await userAdd(
      getStore(),
      { email: 'arb@cli.example', name: 'Arb', role: 'arbitrator', json: true },
      io,
    );
    const shown = JSON.parse(out[0] ?? '{}') as { password: string; role: string };
    expect(shown.role).toBe('arbitrator');
    expect(shown.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(err).toEqual([]);
    expect(await authenticate(getStore().db, 'arb@cli.example', shown.password)).toBeDefined();
  });

  it('prints an API key once, with the warning, and stores only its hash', async () => {
    const { io, out, err } = fakeIo();
    await apiKeyAdd(getStore(), { name: 'marketplace backend', scope: 'integration' }, io);
    expect(out).toHaveLength(1);
    const key = out[0] ?? '';
    expect(key).toMatch(/^sk_[0-9a-f]{16}_/);
    expect(err).toContain(KEY_WARNING);
    const rows = await getStore().db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(key.slice(20));
    const auth = new AuthService(getStore(), new DatabaseClock(getStore()));
    expect((await auth.apiKey(key))?.scopes).toEqual(['integration']);

    const both = fakeIo();
    await apiKeyAdd(getStore(), { name: 'ops', scope: 'integration, admin', json: true }, both.io);
    expect(JSON.parse(both.out[0] ?? '{}')).toMatchObject({
      scopes: ['integration', 'admin'],
      warning: KEY_WARNING,
    });
    await expect(apiKeyAdd(getStore(), { name: 'x', scope: 'root' }, fakeIo().io)).rejects.toThrow(
      /--scope must be integration or admin/,
    );
  });
});

describe('settle user add / apikey add through main()', () => {
  let dataDir: string;
  const saved = { ...process.env };
  const errors: string[] = [];
  const lines: string[] = [];
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'settle-cli-'));
    delete process.env.DATABASE_URL;
    process.env.SETTLE_DATA_DIR = dataDir;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    errors.length = 0;
    lines.length = 0;
  });
  afterAll(async () => {
    process.env = saved;
    await rm(dataDir, { recursive: true, force: true });
  });
  const run = async (...argv: string[]) => {
    vi.spyOn(console, 'error').mockImplementation(
      (...a: unknown[]) => void errors.push(a.join(' ')),
    );
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return main(argv);
  };

  it('exits 2 with a sentence on bad input', async () => {
    expect(
      await run('user', 'add', '--email', 'a@b.example', '--name', 'A', '--role', 'root'),
    ).toBe(2);
    expect(errors.join('\n')).toContain('--role must be one of buyer, seller, arbitrator, admin');
    expect(await run('user', 'add', '--name', 'A', '--role', 'admin')).toBe(2);
    expect(await run('apikey', 'add', '--name', 'k', '--scope', 'everything')).toBe(2);
    expect(errors.join('\n')).toContain('--scope must be integration or admin');
    expect(await run('user', 'add', '--email', 'nope', '--name', 'A', '--role', 'admin')).toBe(2);
    expect(errors.join('\n')).toContain('"nope" is not an email address');
    expect(await run('apikey', 'revoke', 'key_unknown')).toBe(2);
    expect(errors.join('\n')).toContain('no live API key "key_unknown"');
  });

  it('creates a user and a key, exit 0', async () => {
    expect(
      await run(
        '--json',
        'user',
        'add',
        '--email',
        'ops@settle.example',
        '--name',
        'Ops',
        '--role',
        'admin',
      ),
    ).toBe(0);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      email: 'ops@settle.example',
      role: 'admin',
    });
    expect(
      await run('user', 'add', '--email', 'OPS@settle.example', '--name', 'Ops', '--role', 'admin'),
    ).toBe(2);
    expect(errors.join('\n')).toContain('already exists');
    expect(await run('apikey', 'add', '--name', 'backend')).toBe(0);
    expect(lines.at(-1)).toMatch(/^sk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(errors.join('\n')).toContain('will not be shown again');
  });
});
