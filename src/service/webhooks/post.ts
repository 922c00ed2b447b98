// One HTTP attempt. Receivers are outside our control, so everything is bounded: the time the
// whole exchange may take, redirects (not followed: a signed message must reach the URL the
// admin registered, not wherever a receiver points), and what we read back: only the status
// line. The response body is never read nor kept, so the delivery log cannot be used to read
// what some internal service answers.
//
// The target's name is resolved here, every resolved address is checked against the target
// policy, and the connection goes to the checked address (a pinned `lookup`): a name cannot
// pass the check with one answer and connect with another (DNS rebinding).
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import {
  addressRefusal,
  metadataNameRefusal,
  PUBLIC_ONLY,
  type TargetPolicy,
} from './target-policy.ts';

export const TIMEOUT_MS = 10_000;
const USER_AGENT = 'Settle-Webhooks/1';

export interface PostResult {
  readonly ok: boolean;
  readonly statusCode?: number;
  /** Short and ours: a status, an error code or a refusal; never the receiver's words. */
  readonly error?: string;
}

export interface PostOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Defaults to public addresses only. */
  readonly policy?: TargetPolicy;
}

/** A target the policy refuses; its message names the host, never what it would answer. */
class TargetRefused extends Error {}

interface Pinned {
  readonly address: string;
  readonly family: 4 | 6;
}

export async function postWebhook(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  options: PostOptions = {},
): Promise<PostResult> {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  // The caller's signal lets a stopping worker give up now instead of after the timeout.
  const signal =
    options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
  try {
    const target = new URL(url);
    const pinned = await resolveTarget(target, options.policy ?? PUBLIC_ONLY, signal);
    const statusCode = await send(target, pinned, headers, body, signal);
    if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode };
    const redirect = statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : '';
    return { ok: false, statusCode, error: `HTTP ${statusCode}${redirect}` };
  } catch (error) {
    if (timeout.aborted) return { ok: false, error: `no response within ${timeoutMs} ms` };
    if (options.signal?.aborted) return { ok: false, error: 'abandoned: the worker was stopping' };
    return { ok: false, error: describe(error) };
  }
}

/** The one address to connect to, after every address the name has was checked. */
async function resolveTarget(
  target: URL,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<Pinned> {
  const host = bareHost(target);
  if (ipaddr.isValid(host)) {
    const refused = addressRefusal(host, policy);
    if (refused !== undefined) throw new TargetRefused(`refused: ${refused}`);
    return { address: host, family: host.includes(':') ? 6 : 4 };
  }
  // Names are judged by what they resolve to now ("localhost" included), not by their spelling.
  const metadata = metadataNameRefusal(host);
  if (metadata !== undefined) throw new TargetRefused(`refused: ${metadata}`);
  const found = await abortable(lookup(host, { all: true, verbatim: true }), signal);
  // All of them, not just the first: a name with one public and one private address could
  // otherwise be steered to the private one by whichever the resolver lists first.
  for (const { address } of found) {
    if (addressRefusal(address, policy) !== undefined) {
      throw new TargetRefused(`refused: ${host} resolves to an address that is not public`);
    }
  }
  const first = found[0];
  if (first === undefined) throw new TargetRefused(`refused: ${host} has no address`);
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** POSTs and resolves with the status code as soon as the status line arrives. */
function send(
  target: URL,
  pinned: Pinned,
  headers: Readonly<Record<string, string>>,
  body: string,
  signal: AbortSignal,
): Promise<number> {
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  const host = bareHost(target);
  const tls = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (tls ? https : http).request(
      {
        method: 'POST',
        hostname: host,
        port: target.port === '' ? undefined : Number(target.port),
        path: `${target.pathname}${target.search}`,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          ...headers,
          'content-length': String(Buffer.byteLength(body)),
        },
        lookup: pinnedLookup,
        // TLS checks the certificate against the name, while the socket goes to the pinned IP.
        ...(tls && !ipaddr.isValid(host) ? { servername: host } : {}),
        // A fresh connection per attempt: a pooled socket could belong to an older resolution.
        agent: false,
        signal,
      },
      (response) => {
        // The status is all we keep: the body is not read, and the socket is closed.
        response.destroy();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function bareHost(target: URL): string {
  return target.hostname.replace(/^\[|\]$/g, '');
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A short description that repeats nothing a receiver sent: our refusal or a socket code. */
function describe(error: unknown): string {
  if (error instanceof TargetRefused) return error.message;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return `connection failed: ${code}`;
  return 'connection failed';
}
