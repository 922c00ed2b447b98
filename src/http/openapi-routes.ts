// What the OpenAPI document says about a route beyond its validated schemas, so that /docs "Try
// it out" works for writes: the CSRF header a cookie-signed write needs (as a security scheme,
// required with the session cookie on every write but sign-in), and a multipart request body
// where a route reads its form itself (a `multipartBody` in the route schema, documented as the
// body but never compiled as a validator, since no parsed body exists to validate).
//
// The `Settle-Act-As` header (an act_as key acting for a buyer or a store's staff) is documented
// on the routes a buyer or seller may use, as the access matrix says: a header parameter (so the
// typed client has it) and a security alternative (API key plus the header).
import type { SwaggerTransform } from '@fastify/swagger';
import { Type } from 'typebox';
import { ACCESS_MATRIX, type ActingWho, actingAccess } from './access-matrix.ts';
import { ACT_AS_HEADER, CSRF_HEADER } from './auth.ts';

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
  actAs: {
    type: 'apiKey',
    in: 'header',
    name: 'Settle-Act-As',
    description:
      'With an API key holding the act_as scope: act for `buyer:<buyerId>` or `seller:<sellerId>:<staffId>`, authorized as that person (docs/integration.md, "Acting for your users").',
  },
} as const;

/** A write is signed by an API key, or by the session cookie together with the CSRF header. */
const WRITE_SECURITY = [{ apiKey: [] }, { session: [], csrf: [] }];
const READ_SECURITY = [{ apiKey: [] }, { session: [] }];
const ACTING_SECURITY = { apiKey: [], actAs: [] };

const ActAsHeaders = Type.Object({
  [ACT_AS_HEADER]: Type.Optional(
    Type.String({
      description:
        'Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>`',
      examples: ['buyer:b-1042', 'seller:store-7:staff-3'],
    }),
  ),
});

const ACTING: readonly ActingWho[] = ['act_as_buyer', 'act_as_seller'];

/** Whether a buyer or staff member may use the route, so a key acting for them may too. */
export function takesActAs(method: string, url: string): boolean {
  const access = ACCESS_MATRIX[`${method} ${url}`];
  if (access === undefined) return false;
  return ACTING.some((who) => {
    const outcome = actingAccess(access, who);
    const own = typeof outcome === 'object' ? outcome.own : outcome;
    return own === 'ok' || own === 'visible';
  });
}

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
  const writes = methods.some((m) => UNSAFE_METHODS.has(m));
  if (csrfChecked && writes && rest.security === undefined) {
    documented.security = WRITE_SECURITY;
  }
  if (methods.some((m) => takesActAs(m, url))) {
    documented.headers = ActAsHeaders;
    documented.security = [
      ...((documented.security as unknown[] | undefined) ??
        (writes ? WRITE_SECURITY : READ_SECURITY)),
      ACTING_SECURITY,
    ];
  }
  return { schema: documented, url };
};
