// `npm run dev`: the API server (`settle serve`, PORT, default 3000) and the console's Vite dev
// server with hot reload (CONSOLE_PORT, default 5173), which sends /v1 and /console to the API.
// Open http://localhost:5173. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'vite';

const apiPort = process.env.PORT ?? '3000';
const consolePort = Number(process.env.CONSOLE_PORT ?? '5173');
const root = join(import.meta.dirname, '..');

const api = spawn(
  process.execPath,
  ['--liftoff-only', 'src/cli/main.ts', 'serve', '--port', apiPort],
  {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  },
);
process.env.SETTLE_API = `http://127.0.0.1:${apiPort}`;
const vite = await createServer({
  configFile: join(root, 'web/vite.config.ts'),
  root: join(root, 'web'),
  server: { port: consolePort },
});
await vite.listen();
vite.printUrls();

const stop = async () => {
  await vite.close();
  api.kill('SIGTERM');
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
api.once('exit', (code) => {
  void vite.close().then(() => process.exit(code ?? 0));
});
