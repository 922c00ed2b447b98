// The virtual clock for demos and tests (`--clock virtual` only): an admin moves time forward,
// never back (the time is saved, so a restart resumes from it), and the deadline runner fires
// everything that fell due on the way.
import { Type } from 'typebox';
import { VirtualClock } from '../../service/clock.ts';
import { advanceVirtualClock } from '../../service/virtual-clock-store.ts';
import type { RouteGroup } from '../app.ts';
import { iso } from '../convert.ts';
import { problem, sendProblem } from '../problem.ts';
import { PROBLEMS } from '../schemas/common.ts';
import { adminOnly } from './admin-users.ts';

const ADVANCE_MS_MAX = 366 * 86_400_000;

export const clockRoutes: RouteGroup = (app, { runtime }) => {
  const clock = runtime.clock;
  // The console's header asks whether there is a virtual clock to show (issue 12).
  app.get(
    '/v1/clock',
    {
      ...adminOnly,
      schema: {
        tags: ['clock'],
        summary: 'The server’s time, and whether it is the virtual clock an admin may move (admin)',
        response: {
          200: Type.Object({ now: Type.String({ format: 'date-time' }), virtual: Type.Boolean() }),
          ...PROBLEMS,
        },
      },
    },
    async () => ({ now: iso(await clock.now()), virtual: clock instanceof VirtualClock }),
  );
  if (!(clock instanceof VirtualClock)) return;
  app.post(
    '/v1/clock/advance',
    {
      schema: {
        tags: ['clock'],
        summary:
          'Move the virtual clock forward and fire the deadlines that fall due (admin, --clock virtual only)',
        body: Type.Object(
          {
            ms: Type.Optional(Type.Integer({ minimum: 0, maximum: ADVANCE_MS_MAX })),
            hours: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 * 24 })),
            days: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ now: Type.String({ format: 'date-time' }), fired: Type.Integer() }),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const c = request.caller;
      if (c.kind === 'anonymous')
        return sendProblem(reply, problem(401, 'auth.required', 'sign in as an admin'));
      if (c.actor.role !== 'admin')
        return sendProblem(reply, problem(403, 'auth.forbidden', 'only an admin moves the clock'));
      const b = request.body;
      const ms = (b.ms ?? 0) + (b.hours ?? 0) * 3_600_000 + (b.days ?? 0) * 86_400_000;
      if (ms > ADVANCE_MS_MAX)
        return sendProblem(
          reply,
          problem(422, 'clock.too_far', 'advance at most a year at a time'),
        );
      await advanceVirtualClock(runtime.store, clock, ms);
      const fired = await runtime.runner.drain();
      return { now: iso(clock.current()), fired };
    },
  );
};
