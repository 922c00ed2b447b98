// `settle apikey add`: creates an API key for the marketplace's backend (scope integration) or
// for automation acting as an admin (scope admin). The key is printed once, alone on stdout so
// it can be piped into a secret manager; only its hash is stored.
import {
  API_KEY_SCOPES,
  type ApiKeyScope,
  AuthInputError,
  AuthService,
  isApiKeyScope,
} from '../service/auth/index.ts';
import { DatabaseClock } from '../service/clock.ts';
import type { Config } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';
import { type CliIo, processIo } from './user-add.ts';

export interface ApiKeyAddOptions {
  readonly name: string;
  /** One scope or several separated by commas: integration, admin. */
  readonly scope: string;
  readonly json?: boolean;
}

export const KEY_WARNING = 'This key will not be shown again: store it in your secret manager now.';

export async function apiKeyAddCommand(
  config: Config,
  options: ApiKeyAddOptions,
  io: CliIo = processIo,
): Promise<void> {
  parseScopes(options.scope); // before opening the database, so a typo fails fast
  const store = await openStore(config);
  try {
    await migrate(store);
    await apiKeyAdd(store, options, io);
  } finally {
    await store.close();
  }
}

function parseScopes(text: string): ApiKeyScope[] {
  const scopes = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = scopes.filter((s) => !isApiKeyScope(s));
  if (scopes.length === 0 || unknown.length > 0)
    throw new AuthInputError(
      `--scope must be ${API_KEY_SCOPES.join(' or ')} (several comma-separated), got ${JSON.stringify(text)}`,
    );
  return scopes as ApiKeyScope[];
}

export async function apiKeyAdd(store: Store, options: ApiKeyAddOptions, io: CliIo): Promise<void> {
  const scopes = parseScopes(options.scope);
  const auth = new AuthService(store, new DatabaseClock(store));
  const { key, record } = await auth.createApiKey({ name: options.name, scopes, createdBy: 'cli' });
  if (options.json) {
    io.out(
      JSON.stringify({
        id: record.id,
        name: record.name,
        scopes: record.scopes,
        key,
        warning: KEY_WARNING,
      }),
    );
    return;
  }
  io.err(`created API key ${record.id} "${record.name}" with scope ${record.scopes.join(', ')}`);
  io.out(key);
  io.err(KEY_WARNING);
}
