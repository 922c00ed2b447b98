// Authentication: passwords (argon2id), browser sessions, API keys, and the actors they map to.
export * from './accounts.ts';
export * from './actors.ts';
export * from './api-keys.ts';
export * from './auth-service.ts';
export * from './errors.ts';
export * from './marketplace-users.ts';
export * from './passwords.ts';
export * from './sessions.ts';
export * from './sign-in-links.ts';
export * from './tokens.ts';
export * from './users.ts';
