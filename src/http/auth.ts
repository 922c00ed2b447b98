// Placeholder until authentication lands: every request is anonymous.
import type { App, AppDeps } from './app.ts';

export async function registerAuth(_app: App, _deps: AppDeps): Promise<void> {}
