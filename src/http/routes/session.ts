// Signing in and out: POST /v1/session checks email and password and sets the session cookie,
// GET answers who is signed in (and the CSRF token a page needs for writes), DELETE signs out.
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { MINUTE_MS } from '../../domain/index.ts';
import type { UserRecord } from '../../service/auth/index.ts';
import type { RouteGroup } from '../app.ts';
import {
  authService,
  clearSessionCookie,
  requireRole,
  sessionOf,
  setSessionCookie,
} from '../auth.ts';
import { problem, sendProblem } from '../problem.ts';

/** Sign-in attempts allowed per email and client address in one window. */
export const LOGIN_ATTEMPTS_MAX = 10;
export const LOGIN_WINDOW_MS = MINUTE_MS;

const Credentials = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

const SessionUser = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Type.Union([
      Type.Literal('buyer'),
      Type.Literal('seller'),
      Type.Literal('arbitrator'),
      Type.Literal('admin'),
    ]),
    sellerId: Type.Optional(Type.String({ description: 'for seller staff: the store' })),
  },
  { additionalProperties: false },
);

const SessionBody = Type.Object(
  {
    user: SessionUser,
    csrfToken: Type.String({
      description: 'send it as the x-csrf-token header on every POST, PUT, PATCH and DELETE',
    }),
  },
  { additionalProperties: false },
);

// Problem details keep their extension members, so the schema must not strip unknown fields.
const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
  },
  { additionalProperties: true },
);

const SESSION_ROLES = ['buyer', 'seller', 'arbitrator', 'admin'] as const;

function sessionUser(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    ...(user.sellerId === undefined ? {} : { sellerId: user.sellerId }),
  };
}

// Keyed by address and email together: one client guessing one account is slowed down, while
// many people behind one office NAT can still sign in to their own accounts.
function loginKey(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `login:${request.ip}:${email}`;
}

export const sessionRoutes: RouteGroup = async (app, { runtime }) => {
  const auth = authService(runtime);
  const secure = runtime.config.cookieSecure;

  // In its own scope so this limiter's hooks and settings touch no other route group.
  await app.register(async (child) => {
    const scope = child.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(rateLimit, { global: false });
    const limiter = scope.createRateLimit({
      max: LOGIN_ATTEMPTS_MAX,
      timeWindow: LOGIN_WINDOW_MS,
      keyGenerator: loginKey,
    });

    scope.post(
      '/v1/session',
      {
        // No session exists yet to hold a CSRF token; the JSON body already forces a CORS
        // preflight on cross-site requests, which a plain form cannot send.
        config: { csrf: false },
        schema: {
          tags: ['session'],
          summary: 'Sign in with email and password',
          description: `Sets the HttpOnly session cookie. At most ${LOGIN_ATTEMPTS_MAX} attempts per email and address per minute.`,
          body: Credentials,
          response: { 200: SessionBody, 400: Problem, 401: Problem, 429: Problem },
        },
      },
      async (request, reply) => {
        const limit = await limiter(request);
        if (!limit.isAllowed && limit.isExceeded) {
          reply.header('retry-after', String(limit.ttlInSeconds));
          return sendProblem(
            reply,
            problem(
              429,
              'auth.too_many_attempts',
              `too many sign-in attempts for this email from your address; try again in ${limit.ttlInSeconds} s`,
              { retryAfterSeconds: limit.ttlInSeconds },
            ),
          );
        }
        const signedIn = await auth.signIn(request.body.email, request.body.password);
        if (signedIn === undefined) {
          // One answer for an unknown email and a wrong password: no account discovery.
          return sendProblem(
            reply,
            problem(401, 'auth.invalid_credentials', 'the email or the password is wrong'),
          );
        }
        // A fresh session on every sign-in; the one this browser had before ends now.
        const previous = sessionOf(request);
        if (previous !== undefined) await auth.signOut(previous.session.id);
        setSessionCookie(reply, signedIn.token, secure);
        return { user: sessionUser(signedIn.user), csrfToken: signedIn.session.csrfToken };
      },
    );
  });

  app.get(
    '/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and the CSRF token for writes',
        response: { 200: SessionBody, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      if (!requireRole(request, reply, SESSION_ROLES)) return reply;
      const active = sessionOf(request);
      // An admin-scoped API key passes the role check but has no session to describe.
      if (active === undefined)
        return sendProblem(
          reply,
          problem(403, 'auth.forbidden', 'API keys have no session; sign in with a password'),
        );
      return { user: sessionUser(active.user), csrfToken: active.session.csrfToken };
    },
  );

  app.delete(
    '/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out',
        description: 'Ends the session and clears the cookie; signing out twice is harmless.',
        response: { 204: Type.Null(), 403: Problem },
      },
    },
    async (request, reply) => {
      const active = sessionOf(request);
      if (active !== undefined) await auth.signOut(active.session.id);
      clearSessionCookie(reply, secure);
      return reply.code(204).send(null);
    },
  );
};
