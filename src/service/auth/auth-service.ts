// The one object HTTP and the CLI use for authentication: the functions of this folder bound to
// a store and a clock, so every timestamp comes from the runtime's clock (virtual in tests).
import type { Store } from '../../store/store.ts';
import { type Clock, readNow } from '../clock.ts';
import {
  type AccountFilter,
  type AccountRecord,
  changeRole,
  disableAccount,
  enableAccount,
  findAccount,
  listAccounts,
} from './accounts.ts';
import {
  type ApiKeyRecord,
  createApiKey,
  findApiKey,
  listApiKeys,
  type NewApiKey,
  resolveApiKey,
  revokeApiKey,
} from './api-keys.ts';
import { findMarketplaceUser, type MarketplaceUserRef } from './marketplace-users.ts';
import { dummyHash } from './passwords.ts';
import {
  type ActiveSession,
  createSession,
  resolveSession,
  revokeSession,
  revokeUserSessions,
  type Session,
} from './sessions.ts';
import {
  createSignInLink,
  type NewSignInLink,
  type Redeemed,
  redeemSignInLink,
} from './sign-in-links.ts';
import {
  authenticate,
  createUser,
  type NewUser,
  setPassword,
  type UserRecord,
  type UserRole,
} from './users.ts';

export interface SignedIn {
  readonly user: UserRecord;
  readonly session: Session;
  /** For the cookie only: never stored, never logged. */
  readonly token: string;
}

export class AuthService {
  readonly store: Store;
  readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
    // Made now rather than on the first unknown email, whose answer would otherwise be slower.
    void dummyHash();
  }

  /** Checks the password and starts a session; undefined for any wrong email or password. */
  async signIn(email: string, password: string): Promise<SignedIn | undefined> {
    const user = await authenticate(this.store.db, email, password);
    if (user === undefined) return undefined;
    return { user, ...(await this.startSession(user)) };
  }

  /** A session without a password check: for the test harness and trusted tooling only. */
  async startSession(user: UserRecord): Promise<{ session: Session; token: string }> {
    return createSession(this.store.db, user.id, await this.clock.now());
  }

  async session(token: string): Promise<ActiveSession | undefined> {
    return resolveSession(this.store.db, token, await readNow(this.clock));
  }

  async signOut(sessionId: string): Promise<void> {
    await revokeSession(this.store.db, sessionId, await this.clock.now());
  }

  async apiKey(presented: string): Promise<ApiKeyRecord | undefined> {
    return resolveApiKey(this.store.db, presented, await readNow(this.clock));
  }

  async createUser(input: NewUser): Promise<UserRecord> {
    return createUser(this.store.db, input, await this.clock.now());
  }

  async setPassword(userId: string, password: string): Promise<boolean> {
    return setPassword(this.store.db, userId, password);
  }

  /** An admin's password reset: the new password, and every session of the old one ends. */
  async resetPassword(userId: string, password: string): Promise<boolean> {
    if (!(await setPassword(this.store.db, userId, password))) return false;
    await revokeUserSessions(this.store.db, userId, await this.clock.now());
    return true;
  }

  async listAccounts(filter: AccountFilter): Promise<AccountRecord[]> {
    return listAccounts(this.store.db, filter);
  }

  async account(id: string): Promise<AccountRecord | undefined> {
    return findAccount(this.store.db, id);
  }

  async disableAccount(id: string): Promise<AccountRecord | undefined> {
    return disableAccount(this.store.db, id, await this.clock.now());
  }

  async enableAccount(id: string): Promise<AccountRecord | undefined> {
    return enableAccount(this.store.db, id);
  }

  async changeRole(
    id: string,
    role: UserRole,
    sellerId: string | undefined,
  ): Promise<AccountRecord | undefined> {
    return changeRole(this.store.db, id, role, sellerId, await this.clock.now());
  }

  async apiKeyById(keyId: string): Promise<ApiKeyRecord | undefined> {
    return findApiKey(this.store.db, keyId);
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return listApiKeys(this.store.db);
  }

  async createApiKey(input: NewApiKey): Promise<{ key: string; record: ApiKeyRecord }> {
    return createApiKey(this.store.db, input, await this.clock.now());
  }

  async revokeApiKey(keyId: string): Promise<boolean> {
    return revokeApiKey(this.store.db, keyId, await this.clock.now());
  }

  /** The live buyer or store staff account a `buyer:…` / `seller:…:…` reference names. */
  async marketplaceUser(ref: MarketplaceUserRef): Promise<UserRecord | undefined> {
    return findMarketplaceUser(this.store.db, ref);
  }

  async createSignInLink(input: NewSignInLink): Promise<{ token: string; expiresAt: number }> {
    return createSignInLink(this.store.db, input, await this.clock.now());
  }

  async redeemSignInLink(token: string): Promise<Redeemed> {
    return redeemSignInLink(this.store.db, token, await this.clock.now());
  }
}
