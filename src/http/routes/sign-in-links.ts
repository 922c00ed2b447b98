// Sign-in links (issue 10, item 5): the marketplace's backend (a key with the act_as scope) asks
// for a one-time URL for one of its buyers or a store's staff member; opening it, with no other
// credential, starts the same session as POST /v1/session (cookie, CSRF token from GET
// /v1/session) and redirects to `/` or a `returnTo` path on Settle's own origin.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isSameOriginPath, parseMarketplaceUser } from '../../service/auth/index.ts';
import type { RouteGroup } from '../app.ts';
import { authFailures, authService, requireRole, sessionOf, setSessionCookie } from '../auth.ts';
import { iso } from '../convert.ts';
import { type Problem, problem, sendProblem } from '../problem.ts';
import { DateTime, PROBLEMS, Problem as ProblemRef } from '../schemas/common.ts';

const TAGS = ['session'];

const CreateSignInLinkBody = Type.Object(
  {
    user: Type.String({
      minLength: 1,
      maxLength: 220,
      description:
        'who signs in: `buyer:<buyerId>` (the id on your orders) or `seller:<sellerId>:<staffId>`',
    }),
    returnTo: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'a path on Settle’s own origin to land on (default `/`); never another host',
      }),
    ),
  },
  { additionalProperties: false },
);

const CreatedSignInLink = Type.Object(
  {
    url: Type.String({ description: 'open once, before expiresAt; hand it only to that person' }),
    expiresAt: DateTime,
  },
  { additionalProperties: false },
);

const TokenParams = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const signInLinkRoutes: RouteGroup = (app, { runtime }) => {
  const auth = authService(runtime);
  const failures = authFailures(runtime);
  const { cookieSecure, publicUrl, signInLinkTtlSeconds } = runtime.config;

  app.post(
    '/v1/sign-in-links',
    {
      // The link's token must not be kept in clear with the idempotency key; a retry makes
      // another link, and an unused one expires in minutes.
      config: { idempotency: 'off' },
      // Before validation, so a caller who may not make links learns nothing from the body.
      onRequest: async (request, reply) => {
        if (!requireRole(request, reply, ['integration'])) return reply;
        const caller = request.caller;
        if (caller.kind !== 'api_key' || !caller.scopes.includes('act_as'))
          return sendProblem(
            reply,
            problem(403, 'auth.forbidden', 'sign-in links need an API key with the act_as scope'),
          );
        return undefined;
      },
      schema: {
        tags: TAGS,
        summary: 'A one-time URL that signs a buyer or a store’s staff member in',
        description: `Needs an API key with the integration and act_as scopes. The link works once, for ${signInLinkTtlSeconds} s (SETTLE_SIGN_IN_LINK_TTL_SECONDS). Not idempotent: a retry makes a new link.`,
        body: CreateSignInLinkBody,
        response: { 201: CreatedSignInLink, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const caller = request.caller;
      if (caller.kind !== 'api_key') throw new Error('onRequest lets only API keys through');
      const ref = parseMarketplaceUser(request.body.user);
      if (ref === undefined)
        return sendProblem(
          reply,
          problem(
            422,
            'sign_in_link.user_malformed',
            'user must be buyer:<buyerId> or seller:<sellerId>:<staffId>',
          ),
        );
      const returnTo = request.body.returnTo ?? '/';
      if (!isSameOriginPath(returnTo))
        return sendProblem(
          reply,
          problem(
            422,
            'sign_in_link.return_to_invalid',
            'returnTo must be a path on Settle’s own origin, such as /disputes/dsp-1',
          ),
        );
      const user = await auth.marketplaceUser(ref);
      if (user === undefined)
        return sendProblem(
          reply,
          problem(
            422,
            'sign_in_link.user_unknown',
            'no live buyer or staff member of this marketplace answers to user',
          ),
        );
      const link = await auth.createSignInLink({
        userId: user.id,
        returnTo,
        createdBy: caller.keyId,
        ttlMs: signInLinkTtlSeconds * 1000,
      });
      const origin = publicUrl ?? `${request.protocol}://${request.host}`;
      return reply.code(201).send({
        url: `${origin}/v1/sign-in-links/${link.token}`,
        expiresAt: iso(link.expiresAt),
      });
    },
  );

  app.get(
    '/v1/sign-in-links/:token',
    {
      schema: {
        tags: TAGS,
        summary: 'Open a sign-in link: signs its person in and redirects',
        description:
          'No other credential. Sets the session cookie (as POST /v1/session) and answers 303 to `/` or the link’s returnTo. A used, expired or unknown link is refused (410 or 404), as an HTML page when the browser asks for one; refusals count as failed authentications.',
        params: TokenParams,
        response: {
          303: Type.Null({ description: 'signed in; Location is where to go' }),
          400: ProblemRef,
          404: ProblemRef,
          410: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      // A link is a credential: an address guessing tokens is slowed like one guessing keys.
      const waitSeconds = failures.retryAfterSeconds(request.ip);
      if (waitSeconds !== undefined) {
        reply.header('retry-after', String(waitSeconds));
        return refuse(
          request,
          reply,
          problem(
            429,
            'auth.too_many_failures',
            `too many failed authentications from your address; try again in ${waitSeconds} s`,
            { retryAfterSeconds: waitSeconds },
          ),
        );
      }
      const redeemed = await auth.redeemSignInLink(request.params.token);
      if (!redeemed.ok) {
        failures.recordFailure(request.ip);
        return refuse(request, reply, REFUSALS[redeemed.why]);
      }
      // A fresh session, as at sign-in: the one this browser had before ends now.
      const previous = sessionOf(request);
      if (previous !== undefined) await auth.signOut(previous.session.id);
      setSessionCookie(reply, redeemed.sessionToken, cookieSecure);
      reply.header('cache-control', 'no-store');
      return reply.redirect(redeemed.returnTo, 303);
    },
  );
};

const REFUSALS: Readonly<Record<'unknown' | 'used' | 'expired' | 'disabled', Problem>> = {
  unknown: problem(404, 'sign_in_link.not_found', 'this sign-in link does not exist'),
  used: problem(
    410,
    'sign_in_link.used',
    'this sign-in link has been used already: ask the marketplace for a new one',
  ),
  expired: problem(
    410,
    'sign_in_link.expired',
    'this sign-in link has expired: ask the marketplace for a new one',
  ),
  disabled: problem(410, 'sign_in_link.used', 'this sign-in link can no longer be used'),
};

/** A problem, or for a browser (which opened the link) a short page saying the same. */
function refuse(request: FastifyRequest, reply: FastifyReply, p: Problem): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (!wantsHtml(request)) return sendProblem(reply, p);
  return reply
    .code(p.status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(p.title)}</title>` +
        `<h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.detail)}</p></html>\n`,
    );
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
