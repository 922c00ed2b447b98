// Goal: an evidence or message id held only by an item hidden from its maker is free for them, so
// reusing it tells them nothing (issue 8, item 10); ids they can see stay taken, retries stay
// idempotent, and everything that names a file by id (supersedes, findings) names the right one.
import { describe, expect, it } from 'vitest';
import { arbitrator, buyer, evidence, seller } from '../../../test/harness/fixtures.ts';
import { IN_STATUS } from '../../../test/harness/in-status.ts';
import type { EvidenceId, MessageId } from '../index.ts';

const ID = 'e-hidden' as EvidenceId;
const MSG = 'm-hidden' as MessageId;

function buyerHidesBoth() {
  const w = IN_STATUS.in_arbitration();
  w.do(buyer, { type: 'add_evidence', evidence: evidence({ id: ID, arbitratorOnly: true }) });
  w.do(buyer, { type: 'post_message', messageId: MSG, body: 'for you only', arbitratorOnly: true });
  return w;
}

describe('ids of items hidden from their maker', () => {
  it("a party reusing the other party's hidden evidence or message id gets its item stored", () => {
    const w = buyerHidesBoth();
    const file = evidence({ id: ID });
    expect(w.do(seller, { type: 'add_evidence', evidence: file }).map((e) => e.type)).toEqual([
      'evidence_added',
    ]);
    const posted = w.do(seller, {
      type: 'post_message',
      messageId: MSG,
      body: 'mine',
      arbitratorOnly: false,
    });
    expect(posted.map((e) => e.type)).toEqual(['message_posted']);
    expect(w.dispute.evidence.filter((e) => e.id === ID).map((e) => e.by)).toEqual([
      'buyer',
      'seller',
    ]);
    expect(w.dispute.messages.filter((m) => m.id === MSG).map((m) => m.by)).toEqual([
      'buyer',
      'seller',
    ]);
    // Retries of either party are still answered with nothing new.
    expect(w.do(seller, { type: 'add_evidence', evidence: file })).toEqual([]);
    expect(
      w.do(seller, { type: 'post_message', messageId: MSG, body: 'mine', arbitratorOnly: false }),
    ).toEqual([]);
    expect(
      w.do(buyer, {
        type: 'post_message',
        messageId: MSG,
        body: 'for you only',
        arbitratorOnly: true,
      }),
    ).toEqual([]);
  });

  it('an id the maker can see stays taken', () => {
    const w = IN_STATUS.in_arbitration();
    w.do(buyer, { type: 'add_evidence', evidence: evidence({ id: ID }) });
    w.refuse(
      seller,
      { type: 'add_evidence', evidence: evidence({ id: ID }) },
      'evidence.id_reused',
    );
    w.do(buyer, {
      type: 'add_evidence',
      evidence: evidence({ id: 'e-2' as EvidenceId, arbitratorOnly: true }),
    });
    // The arbitrator sees everything, hidden or not.
    w.refuse(
      arbitrator,
      { type: 'add_evidence', evidence: evidence({ id: 'e-2' as EvidenceId }) },
      'evidence.id_reused',
    );
  });

  it('supersedes and findings name the file of the right uploader', () => {
    const w = buyerHidesBoth();
    w.do(seller, { type: 'add_evidence', evidence: evidence({ id: ID }) });
    w.do(seller, {
      type: 'add_evidence',
      evidence: evidence({ id: 'e-new' as EvidenceId, supersedes: ID }),
    });
    w.do(arbitrator, {
      type: 'confirm_findings',
      evidenceId: ID,
      uploadedBy: 'seller',
      findings: ['item_damaged'],
    });
    const [theirs, mine] = w.dispute.evidence.filter((e) => e.id === ID);
    expect(theirs?.by).toBe('buyer');
    expect(theirs?.confirmedFindings).toBeUndefined();
    expect(mine?.confirmedFindings).toEqual(['item_damaged']);
  });
});
