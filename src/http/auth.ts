// Authentication for every route: one onRequest hook resolves `request.caller` from an API key
// (`Authorization: Bearer sk_...`) or the session cookie, and enforces CSRF on cookie-signed
// writes. Routes then ask requireRole() for the roles they serve.
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SellerId } from '../domain/index.ts';
import {
  type ActiveSession,
  type ApiKeyRecord,
  AuthService,
  actorActingFor,
  actorForApiKey,
  actorForUser,
  parseMarketplaceUser,
  SESSION_ABSOLUTE_MS,
  safeEqual,
} from '../service/auth/index.ts';
import type { Runtime } from '../service/runtime.ts';
import type { App, AppDeps } from './app.ts';
import { AuthFailureLimiter } from './auth-failures.ts';
import { type Caller, setCaller } from './caller.ts';
import { problem, sendProblem } from './problem.ts';

export const SESSION_COOKIE = 'settle_session';
export const CSRF_HEADER = 'x-csrf-token';
/** `buyer:<buyerId>` or `seller:<sellerId>:<staffId>`: an act_as key acting for that person. */
export const ACT_AS_HEADER = 'settle-act-as';

/** Methods that change something: a cookie alone (which a browser attaches) may not do them. */
const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type CallerRole = 'buyer' | 'seller' | 'arbitrator' | 'admin' | 'integration';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false exempts a route from the CSRF check (only sign-in, which has no session yet). */
    csrf?: boolean;
  }
}

// One AuthService per runtime, shared by the hook and the session routes. It runs on real time:
// a virtual dispute clock moved a month ahead must not end everyone's session.
const services = new WeakMap<Runtime, AuthService>();
// The session behind a cookie-signed request, for routes that need its CSRF token.
const sessions = new WeakMap<FastifyRequest, ActiveSession>();
// Failed authentications per address, shared by the hook and sign-in links (whose token is a
// credential too).
const failureLimiters = new WeakMap<Runtime, AuthFailureLimiter>();

export function authFailures(runtime: Runtime): AuthFailureLimiter {
  let limiter = failureLimiters.get(runtime);
  if (limiter === undefined) {
    limiter = new AuthFailureLimiter(runtime.config.authFailuresPerMinute);
    failureLimiters.set(runtime, limiter);
  }
  return limiter;
}

export function authService(runtime: Runtime): AuthService {
  let service = services.get(runtime);
  if (service === undefined) {
    service = new AuthService(runtime.store, runtime.realClock);
    services.set(runtime, service);
  }
  return service;
}

/** The live session of a cookie-signed request; undefined for API keys and anonymous callers. */
export function sessionOf(request: FastifyRequest): ActiveSession | undefined {
  return sessions.get(request);
}

export async function registerAuth(app: App, deps: AppDeps): Promise<void> {
  // Another part of the app may have registered the cookie plugin already; twice would throw.
  if (!app.hasRequestDecorator('cookies')) await app.register(cookie);
  const auth = authService(deps.runtime);
  const secure = deps.runtime.config.cookieSecure;
  const failures = authFailures(deps.runtime);

  app.addHook('onRequest', async (request, reply) => {
    const authorization = request.headers.authorization;
    const token = request.cookies[SESSION_COOKIE];
    // Checked before any lookup: an address guessing keys gets no more database work.
    if (authorization !== undefined || token !== undefined) {
      const waitSeconds = failures.retryAfterSeconds(request.ip);
      if (waitSeconds !== undefined) return tooManyFailures(reply, waitSeconds);
    }
    if (authorization !== undefined) {
      const record = await auth.apiKey(bearerToken(authorization) ?? '');
      if (record === undefined) {
        failures.recordFailure(request.ip);
        reply.header('www-authenticate', 'Bearer');
        return sendProblem(
          reply,
          problem(401, 'auth.invalid_key', 'the API key is malformed, unknown or revoked'),
        );
      }
      const actAs = request.headers[ACT_AS_HEADER];
      if (actAs === undefined) {
        setCaller(request, keyCaller(record));
        return;
      }
      return actFor(auth, request, reply, record, actAs);
    }
    if (token === undefined) return;
    if (request.headers[ACT_AS_HEADER] !== undefined)
      return sendProblem(
        reply,
        problem(403, 'auth.act_as_forbidden', `only an API key may send ${ACT_AS_HEADER}`),
      );
    const active = await auth.session(token);
    if (active === undefined) {
      failures.recordFailure(request.ip);
      // Expired, revoked or forged: carry on as anonymous and stop the browser sending it.
      clearSessionCookie(reply, secure);
      return;
    }
    setCaller(request, userCaller(active));
    sessions.set(request, active);
    if (UNSAFE_METHODS.has(request.method) && request.routeOptions.config?.csrf !== false) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, active.session.csrfToken)) {
        return sendProblem(
          reply,
          problem(
            403,
            'auth.csrf_failed',
            `a signed-in write needs the ${CSRF_HEADER} header from GET /v1/session or sign-in`,
          ),
        );
      }
    }
  });
}

/**
 * Sets the caller to the person a key acts for, or refuses: 403 for a key without the act_as
 * scope, 400 for a header that names no one, 403 for a person who is not one of the
 * marketplace's live buyers or staff (one answer whatever was wrong, so nothing is probed).
 */
async function actFor(
  auth: AuthService,
  request: FastifyRequest,
  reply: FastifyReply,
  record: ApiKeyRecord,
  header: string | string[],
): Promise<FastifyReply | undefined> {
  if (!record.scopes.includes('act_as'))
    return sendProblem(
      reply,
      problem(
        403,
        'auth.act_as_forbidden',
        `this key may not send ${ACT_AS_HEADER}: it needs the act_as scope`,
      ),
    );
  const ref = typeof header === 'string' ? parseMarketplaceUser(header) : undefined;
  if (ref === undefined)
    return sendProblem(
      reply,
      problem(
        400,
        'auth.act_as_malformed',
        `${ACT_AS_HEADER} must be one buyer:<buyerId> or seller:<sellerId>:<staffId>`,
      ),
    );
  const user = await auth.marketplaceUser(ref);
  if (user === undefined)
    return sendProblem(
      reply,
      problem(
        403,
        'auth.act_as_refused',
        `${ACT_AS_HEADER} names no live buyer or staff member of this marketplace`,
      ),
    );
  setCaller(request, {
    kind: 'api_key',
    keyId: record.id,
    scopes: record.scopes,
    actor: actorActingFor(user, record.id),
    actingFor: { userId: user.id },
  });
  return undefined;
}

function tooManyFailures(reply: FastifyReply, waitSeconds: number): FastifyReply {
  reply.header('retry-after', String(waitSeconds));
  return sendProblem(
    reply,
    problem(
      429,
      'auth.too_many_failures',
      `too many failed authentications from your address; try again in ${waitSeconds} s`,
      { retryAfterSeconds: waitSeconds },
    ),
  );
}

/**
 * Lets the request through when the caller has one of `roles`. Otherwise replies 401
 * `auth.required` (not signed in) or 403 `auth.forbidden` (wrong role) and returns false:
 * `if (!requireRole(request, reply, ['buyer'])) return reply;`
 */
export function requireRole(
  request: FastifyRequest,
  reply: FastifyReply,
  roles: readonly CallerRole[],
): boolean {
  const caller = request.caller;
  if (caller.kind === 'anonymous') {
    sendProblem(reply, problem(401, 'auth.required', 'sign in or send an API key'));
    return false;
  }
  const role = caller.kind === 'user' ? caller.role : caller.actor.role;
  if (!(roles as readonly string[]).includes(role)) {
    sendProblem(
      reply,
      problem(403, 'auth.forbidden', `this needs the role ${roles.join(' or ')}; you are ${role}`),
    );
    return false;
  }
  return true;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    ...cookieFlags(secure),
    // The browser may keep it for the session's whole life; idle expiry is checked server-side.
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, cookieFlags(secure));
}

// HttpOnly: page scripts cannot read it. SameSite=Lax: other sites' forms and fetches do not
// carry it on writes (CSRF tokens are the second line). Path=/: one cookie for the whole API.
function cookieFlags(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
}

function bearerToken(header: string): string | undefined {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

export function userCaller(active: ActiveSession): Caller {
  const { user, session } = active;
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    ...(user.sellerId === undefined ? {} : { sellerId: user.sellerId as SellerId }),
    sessionId: session.id,
    actor: actorForUser(user),
  };
}

export function keyCaller(record: ApiKeyRecord): Caller {
  return {
    kind: 'api_key',
    keyId: record.id,
    scopes: record.scopes,
    actor: actorForApiKey(record),
  };
}
