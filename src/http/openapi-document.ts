// Builds the OpenAPI document exactly as the server serves it, on a throwaway in-memory
// database with the virtual clock (so the demo-only clock route is documented too).
import { pino } from 'pino';
import { VirtualClock } from '../service/clock.ts';
import { openMemoryRuntime } from '../service/runtime.ts';
import { buildApp } from './app.ts';
import { ROUTE_GROUPS } from './routes/index.ts';

export async function generateOpenApi(): Promise<string> {
  const logger = pino({ level: 'silent' });
  const runtime = await openMemoryRuntime(logger, new VirtualClock(Date.UTC(2026, 0, 1)));
  try {
    const app = await buildApp({ runtime, logger }, ROUTE_GROUPS);
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    await runtime.close();
  }
}

export async function generateClientTypes(document: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(JSON.parse(document) as never, { alphabetize: true });
  return `// Generated from docs/openapi.json by \`npm run openapi\`. Do not edit.\n/* eslint-disable */\n${astToString(ast)}`;
}
