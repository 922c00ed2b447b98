// Who sees which evidence: both parties and staff see the dispute; a party's
// arbitrator-only evidence is hidden from the other party; strangers see nothing.
import { describe, expect, it } from 'vitest';
import type { Actor, BuyerId, Dispute, Evidence, SellerId, StaffId } from '../../domain/index.ts';
import { evidenceFor, evidenceViewerOf, resolveEvidence, supersededBy } from './visibility.ts';

const evidence = (id: string, by: Evidence['by'], arbitratorOnly = false, supersedes?: string) =>
  ({
    id,
    by,
    arbitratorOnly,
    ...(supersedes === undefined ? {} : { supersedes }),
  }) as unknown as Evidence;

const dispute = {
  order: { buyerId: 'b1', sellerId: 's1' },
  evidence: [
    evidence('open-b', 'buyer'),
    evidence('secret-b', 'buyer', true),
    evidence('secret-s', 'seller', true),
    evidence('arb', 'arbitrator'),
    evidence('open-b2', 'buyer', false, 'open-b'),
  ],
} as unknown as Dispute;

const buyer: Actor = { role: 'buyer', id: 'b1' as BuyerId };
const seller: Actor = { role: 'seller', id: 's1' as SellerId, userId: 'staff-7' };
const arbitrator: Actor = { role: 'arbitrator', id: 'a9' as StaffId };
const ids = (actor: Actor) => evidenceFor(dispute, actor).map((e) => e.id);

describe('evidence visibility', () => {
  it('parties see open evidence and their own arbitrator-only evidence', () => {
    expect(ids(buyer)).toEqual(['open-b', 'secret-b', 'arb', 'open-b2']);
    expect(ids(seller)).toEqual(['open-b', 'secret-s', 'arb', 'open-b2']);
  });

  it('any arbitrator (and admins, as staff) sees everything', () => {
    expect(ids(arbitrator)).toHaveLength(5);
    expect(ids({ role: 'admin', id: 'x' as StaffId })).toHaveLength(5);
    expect(evidenceViewerOf(dispute, arbitrator)).toBe('staff');
  });

  it('strangers, other buyers and sellers, integrations and the system see nothing', () => {
    const strangers: Actor[] = [
      { role: 'buyer', id: 'b2' as BuyerId },
      { role: 'seller', id: 's2' as SellerId },
      { role: 'integration', id: 'shop' },
      { role: 'system' },
    ];
    for (const actor of strangers) {
      expect(evidenceViewerOf(dispute, actor)).toBeUndefined();
      expect(ids(actor)).toEqual([]);
    }
  });

  it('finds one visible item, and what superseded it', () => {
    const visible = evidenceFor(dispute, seller);
    expect(resolveEvidence(visible, seller, 'secret-b')).toEqual({ kind: 'not_found' });
    const found = resolveEvidence(visible, seller, 'open-b');
    expect(found.kind === 'found' && found.evidence.id).toBe('open-b');
    const [openB, , , , openB2] = dispute.evidence;
    expect(supersededBy(visible, openB!)?.id).toBe('open-b2');
    expect(supersededBy(visible, openB2!)).toBeUndefined();
  });

  it("an id two uploaders share names the caller's own, or the one named, or asks", () => {
    const shared = {
      order: { buyerId: 'b1', sellerId: 's1' },
      evidence: [evidence('x', 'buyer', true), evidence('x', 'seller')],
    } as unknown as Dispute;
    const pick = (actor: Actor, by?: Evidence['by']) => {
      const r = resolveEvidence(evidenceFor(shared, actor), actor, 'x', by);
      return r.kind === 'found' ? r.evidence.by : r;
    };
    expect(pick(buyer)).toBe('buyer');
    expect(pick(buyer, 'seller')).toBe('seller');
    expect(pick(seller)).toBe('seller');
    // The buyer's file is hidden from the seller: naming it finds nothing.
    expect(pick(seller, 'buyer')).toEqual({ kind: 'not_found' });
    expect(pick(arbitrator)).toEqual({ kind: 'ambiguous', choices: ['buyer', 'seller'] });
    expect(pick(arbitrator, 'buyer')).toBe('buyer');
  });
});
