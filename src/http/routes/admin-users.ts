// Accounts, for admins (issue 8, item 16): create users and seller staff, list them, disable and
// re-enable them, reset a password. The CLI (`settle user add`) stays for the first admin; after
// that an admin does this over HTTP while the server runs, which PGlite's one-process lock
// otherwise forbids. Every write runs through the same service functions as the CLI.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import {
  ACCOUNTS_PAGE_MAX,
  type AccountRecord,
  AuthConflictError,
  AuthInputError,
  generatePassword,
  type NewUser,
} from '../../service/auth/index.ts';
import type { RouteGroup } from '../app.ts';
import { authService, requireRole } from '../auth.ts';
import { iso } from '../convert.ts';
import { notFound, problem, sendProblem } from '../problem.ts';
import {
  ACCOUNTS_PAGE_DEFAULT,
  AccountView,
  CreatedAccount,
  CreateStaffBody,
  CreateUserBody,
  PasswordBody,
  PasswordReset,
  Role,
  RoleBody,
  SellerParams,
  UserParams,
} from '../schemas/admin.ts';
import { Id, PROBLEMS } from '../schemas/common.ts';

const TAGS = ['admin'];

const ListQuery = Type.Object(
  {
    role: Type.Optional(Role),
    sellerId: Type.Optional(Id),
    after: Type.Optional(Id),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: ACCOUNTS_PAGE_MAX, default: ACCOUNTS_PAGE_DEFAULT }),
    ),
  },
  { additionalProperties: false },
);
const AccountPage = Type.Object({
  items: Type.Array(AccountView),
  nextCursor: Type.Optional(Type.String({ description: 'pass as `after` for the next page' })),
});

export function accountView(a: AccountRecord): Static<typeof AccountView> {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    ...(a.sellerId === undefined ? {} : { sellerId: a.sellerId }),
    createdAt: iso(a.createdAt),
    ...(a.disabledAt === undefined ? {} : { disabledAt: iso(a.disabledAt) }),
    canSignIn: a.canSignIn,
  };
}

/** Bad input to an account operation: 409 when it clashes with an account, else 422. */
export function sendAuthRefusal(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof AuthConflictError)
    return sendProblem(reply, problem(409, 'account.exists', error.message));
  if (error instanceof AuthInputError)
    return sendProblem(reply, problem(422, 'input.invalid', error.message));
  throw error;
}

/** Before the body is parsed: strangers learn nothing, not even what is invalid. */
export const adminOnly = {
  onRequest: async (request: FastifyRequest, reply: FastifyReply) =>
    requireRole(request, reply, ['admin']) ? undefined : reply,
};

export const adminUserRoutes: RouteGroup = (app, { runtime }) => {
  const auth = authService(runtime);

  /** Creates the account; the password is the one given, or generated and returned once. */
  const create = async (reply: FastifyReply, input: NewUser) => {
    const password = input.password ?? generatePassword();
    const generated = input.password === undefined ? password : undefined;
    try {
      const user = await auth.createUser({ ...input, password });
      const account = await auth.account(user.id);
      if (account === undefined) throw new Error(`user ${user.id} vanished after creation`);
      return reply.code(201).send({
        user: accountView(account),
        ...(generated === undefined ? {} : { password: generated }),
      });
    } catch (error) {
      return sendAuthRefusal(reply, error);
    }
  };

  app.post(
    '/v1/admin/users',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          'Create a user (buyer, seller staff with sellerId, arbitrator or admin); a generated password is shown once',
        body: CreateUserBody,
        response: { 201: CreatedAccount, ...PROBLEMS },
      },
    },
    async (request, reply) => create(reply, request.body),
  );

  app.get(
    '/v1/admin/users',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Accounts by id, a page at a time; filter by role or store',
        querystring: ListQuery,
        response: { 200: AccountPage, ...PROBLEMS },
      },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit ?? ACCOUNTS_PAGE_DEFAULT;
      const items = await auth.listAccounts({
        limit,
        ...(q.role === undefined ? {} : { role: q.role }),
        ...(q.sellerId === undefined ? {} : { sellerId: q.sellerId }),
        ...(q.after === undefined ? {} : { after: q.after }),
      });
      const last = items.at(-1);
      return {
        items: items.map(accountView),
        ...(items.length === limit && last !== undefined ? { nextCursor: last.id } : {}),
      };
    },
  );

  app.get(
    '/v1/admin/users/:userId',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'One account',
        params: UserParams,
        response: { 200: AccountView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const account = await auth.account(request.params.userId);
      return account === undefined ? notFound(reply, 'user') : accountView(account);
    },
  );

  app.post(
    '/v1/admin/users/:userId/disable',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Disable an account: it cannot sign in, and its sessions end at once',
        params: UserParams,
        response: { 200: AccountView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { userId } = request.params;
      const c = request.caller;
      // Locking oneself out would leave nobody to undo it but the CLI, with the server stopped.
      if (c.kind === 'user' && c.userId === userId)
        return sendProblem(
          reply,
          problem(409, 'account.own_account', 'an admin cannot disable their own account'),
        );
      const account = await auth.disableAccount(userId);
      return account === undefined ? notFound(reply, 'user') : accountView(account);
    },
  );

  app.post(
    '/v1/admin/users/:userId/enable',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'Let a disabled account sign in again (its old sessions stay ended)',
        params: UserParams,
        response: { 200: AccountView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const account = await auth.enableAccount(request.params.userId);
      return account === undefined ? notFound(reply, 'user') : accountView(account);
    },
  );

  app.post(
    '/v1/admin/users/:userId/role',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          "Change an account's role (seller staff name their store); its sessions end so no session keeps the old role's powers",
        params: UserParams,
        body: RoleBody,
        response: { 200: AccountView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { userId } = request.params;
      const c = request.caller;
      // Demoting oneself could leave no admin to undo it, as with disabling.
      if (c.kind === 'user' && c.userId === userId)
        return sendProblem(
          reply,
          problem(409, 'account.own_account', 'an admin cannot change their own role'),
        );
      if ((await auth.account(userId)) === undefined) return notFound(reply, 'user');
      try {
        const account = await auth.changeRole(userId, request.body.role, request.body.sellerId);
        return account === undefined ? notFound(reply, 'user') : accountView(account);
      } catch (error) {
        return sendAuthRefusal(reply, error);
      }
    },
  );

  app.post(
    '/v1/admin/users/:userId/password',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          "Reset a user's password (the one given, or a generated one shown once); their sessions end",
        params: UserParams,
        body: PasswordBody,
        response: { 200: PasswordReset, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const given = request.body.password;
      const password = given ?? generatePassword();
      try {
        if (!(await auth.resetPassword(request.params.userId, password)))
          return notFound(reply, 'user');
      } catch (error) {
        return sendAuthRefusal(reply, error);
      }
      return {
        userId: request.params.userId,
        sessionsEnded: true,
        ...(given === undefined ? { password } : {}),
      };
    },
  );

  app.get(
    '/v1/admin/sellers/:sellerId/staff',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: "A store's staff accounts (at most 500)",
        params: SellerParams,
        response: { 200: Type.Object({ items: Type.Array(AccountView) }), ...PROBLEMS },
      },
    },
    async (request) => {
      const items = await auth.listAccounts({
        role: 'seller',
        sellerId: request.params.sellerId,
        limit: ACCOUNTS_PAGE_MAX,
      });
      return { items: items.map(accountView) };
    },
  );

  app.post(
    '/v1/admin/sellers/:sellerId/staff',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: "Add a staff account to a store: it acts as the store in the store's disputes",
        params: SellerParams,
        body: CreateStaffBody,
        response: { 201: CreatedAccount, ...PROBLEMS },
      },
    },
    async (request, reply) =>
      create(reply, { ...request.body, role: 'seller', sellerId: request.params.sellerId }),
  );
};
