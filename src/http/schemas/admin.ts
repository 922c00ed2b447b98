// Accounts and API keys as the admin routes show them: never a password hash or key secret,
// except the one response that creates a secret, which shows it once.
import { Type } from 'typebox';
import {
  API_KEY_SCOPES,
  EMAIL_LENGTH_MAX,
  NAME_LENGTH_MAX,
  PASSWORD_LENGTH_MAX,
  USER_ROLES,
} from '../../service/auth/index.ts';
import { DateTime, Id } from './common.ts';

export const Role = Type.Enum([...USER_ROLES]);
export const Scope = Type.Enum([...API_KEY_SCOPES]);

export const AccountView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  sellerId: Type.Optional(Type.String({ description: 'seller staff: the store they act for' })),
  createdAt: DateTime,
  disabledAt: Type.Optional(DateTime),
  canSignIn: Type.Boolean({ description: 'not disabled, and a password is set' }),
});

const Password = Type.String({
  minLength: 1,
  maxLength: PASSWORD_LENGTH_MAX,
  description: 'at least 12 characters; leave it out to have one generated and shown once',
});

const GeneratedPassword = Type.Optional(
  Type.String({
    description: 'only when Settle generated it: shown in this response alone, hand it over now',
  }),
);

const AccountFields = {
  email: Type.String({ minLength: 1, maxLength: EMAIL_LENGTH_MAX }),
  name: Type.String({ minLength: 1, maxLength: NAME_LENGTH_MAX }),
  id: Type.Optional(Id),
  password: Type.Optional(Password),
};

export const CreateUserBody = Type.Object(
  {
    ...AccountFields,
    role: Role,
    sellerId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const CreateStaffBody = Type.Object(AccountFields, { additionalProperties: false });

export const CreatedAccount = Type.Object({ user: AccountView, password: GeneratedPassword });

export const RoleBody = Type.Object(
  { role: Role, sellerId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object(
  { password: Type.Optional(Password) },
  { additionalProperties: false },
);

export const PasswordReset = Type.Object({
  userId: Type.String(),
  sessionsEnded: Type.Boolean(),
  password: GeneratedPassword,
});

export const ACCOUNTS_PAGE_DEFAULT = 100;

export const UserParams = Type.Object({ userId: Id }, { additionalProperties: false });
export const SellerParams = Type.Object({ sellerId: Id }, { additionalProperties: false });

export const ApiKeyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Scope),
  createdAt: DateTime,
  lastUsedAt: Type.Optional(DateTime),
  revokedAt: Type.Optional(DateTime),
  expiresAt: Type.Optional(DateTime),
});

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: NAME_LENGTH_MAX }),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: API_KEY_SCOPES.length, uniqueItems: true }),
    expiresAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

export const CreatedApiKey = Type.Object({
  ...ApiKeyView.properties,
  key: Type.String({
    description: 'the key (`sk_<id>_<secret>`): shown only in this response, only its hash is kept',
  }),
});

export const ApiKeyParams = Type.Object(
  { keyId: Type.String({ pattern: '^[0-9a-f]{16}$' }) },
  { additionalProperties: false },
);
