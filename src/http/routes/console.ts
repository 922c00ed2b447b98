// The web console (web/, built into web/dist) at `/`: its files, and index.html for every other
// page path so the console's own router shows it (a reload of /disputes/d1 works). /v1, /docs and
// the operational endpoints keep their routes; an unknown /v1 path stays a problem+json 404.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_DIST } from '../../service/console/assets.ts';
import { DEMO_PASSWORD, demoSignIns } from '../../service/demo-users.ts';
import type { RouteGroup } from '../app.ts';
import { problem, sendProblem } from '../problem.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// Mantine sets style attributes; everything else comes from this origin.
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** Paths that are never console pages, even when the route they name does not exist. */
const NOT_PAGES = /^\/(v1|docs|metrics|healthz|readyz)(\/|$)/;

interface Asset {
  readonly bytes: Buffer;
  readonly gzip?: Buffer;
}

export const consoleRoutes: RouteGroup = (app, { runtime }) => {
  // Assets are immutable per build (hashed names); cache them as read, per process.
  const cache = new Map<string, Asset | null>();
  async function asset(rel: string): Promise<Asset | null> {
    const hit = cache.get(rel);
    if (hit !== undefined) return hit;
    const path = join(CONSOLE_DIST, rel);
    let found: Asset | null = null;
    try {
      const bytes = await readFile(path);
      const gzip = existsSync(`${path}.gz`) ? await readFile(`${path}.gz`) : undefined;
      found = gzip === undefined ? { bytes } : { bytes, gzip };
    } catch {
      found = null;
    }
    // index.html changes with each build; keep only the hashed files for the process's life.
    if (rel.startsWith('assets/')) cache.set(rel, found);
    return found;
  }

  function send(request: FastifyRequest, reply: FastifyReply, rel: string, a: Asset) {
    const gzip = a.gzip !== undefined && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    reply
      .header('content-type', TYPES[extname(rel)] ?? 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .header('vary', 'accept-encoding')
      .header(
        'cache-control',
        rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    if (rel.endsWith('.html'))
      reply.header('content-security-policy', CSP).header('referrer-policy', 'same-origin');
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? a.gzip : a.bytes);
  }

  async function page(request: FastifyRequest, reply: FastifyReply) {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (NOT_PAGES.test(path))
      return sendProblem(reply, problem(404, 'not_found', `no route ${request.method} ${path}`));
    const rel = normalize(path)
      .replace(/^(\.\.(\/|$))+/, '')
      .replace(/^\/+/, '');
    if (rel !== '' && !rel.includes('..')) {
      const file = await asset(rel);
      if (file !== null) return send(request, reply, rel, file);
      // A missing asset is a 404, not the page: a stale tab must not parse HTML as JavaScript.
      if (rel.startsWith('assets/') || extname(rel) !== '')
        return sendProblem(reply, problem(404, 'not_found', `no file ${path}`));
    }
    const index = await asset('index.html');
    if (index === null)
      return sendProblem(
        reply,
        problem(404, 'not_found', 'the web console is not built: start with `npm start`'),
      );
    return send(request, reply, 'index.html', index);
  }

  // What the sign-in page shows: in demo mode the demo accounts and their (public) password.
  const config = runtime.config.demo
    ? { demo: true, password: DEMO_PASSWORD, accounts: demoSignIns() }
    : { demo: false, accounts: [] };
  // `signedIn` lets the page skip asking for a session it does not have (a 401 the browser
  // would log as an error on every visit to the sign-in page).
  app.get('/console/config.json', { schema: { hide: true } }, async (request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .send({ ...config, signedIn: request.caller.kind !== 'anonymous' }),
  );
  app.get('/', { schema: { hide: true } }, page);
  app.get('/*', { schema: { hide: true } }, page);
};
