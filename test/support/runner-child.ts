// A deadline runner in its own process, for the multi-process test: drains everything due on
// the database clock in small batches, printing each batch, then exits.
import { DatabaseClock } from '../../src/service/clock.ts';
import { DeadlineRunner } from '../../src/service/deadline-runner.ts';
import { openDatabase } from '../../src/store/database.ts';

const url = process.env.RUNNER_DATABASE_URL;
const schema = process.env.RUNNER_SCHEMA;
if (url === undefined || schema === undefined)
  throw new Error('RUNNER_DATABASE_URL and RUNNER_SCHEMA are required');
const store = await openDatabase({ databaseUrl: url, schema });
const runner = new DeadlineRunner(store, new DatabaseClock(store), {
  batchSize: Number(process.env.RUNNER_BATCH ?? 50),
});
let total = 0;
for (;;) {
  const fired = await runner.runOnce();
  if (fired === 0) break;
  total += fired;
  process.stdout.write(`batch ${fired}\n`);
}
process.stdout.write(`done ${total}\n`);
await store.close();
