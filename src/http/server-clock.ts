// The console counts down to deadlines on the dispute clock. Under the virtual clock that is not
// the browser's clock, so every API answer then says what time the server's clock shows
// (`settle-now`); under the system clock the browser's own clock is close enough.
import { VirtualClock } from '../service/clock.ts';
import type { App, AppDeps } from './app.ts';
import { iso } from './convert.ts';

export const SERVER_NOW_HEADER = 'settle-now';

export function registerServerClockHeader(app: App, { runtime }: AppDeps): void {
  const clock = runtime.clock;
  if (!(clock instanceof VirtualClock)) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/v1/')) reply.header(SERVER_NOW_HEADER, iso(clock.current()));
    return payload;
  });
}
