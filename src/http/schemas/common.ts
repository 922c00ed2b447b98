// Shared TypeBox schemas. Money travels as a decimal string of minor units (never a float, and
// never a JSON number that loses precision past 2^53) plus an ISO 4217 code.
import { type Static, Type } from 'typebox';

/** Up to 18 digits keeps every amount inside PostgreSQL's bigint. */
export const MoneyInput = Type.Object(
  {
    minor: Type.String({
      pattern: '^[0-9]{1,18}$',
      description: 'amount in minor units, as a decimal string',
      examples: ['1250'],
    }),
    currency: Type.String({
      pattern: '^[A-Z]{3}$',
      description: 'ISO 4217 code',
      examples: ['EUR'],
    }),
  },
  { additionalProperties: false },
);

export const Money = Type.Object({
  minor: Type.String({ pattern: '^-?[0-9]+$' }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
});

export const Id = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
});
export const DateTime = Type.String({ format: 'date-time' });
export const ShortText = Type.String({ maxLength: 200 });
export const Note = Type.String({ maxLength: 2000 });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details with a stable `code`' },
);

/** Shared schemas are registered once (app.addSchema) and referenced, keeping the document small. */
export const Problem = Type.Unsafe<Static<typeof ProblemSchema>>(Type.Ref('Problem'));

export const DisputeParams = Type.Object({ disputeId: Id }, { additionalProperties: false });

/** Standard error responses every route documents. */
export const PROBLEMS = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
  429: Problem,
} as const;
