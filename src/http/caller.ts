// Who is calling: resolved once per request by the auth plugin from the session cookie or the
// API key, never from the body. Routes turn it into the engine's Actor.
import type { FastifyRequest } from 'fastify';
import type { Actor, SellerId } from '../domain/index.ts';

export type UserRole = 'buyer' | 'seller' | 'arbitrator' | 'admin';

export type Caller =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly role: UserRole;
      /** For seller staff: the store they act for. */
      readonly sellerId?: SellerId;
      readonly sessionId: string;
      readonly actor: Actor;
    }
  | {
      readonly kind: 'api_key';
      readonly keyId: string;
      readonly scopes: readonly string[];
      /**
       * The key's actor, or, when it acts for a user (`Settle-Act-As`), that user's actor with
       * the key as `via`: routes then authorize the user, never the key.
       */
      readonly actor: Actor;
      /** The buyer or staff account the key acts for. */
      readonly actingFor?: { readonly userId: string };
    };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
}

/**
 * Sets the request's caller. The `caller` decoration is a getter answering ANONYMOUS (Fastify
 * forbids object defaults on requests), so the resolved caller is defined on the request itself,
 * shadowing that getter for this request only.
 */
export function setCaller(request: FastifyRequest, caller: Caller): void {
  Object.defineProperty(request, 'caller', {
    value: caller,
    writable: false,
    enumerable: true,
    configurable: true,
  });
}

/** A stable name for rate limits, idempotency keys and logs. */
export function callerKey(caller: Caller): string {
  switch (caller.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return `user:${caller.userId}`;
    case 'api_key':
      // Acting for a user: that user's own idempotency keys and rate budget, so the marketplace
      // acting for many people does not mix up their retries or spend one shared limit.
      return caller.actingFor === undefined
        ? `key:${caller.keyId}`
        : `key:${caller.keyId}:as:${caller.actingFor.userId}`;
  }
}
