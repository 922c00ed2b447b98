// What the OpenAPI document says about a route beyond its validated schemas, so that /docs "Try
// it out" works for writes: the CSRF header a cookie-signed write needs (as a security scheme,
// required with the session cookie on every write but sign-in), and a multipart request body
// where a route reads its form itself (a `multipartBody` in the route schema, documented as the
// body but never compiled as a validator, since no parsed body exists to validate).
import type { SwaggerTransform } from '@fastify/swagger';
import { CSRF_HEADER } from './auth.ts';

declare module 'fastify' {
  interface FastifySchema {
    /** Documents a multipart/form-data body the handler parses itself. */
    multipartBody?: unknown;
  }
}

const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'settle_session',
    description: 'The session cookie set by POST /v1/session (sign in there first).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'With the session cookie, every write also needs this header: the `csrfToken` returned by POST /v1/session and GET /v1/session.',
  },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'An integration API key: `Authorization: Bearer sk_...`',
  },
} as const;

/** A write is signed by an API key, or by the session cookie together with the CSRF header. */
const WRITE_SECURITY = [{ apiKey: [] }, { session: [], csrf: [] }];

export const documentRoute: SwaggerTransform = ({ schema, url, route }) => {
  if (schema === undefined || schema === null) return { schema, url };
  const { multipartBody, ...rest } = schema;
  const documented: Record<string, unknown> = { ...rest };
  if (multipartBody !== undefined) {
    documented.body = multipartBody;
    documented.consumes = ['multipart/form-data'];
  }
  const methods = [route.method].flat();
  const csrfChecked = route.config?.csrf !== false;
  if (csrfChecked && methods.some((m) => UNSAFE_METHODS.has(m)) && rest.security === undefined) {
    documented.security = WRITE_SECURITY;
  }
  return { schema: documented, url };
};
