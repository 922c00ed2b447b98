// Goal: the writer's hash (payload serialised once, envelope spelled out) is byte for byte the
// reference hash that `settle audit verify` recomputes, for any event; and the reference hash
// itself never changes, or every stored chain would stop verifying.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { eventHash, eventHashWithPayload, GENESIS_HASH } from './event-hash.ts';

const payload = fc
  .jsonValue()
  .chain((json) =>
    fc.record({ json: fc.constant(json), amount: fc.bigInt(), note: fc.option(fc.string()) }),
  );
const event = fc.record({
  disputeId: fc.string({ minLength: 1 }),
  seq: fc.integer({ min: 1, max: 1_000_000 }),
  type: fc.string({ minLength: 1 }),
  at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  actorRole: fc.constantFrom('buyer', 'seller', 'arbitrator', 'system'),
  actorId: fc.option(fc.string(), { nil: null }),
  payload,
});

describe('event hash', () => {
  it('is the same whether the writer or the auditor computes it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), event, (prev, e) => {
        const { payload: body, ...envelope } = e;
        expect(eventHashWithPayload(prev, envelope, canonicalJson(body))).toBe(eventHash(prev, e));
      }),
    );
  });

  it('has not changed its definition', () => {
    const hash = eventHash(GENESIS_HASH, {
      disputeId: 'd-1',
      seq: 1,
      type: 'dispute_opened',
      at: 1_795_132_800_000,
      actorRole: 'buyer',
      actorId: 'buyer-1',
      payload: { amount: { minor: 1_000n, currency: 'USD' }, note: 'ü "quoted"' },
    });
    expect(hash).toBe('a8a9095cc10edf806328a75f7cb8e4a42c34ef7062654fb93cf12c2176f3bc2f');
  });
});
