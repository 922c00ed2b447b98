// One deadline runner process for the store benchmark's 4-runner run: connects, says "ready",
// waits for "go" on stdin (so process start-up is not timed), drains everything due on the
// database clock, then says "done <fired>" and exits.
import { createInterface } from 'node:readline';
import { DatabaseClock } from '../src/service/clock.ts';
import { BATCH_SIZE_DEFAULT, DeadlineRunner } from '../src/service/deadline-runner.ts';
import { openDatabase } from '../src/store/database.ts';

const url = process.env.RUNNER_DATABASE_URL;
const schema = process.env.RUNNER_SCHEMA;
if (url === undefined || schema === undefined)
  throw new Error('RUNNER_DATABASE_URL and RUNNER_SCHEMA are required');
const store = await openDatabase({ databaseUrl: url, schema });
const clock = new DatabaseClock(store);
const runner = new DeadlineRunner(store, clock, {
  batchSize: Number(process.env.RUNNER_BATCH ?? BATCH_SIZE_DEFAULT),
});
await clock.now(); // connect before the clock starts
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.on('line', (line) => line === 'go' && resolve()));
lines.close();
const fired = await runner.drain();
process.stdout.write(`done ${fired}\n`);
await store.close();
