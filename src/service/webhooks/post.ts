// One HTTP attempt. Receivers are outside our control, so everything is bounded: the time the
// whole exchange may take, redirects (not followed: a signed message must reach the URL the
// admin registered, not wherever a receiver points), and how much of a response we read.
export const TIMEOUT_MS = 10_000;
/** Enough of an error response to show in the delivery log; the rest is never read. */
export const RESPONSE_BYTES_MAX = 1_024;
const USER_AGENT = 'Settle-Webhooks/1';

export interface PostResult {
  readonly ok: boolean;
  readonly statusCode?: number;
  readonly error?: string;
}

export async function postWebhook(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  options: { readonly timeoutMs?: number; readonly signal?: AbortSignal } = {},
): Promise<PostResult> {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...headers },
      body,
      redirect: 'manual',
      // The caller's signal lets a stopping worker give up now instead of after the timeout.
      signal: options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]),
    });
    const statusCode = response.status;
    if (statusCode >= 200 && statusCode < 300) {
      // Release the connection without reading what the receiver chose to say.
      await response.body?.cancel();
      return { ok: true, statusCode };
    }
    const snippet = await readPrefix(response);
    return { ok: false, statusCode, error: `HTTP ${statusCode}${snippet ? `: ${snippet}` : ''}` };
  } catch (error) {
    return { ok: false, error: describe(error, timeoutMs) };
  }
}

/** Up to RESPONSE_BYTES_MAX bytes of the body as text; the stream is cancelled after. */
async function readPrefix(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    while (bytes < RESPONSE_BYTES_MAX) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
    }
  } catch {
    // A body cut off mid-way still leaves the status code, which is what matters.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const prefix = Buffer.concat(chunks).subarray(0, RESPONSE_BYTES_MAX);
  return prefix.toString('utf8').trim();
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no response within ${timeoutMs} ms`;
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return 'abandoned: the worker was stopping';
  }
  if (error instanceof Error) {
    // fetch reports network failures as "fetch failed" with the useful part in the cause.
    const cause = error.cause instanceof Error ? error.cause : undefined;
    const code = (cause as { code?: unknown } | undefined)?.code;
    const detail = typeof code === 'string' ? code : cause?.message;
    return detail === undefined ? error.message : `${error.message}: ${detail}`;
  }
  return String(error);
}
