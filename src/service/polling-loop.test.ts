// The shared background loop: runs at start, runs again right after a round when woken during
// it, never runs two rounds at once, and stop() waits for the round in flight.
import { expect, it } from 'vitest';
import { PollingLoop } from './polling-loop.ts';

const HOUR_MS = 3_600_000; // a poll interval that never elapses inside a test

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

it('runs at start, queues one more round when woken mid-round, and stop waits for the round', async () => {
  const rounds: string[] = [];
  let inFlight = 0;
  let release = gate();
  const started = [gate(), gate()];
  const loop = new PollingLoop(
    async () => {
      inFlight += 1;
      expect(inFlight).toBe(1);
      rounds.push(`round ${rounds.length + 1}`);
      started[rounds.length - 1]?.open();
      await release.opened;
      inFlight -= 1;
    },
    HOUR_MS,
    () => undefined,
  );
  loop.start();
  await started[0]?.opened;
  loop.wake();
  loop.wake(); // a second wake while running still means one more round, not two
  const first = release;
  release = gate();
  first.open();
  await started[1]?.opened;
  const stopping = loop.stop();
  let stopped = false;
  void stopping.then(() => {
    stopped = true;
  });
  await new Promise((r) => setTimeout(r, 20));
  expect(stopped).toBe(false); // still waiting for round 2
  release.open();
  await stopping;
  expect(rounds).toEqual(['round 1', 'round 2']);
  loop.wake(); // after stop, waking does nothing
  await new Promise((r) => setTimeout(r, 20));
  expect(rounds).toHaveLength(2);
});

it('reports a failed round and keeps polling', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const done = gate();
  const loop = new PollingLoop(
    async () => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      done.open();
    },
    5,
    (error) => errors.push(error),
  );
  loop.start();
  await done.opened;
  await loop.stop();
  expect(errors).toHaveLength(1);
  expect(calls).toBeGreaterThanOrEqual(2);
});
