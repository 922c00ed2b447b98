// One record of an order import file checked by exactly what PUT /v1/orders/{id} checks: the
// same TypeBox schema, compiled by Ajv as the routes' body validator is (no type coercion,
// unknown fields refused, formats checked), storable text, the currency and amount rules, and
// the order lines adding up. Only the references (seller, buyer, the id being new) are left to
// the database, which checks them a batch at a time.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { checkOrderLines } from '../service/marketplace.ts';
import type { CheckedRecord, RecordProblem } from '../service/order-import/file-record.ts';
import { orderFromBody } from './order-body.ts';
import { OrderRecord } from './schemas/order.ts';
import { findUnstorableText } from './storable-text.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (a: Ajv) => Ajv;

/** Reasons listed per record: a row with more wrongs is told the first ones. */
const REASONS_MAX = 5;

export function orderRecordChecker(): (record: unknown) => CheckedRecord {
  const ajv = new Ajv({ coerceTypes: false, allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(OrderRecord);
  return (record) => {
    const unstorable = allStorable(record) ? undefined : findUnstorableText(record);
    if (unstorable !== undefined)
      return refused('input.invalid', unstorable.instancePath, unstorable.reason);
    if (!validate(record))
      return {
        ok: false,
        problems: (validate.errors ?? []).slice(0, REASONS_MAX).map(schemaProblem),
      };
    const { orderId, ...body } = record;
    const order = orderFromBody(orderId, body);
    if (!order.ok) return refused(order.code, '', order.detail);
    const lines = checkOrderLines(order.value);
    if (!lines.ok) return refused(lines.code, '/items', lines.detail);
    return { ok: true, order: order.value };
  };
}

/**
 * The same test as findUnstorableText without building a path per field: a file holds millions
 * of records, nearly all fine; the one that is not is walked again to say where.
 */
function allStorable(value: unknown): boolean {
  if (typeof value === 'string') return wellFormed(value) && !value.includes('\u0000');
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(allStorable);
  for (const [key, child] of Object.entries(value))
    if (!allStorable(key) || !allStorable(child)) return false;
  return true;
}

/** String.prototype.isWellFormed (ES2024; in Node since 20, not in this project's lib). */
const wellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

function refused(code: string, path: string, message: string): CheckedRecord {
  return { ok: false, problems: [{ code, path, message }] };
}

function schemaProblem(e: ErrorObject): RecordProblem {
  if (e.keyword === 'required')
    return {
      code: 'input.invalid',
      path: `${e.instancePath}/${String(e.params.missingProperty)}`,
      message: 'is missing',
    };
  if (e.keyword === 'additionalProperties')
    return {
      code: 'input.invalid',
      path: `${e.instancePath}/${String(e.params.additionalProperty)}`,
      message: 'is not a field of an order',
    };
  return { code: 'input.invalid', path: e.instancePath, message: e.message ?? 'is invalid' };
}
