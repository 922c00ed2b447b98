// The HTTP API on a real database with a virtual clock, signed-in users for every role, and the
// service world's marketplace (a store with a staff account, a buyer, delivered and completed
// orders), so a route test reads like the scenario it checks:
//
//   const w = await apiWorld(getStore);
//   const buyer = await w.as('buyer');
//   const order = await w.newOrder();
//   const res = await w.app.inject({ method: 'POST', url: '/v1/disputes', headers: buyer, payload });
//
// `as(role)` starts a fresh session without a password check (no argon2, no sign-in rate
// limit). Sessions run on real time (`realClock`), not on the world's dispute clock.
// `login()` goes through POST /v1/session for tests of signing in itself.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { type Actor, actorId } from '../../src/domain/index.ts';
import { type App, buildApp, type RouteGroup } from '../../src/http/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/http/auth.ts';
import { ROUTE_GROUPS } from '../../src/http/routes/index.ts';
import type { CheckpointSigner } from '../../src/service/audit/checkpoint.ts';
import {
  type ApiKeyScope,
  AuthService,
  actorForUser,
  type UserRecord,
  type UserRole,
} from '../../src/service/auth/index.ts';
import type { Clock } from '../../src/service/clock.ts';
import { type Config, loadConfig } from '../../src/service/config.ts';
import { upsertSeller } from '../../src/service/marketplace.ts';
import { type Runtime, runtimeFor } from '../../src/service/runtime.ts';
import type { Store } from '../../src/store/store.ts';
import type { GetStore } from './databases.ts';
import { type ServiceWorld, serviceWorld } from './service-world.ts';

/** Every account the world creates signs in with this password. */
export const WORLD_PASSWORD = 'correct horse battery staple';

export type SessionHeaders = { cookie: string; 'x-csrf-token': string };
export type KeyHeaders = { authorization: string };
export type WorldRole = 'buyer' | 'seller' | 'arbitrator' | 'arbitrator2' | 'admin' | 'integration';

export interface TestUser {
  readonly user: UserRecord;
  readonly email: string;
  readonly password: string;
  readonly actor: Actor;
}

export interface CreateUserOptions {
  readonly id?: string;
  readonly email?: string;
  readonly name?: string;
  readonly password?: string;
  /** For a seller: the store; without one a new store is created for this staff member. */
  readonly sellerId?: string;
}

export interface ApiWorldOptions {
  /** Signs chain checkpoints (docs/audit.md); without one, none are kept. */
  readonly signer?: CheckpointSigner;
  /** Defaults to ROUTE_GROUPS, every public route group. */
  readonly groups?: readonly RouteGroup[];
  readonly config?: Partial<Config>;
  readonly sellerCountry?: string;
  readonly protection?: boolean;
  /**
   * Real time for sessions and API keys (default the machine's). Pass a VirtualClock of its own
   * to test session expiry; the world's `clock` moves only disputes.
   */
  readonly realClock?: Clock;
}

export interface ApiWorld extends ServiceWorld {
  readonly app: App;
  readonly runtime: Runtime;
  readonly store: Store;
  readonly auth: AuthService;
  /** The world's accounts: the buyer (its id is the orders' buyer id), the store's staff, ... */
  readonly users: Readonly<Record<Exclude<WorldRole, 'integration'>, TestUser>>;
  /**
   * Headers acting as one of the world's accounts: a fresh session (cookie + x-csrf-token), or
   * for 'integration' the world's integration key. Pass them straight to inject().
   */
  as(role: WorldRole): Promise<Record<string, string>>;
  /** Signs in through POST /v1/session. */
  login(credentials: { email: string; password: string }): Promise<LoggedIn>;
  /** Another account (a second buyer, another store's staff) with a session ready. */
  createUser(
    role: UserRole,
    options?: CreateUserOptions,
  ): Promise<TestUser & { readonly headers: SessionHeaders }>;
  /** A new API key with these scopes (default integration). */
  apiKey(scopes?: readonly ApiKeyScope[]): Promise<KeyHeaders>;
  close(): Promise<void>;
}

export interface LoggedIn {
  readonly headers: SessionHeaders;
  readonly user: UserRecord;
  readonly csrfToken: string;
  /** The raw Set-Cookie header, for tests of its flags. */
  readonly setCookie: string;
}

export function sessionHeaders(token: string, csrfToken: string): SessionHeaders {
  return { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken };
}

/** Signs in through the API; throws with the problem body when it is refused. */
export async function login(
  app: App,
  credentials: { email: string; password: string },
): Promise<LoggedIn> {
  const res = await app.inject({ method: 'POST', url: '/v1/session', payload: credentials });
  if (res.statusCode !== 200) throw new Error(`sign-in refused: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (cookie === undefined) throw new Error('sign-in set no session cookie');
  const body = res.json() as { user: UserRecord; csrfToken: string };
  const setCookie = [res.headers['set-cookie'] ?? []]
    .flat()
    .find((c) => c.startsWith(SESSION_COOKIE));
  return {
    headers: sessionHeaders(cookie.value, body.csrfToken),
    user: body.user,
    csrfToken: body.csrfToken,
    setCookie: setCookie ?? '',
  };
}

export async function apiWorld(
  getStore: GetStore,
  options: ApiWorldOptions = {},
): Promise<ApiWorld> {
  const store = getStore();
  const world = await serviceWorld(store, {
    ...(options.sellerCountry === undefined ? {} : { sellerCountry: options.sellerCountry }),
    ...(options.protection === undefined ? {} : { protection: options.protection }),
  });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const runtime = runtimeFor(
    store,
    world.clock,
    logger,
    { ...loadConfig({}), ...options.config },
    options.signer,
    options.realClock,
  );
  const app = await buildApp({ runtime, logger }, options.groups ?? ROUTE_GROUPS);
  // The app's sessions run on real time, so the world's must too.
  const auth = new AuthService(store, runtime.realClock);
  const tag = randomUUID().slice(0, 8);
  let created = 0;

  const addUser = async (role: UserRole, o: CreateUserOptions = {}): Promise<TestUser> => {
    created += 1;
    const password = o.password ?? WORLD_PASSWORD;
    const email = o.email ?? `${role}-${tag}-${created}@settle.test`;
    let sellerId = o.sellerId;
    if (role === 'seller' && sellerId === undefined) {
      sellerId = `store-${tag}-${created}`;
      await upsertSeller(store.db, { id: sellerId, name: `Store ${created}`, country: 'CN' });
    }
    const user = await auth.createUser({
      email,
      name: o.name ?? `${role} ${created}`,
      role,
      password,
      ...(o.id === undefined ? {} : { id: o.id }),
      ...(sellerId === undefined ? {} : { sellerId }),
    });
    return { user, email, password, actor: actorForUser(user) };
  };

  // The buyer exists already (the marketplace fed it); it only needs a password.
  await auth.setPassword(world.buyerId, WORLD_PASSWORD);
  const buyerRow = await store.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'seller_id'])
    .where('id', '=', world.buyerId)
    .executeTakeFirstOrThrow();
  const buyer: UserRecord = {
    id: buyerRow.id,
    email: buyerRow.email,
    name: buyerRow.name,
    role: 'buyer',
  };
  const [seller, arbitrator, arbitrator2, admin] = await Promise.all([
    addUser('seller', { sellerId: world.sellerId }),
    // Same ids as the service world's arbitrator actors, so `w.arbitrator` is this account.
    addUser('arbitrator', { id: actorId(world.arbitrator) ?? '' }),
    addUser('arbitrator', { id: actorId(world.arbitrator2) ?? '' }),
    addUser('admin', { id: `admin-${tag}` }),
  ]);
  const users = {
    buyer: { user: buyer, email: buyer.email, password: WORLD_PASSWORD, actor: world.buyer },
    seller,
    arbitrator,
    arbitrator2,
    admin,
  };

  const sessionFor = async (user: UserRecord): Promise<SessionHeaders> => {
    const { token, session } = await auth.startSession(user);
    return sessionHeaders(token, session.csrfToken);
  };
  const apiKey = async (scopes: readonly ApiKeyScope[] = ['integration']): Promise<KeyHeaders> => {
    const { key } = await auth.createApiKey({ name: `test key ${scopes.join('+')}`, scopes });
    return { authorization: `Bearer ${key}` };
  };
  let integration: KeyHeaders | undefined;

  return {
    ...world,
    service: runtime.service,
    app,
    runtime,
    store,
    auth,
    users,
    async as(role) {
      if (role === 'integration') {
        integration ??= await apiKey(['integration']);
        return { ...integration };
      }
      return { ...(await sessionFor(users[role].user)) };
    },
    login: (credentials) => login(app, credentials),
    async createUser(role, o) {
      const made = await addUser(role, o);
      return { ...made, headers: await sessionFor(made.user) };
    },
    apiKey,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}
