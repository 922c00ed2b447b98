// API keys, for admins (issue 8, item 16): create one (its secret is in that response only),
// list them without secrets, revoke one at once. Keys may expire on their own (expiresAt).
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { ApiKeyRecord } from '../../service/auth/index.ts';
import type { RouteGroup } from '../app.ts';
import { authService } from '../auth.ts';
import { callerKey } from '../caller.ts';
import { iso, toInstant } from '../convert.ts';
import { notFound } from '../problem.ts';
import { ApiKeyParams, ApiKeyView, CreateApiKeyBody, CreatedApiKey } from '../schemas/admin.ts';
import { PROBLEMS } from '../schemas/common.ts';
import { adminOnly, sendAuthRefusal } from './admin-users.ts';

const TAGS = ['admin'];

function apiKeyView(k: ApiKeyRecord): Static<typeof ApiKeyView> {
  return {
    id: k.id,
    name: k.name,
    scopes: [...k.scopes],
    createdAt: iso(k.createdAt),
    ...(k.lastUsedAt === undefined ? {} : { lastUsedAt: iso(k.lastUsedAt) }),
    ...(k.revokedAt === undefined ? {} : { revokedAt: iso(k.revokedAt) }),
    ...(k.expiresAt === undefined ? {} : { expiresAt: iso(k.expiresAt) }),
  };
}

export const adminApiKeyRoutes: RouteGroup = (app, { runtime }) => {
  const auth = authService(runtime);

  app.post(
    '/v1/admin/api-keys',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          'Create an API key (integration and/or admin scope, optional expiry); the key is shown once',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const b = request.body;
      try {
        const { key, record } = await auth.createApiKey({
          name: b.name,
          scopes: b.scopes,
          createdBy: callerKey(request.caller),
          ...(b.expiresAt === undefined ? {} : { expiresAt: toInstant(b.expiresAt) }),
        });
        return reply.code(201).send({ ...apiKeyView(record), key });
      } catch (error) {
        return sendAuthRefusal(reply, error);
      }
    },
  );

  app.get(
    '/v1/admin/api-keys',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'API keys, newest first (at most 1,000), without secrets',
        response: { 200: Type.Object({ items: Type.Array(ApiKeyView) }), ...PROBLEMS },
      },
    },
    async () => ({ items: (await auth.listApiKeys()).map(apiKeyView) }),
  );

  app.delete(
    '/v1/admin/api-keys/:keyId',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Revoke an API key at once',
        params: ApiKeyParams,
        response: { 200: ApiKeyView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { keyId } = request.params;
      if (!(await auth.revokeApiKey(keyId))) return notFound(reply, 'live API key');
      const revoked = await auth.apiKeyById(keyId);
      return revoked === undefined ? notFound(reply, 'API key') : apiKeyView(revoked);
    },
  );
};
