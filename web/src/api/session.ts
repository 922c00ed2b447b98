// Signing in and out (POST/GET/DELETE /v1/session) and the demo accounts the server offers.
import { useQuery } from '@tanstack/react-query';
import type { components } from '../../../src/client/schema.generated.ts';
import { ApiError, api, setCsrfToken, unwrap } from './http.ts';

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: 'buyer' | 'seller' | 'arbitrator' | 'admin';
  readonly sellerId?: string;
}

export type Problem = components['schemas']['Problem'];

let startup: Promise<ConsoleConfig> | undefined;
let startupUsed = false;

/**
 * The config as the page found it on load, asked for once and shared: main.tsx starts a deep
 * link's data beside the session instead of after it. Later session reads ask again (a sign-out
 * changes `signedIn`).
 */
export function startupConfig(): Promise<ConsoleConfig> {
  if (startup === undefined) startup = fetchConsoleConfig();
  return startup;
}

export async function fetchSession(): Promise<SessionUser | null> {
  const config = startupUsed ? await fetchConsoleConfig() : await startupConfig();
  startupUsed = true;
  if (!config.signedIn) return null;
  try {
    const body = await unwrap(api.GET('/v1/session'));
    setCsrfToken(body.csrfToken);
    return body.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const body = await unwrap(api.POST('/v1/session', { body: { email, password } }));
  setCsrfToken(body.csrfToken);
  return body.user;
}

export async function signOut(): Promise<void> {
  await unwrap(api.DELETE('/v1/session'));
  setCsrfToken(undefined);
}

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
}

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  readonly role: SessionUser['role'];
}

export interface ConsoleConfig {
  readonly demo: boolean;
  readonly signedIn: boolean;
  readonly password?: string;
  readonly accounts: readonly DemoAccount[];
}

/** What the server tells the sign-in page (outside /v1: it is the console's, not the API's). */
export function useConsoleConfig() {
  return useQuery({
    queryKey: ['console-config'],
    staleTime: Infinity,
    queryFn: fetchConsoleConfig,
  });
}

async function fetchConsoleConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch('/console/config.json', { credentials: 'same-origin' });
    if (response.ok) return (await response.json()) as ConsoleConfig;
  } catch {
    // Unreachable: the sign-in page shows no demo list, and signing in reports the failure.
  }
  return { demo: false, signedIn: false, accounts: [] };
}
