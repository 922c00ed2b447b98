// `settle user add`: creates a person who can sign in. The password comes from stdin
// (--password-stdin), never from a flag, so it stays out of shell history and `ps`; without it
// a random password is generated and shown once.

import {
  AuthInputError,
  AuthService,
  checkEmail,
  generatePassword,
  isUserRole,
  USER_ROLES,
  type UserRole,
} from '../service/auth/index.ts';
import { DatabaseClock } from '../service/clock.ts';
import type { Config } from '../service/config.ts';
import { openStore } from '../service/runtime.ts';
import { migrate } from '../store/migrate.ts';
import type { Store } from '../store/store.ts';

export interface UserAddOptions {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly seller?: string;
  readonly id?: string;
  readonly passwordStdin?: boolean;
  readonly json?: boolean;
}

/** Where a command reads and writes; tests pass their own. */
export interface CliIo {
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  async readStdin() {
    if (process.stdin.isTTY) console.error('type the password, then Enter and Ctrl-D:');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

export async function userAddCommand(
  config: Config,
  options: UserAddOptions,
  io: CliIo = processIo,
): Promise<void> {
  // Before opening the database, so a typo fails fast.
  checkRole(options.role);
  checkEmail(options.email);
  const store = await openStore(config);
  try {
    await migrate(store);
    await userAdd(store, options, io);
  } finally {
    await store.close();
  }
}

function checkRole(role: string): UserRole {
  if (!isUserRole(role))
    throw new AuthInputError(
      `--role must be one of ${USER_ROLES.join(', ')}, got ${JSON.stringify(role)}`,
    );
  return role;
}

export async function userAdd(store: Store, options: UserAddOptions, io: CliIo): Promise<void> {
  const role = checkRole(options.role);
  // Only the last line break goes: `echo pw |` and here-strings add one; inner spaces are kept.
  const password = options.passwordStdin
    ? (await io.readStdin()).replace(/\r?\n$/, '')
    : generatePassword();
  const auth = new AuthService(store, new DatabaseClock(store));
  const user = await auth.createUser({
    email: options.email,
    name: options.name,
    role,
    password,
    ...(options.seller === undefined ? {} : { sellerId: options.seller }),
    ...(options.id === undefined ? {} : { id: options.id }),
  });
  const shown = options.passwordStdin ? {} : { password };
  if (options.json) {
    io.out(JSON.stringify({ ...user, ...shown }));
    return;
  }
  const forStore = user.sellerId === undefined ? '' : ` for store ${user.sellerId}`;
  io.out(`created ${user.role} ${user.id} <${user.email}>${forStore}`);
  if (!options.passwordStdin) {
    io.out(`password: ${password}`);
    io.err('This password will not be shown again: hand it over securely now.');
  }
}
