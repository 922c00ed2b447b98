// `settle migrate`: apply pending migrations, or list them with --status.
import type { Config } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';
import { migrate, migrationStatus } from '../store/migrate.ts';

export async function migrateCommand(
  config: Config,
  o: { status: boolean; json: boolean },
): Promise<void> {
  const store = await openStore(config);
  try {
    if (o.status) {
      const status = await migrationStatus(store);
      if (o.json) console.log(JSON.stringify(status));
      else
        for (const m of status)
          console.log(`${m.executedAt === null ? 'pending ' : 'applied '} ${m.name}`);
      return;
    }
    const applied = await migrate(store);
    if (o.json) console.log(JSON.stringify({ applied }));
    else
      console.log(
        applied.length === 0
          ? 'settle: database is up to date'
          : `settle: applied ${applied.join(', ')}`,
      );
  } finally {
    await store.close();
  }
}
