// The vocabulary of a dispute: why it was opened, what kinds of evidence exist, what findings an
// uploader may state. Arrays are the single source: types, validation and docs derive from them.

export const DISPUTE_REASONS = [
  'not_received',
  'wrong_item',
  'damaged',
  'not_as_described',
  'quality_issue',
  'missing_parts',
  'counterfeit',
  'changed_mind',
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

export const NOT_RECEIVED_SUB_REASONS = [
  'no_tracking_progress',
  'wrong_address',
  'held_by_customs',
  'returned_to_sender',
] as const;
export type NotReceivedSubReason = (typeof NOT_RECEIVED_SUB_REASONS)[number];

export const EVIDENCE_KINDS = [
  'item_photo',
  'outer_packaging_photo',
  'label_comparison_photo',
  'tracking_proof',
  'chat_record',
  'video',
  'document',
  'other',
  /** The seller's return label (PDF or image), named when supplying the label. */
  'return_label',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const FINDINGS = [
  'labels_mismatch',
  'packaging_damaged',
  'packaging_intact',
  'item_damaged',
  'item_differs_from_listing',
] as const;
export type Finding = (typeof FINDINGS)[number];

export const RESPONSIBILITIES = ['seller', 'logistics', 'buyer', 'none'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export const SHIPPING_CHANNELS = ['platform', 'seller'] as const;
export type ShippingChannel = (typeof SHIPPING_CHANNELS)[number];

/** Fixed reasons for a seller's escalation from the return stage: the system picks, never typed. */
export const RETURN_ESCALATION_REASONS = [
  'return_not_received',
  'return_wrong_item',
  'return_damaged',
  'return_empty_package',
  'return_missing_parts',
] as const;
export type ReturnEscalationReason = (typeof RETURN_ESCALATION_REASONS)[number];

/** What the seller found in the returned parcel on receipt; anything else escalates. */
export const RETURN_CONDITIONS = [
  'as_described',
  'wrong_item_returned',
  'damaged',
  'empty_package',
  'missing_parts',
] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** The fixed escalation reason for each condition other than `as_described`. */
export const CONDITION_ESCALATION_REASONS: {
  readonly [C in Exclude<ReturnCondition, 'as_described'>]: ReturnEscalationReason;
} = {
  wrong_item_returned: 'return_wrong_item',
  damaged: 'return_damaged',
  empty_package: 'return_empty_package',
  missing_parts: 'return_missing_parts',
};
