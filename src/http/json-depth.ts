// JSON bodies are parsed only when their nesting stays shallow: a 12 KB body of 5,000 nested
// arrays is cheap to send and costly (or fatal: stack overflows) for every recursive walk after
// the parser (validation, hashing, storage). No request of this API nests deeper than a few
// levels, so 64 leaves ample room.
import type { FastifyError } from 'fastify';
import type { App } from './app.ts';

export const JSON_DEPTH_MAX = 64;

/** Replaces the JSON parser with Fastify's own (same proto-poisoning rules) behind a depth check. */
export function useBoundedJson(app: App): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (exceedsDepth(text, JSON_DEPTH_MAX)) return done(tooDeep(), undefined);
    parse(request, text, done);
  });
}

/** True when brackets nest deeper than `max` outside strings (a linear scan, no recursion). */
export function exceedsDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function tooDeep(): FastifyError {
  return Object.assign(new Error(`the JSON body nests deeper than ${JSON_DEPTH_MAX} levels`), {
    statusCode: 400,
    code: 'request.too_deep',
    name: 'JsonTooDeep',
  });
}
