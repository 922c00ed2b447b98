// Branded ids: a SellerId cannot be passed where a BuyerId is expected.
// Ids are made by clients (UUIDs) so that a retried command carries the same id.

type Brand<K extends string> = string & { readonly __brand: K };

export type DisputeId = Brand<'DisputeId'>;
export type OrderId = Brand<'OrderId'>;
export type SellerId = Brand<'SellerId'>;
export type BuyerId = Brand<'BuyerId'>;
export type StaffId = Brand<'StaffId'>;
export type OfferId = Brand<'OfferId'>;
export type EvidenceId = Brand<'EvidenceId'>;
export type EvidenceRequestId = Brand<'EvidenceRequestId'>;
export type MessageId = Brand<'MessageId'>;
export type ChargebackId = Brand<'ChargebackId'>;

export const ID_LENGTH_MAX = 100;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

export function isId(value: string): boolean {
  return value.length > 0 && value.length <= ID_LENGTH_MAX && ID_PATTERN.test(value);
}

export function id<T extends string>(value: string): T {
  if (!isId(value)) throw new Error(`not a valid id: ${JSON.stringify(value)}`);
  return value as T;
}
