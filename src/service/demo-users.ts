// Demo accounts, all with the password `demo-password`, so a first `npm start` can be tried as
// every role: the three demo buyers, one staff account per demo store, two arbitrators (so an
// appeal can go to someone other than the first ruler) and an admin. Safe to run again: an
// account that exists is left as it is, and a buyer who already has a password keeps it.
import { createUser, setPassword, type UserRole } from './auth/index.ts';
import type { Runtime } from './runtime.ts';

export const DEMO_PASSWORD = 'demo-password';

interface DemoAccount {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly sellerId?: string;
}

const DEMO_BUYERS = ['demo-buyer-us', 'demo-buyer-it', 'demo-buyer-de'] as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  staff('demo-shop-cn', 'Li Wei (Shenzhen Gadget Store)'),
  staff('demo-shop-it', 'Marco Bianchi (Bottega Milano)'),
  staff('demo-shop-protected', 'Chen Jing (Yiwu Home Goods)'),
  // demo.ts rules as `demo-arbitrator`: the same id makes those rulings this account's own.
  {
    id: 'demo-arbitrator',
    email: 'arbitrator@settle.example',
    name: 'Avery Judge',
    role: 'arbitrator',
  },
  {
    id: 'demo-arbitrator-2',
    email: 'arbitrator2@settle.example',
    name: 'Sam Reviewer',
    role: 'arbitrator',
  },
  { id: 'demo-admin', email: 'admin@settle.example', name: 'Ada Admin', role: 'admin' },
];

/** The demo sign-ins the console lists in demo mode (the buyers' names are demo.ts's). */
export function demoSignIns(): { email: string; name: string; role: UserRole }[] {
  const buyers: Record<(typeof DEMO_BUYERS)[number], string> = {
    'demo-buyer-us': 'Alice Martin',
    'demo-buyer-it': 'Giulia Rossi',
    'demo-buyer-de': 'Jonas Weber',
  };
  return [
    ...DEMO_BUYERS.map((id) => ({
      email: `${id}@example.com`,
      name: buyers[id],
      role: 'buyer' as const,
    })),
    ...DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name, role: a.role })),
  ];
}

function staff(sellerId: string, name: string): DemoAccount {
  return {
    id: `${sellerId}-staff`,
    email: `seller@${sellerId}.example`,
    name,
    role: 'seller',
    sellerId,
  };
}

/** Creates the demo accounts that are missing; returns how many it created or gave a password. */
export async function seedDemoUsers(rt: Runtime): Promise<number> {
  const db = rt.store.db;
  // One read of every demo account: on a restart there is nothing to do, and this runs before
  // the server answers (start-up time, docs/benchmarks.md).
  const ids = [...DEMO_BUYERS, ...DEMO_ACCOUNTS.map((account) => account.id)];
  const existing = new Map(
    (
      await db.selectFrom('users').select(['id', 'password_hash']).where('id', 'in', ids).execute()
    ).map((row) => [row.id, row.password_hash]),
  );
  // Buyers come from the marketplace feed (seedDemo); only give them a password.
  const buyersToSet = DEMO_BUYERS.filter((id) => existing.has(id) && existing.get(id) === null);
  const accountsToCreate = DEMO_ACCOUNTS.filter((account) => !existing.has(account.id));
  if (buyersToSet.length === 0 && accountsToCreate.length === 0) return 0;
  const now = await rt.clock.now();
  let changed = 0;
  for (const buyerId of buyersToSet) {
    await setPassword(db, buyerId, DEMO_PASSWORD);
    changed += 1;
  }
  for (const account of accountsToCreate) {
    if (account.sellerId !== undefined) {
      const store = await db
        .selectFrom('sellers')
        .select('id')
        .where('id', '=', account.sellerId)
        .executeTakeFirst();
      if (store === undefined) continue; // the demo stores were not seeded: nothing to staff
    }
    await createUser(db, { ...account, password: DEMO_PASSWORD }, now);
    changed += 1;
  }
  return changed;
}
