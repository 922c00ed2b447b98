// Two validators: query strings and path parameters arrive as text, so they are coerced
// ("limit=5" is the integer 5); JSON bodies are not, so `{"minor": 100}` where a string of
// digits belongs is a 400, never silently turned into "100". Unknown fields are never removed:
// the schemas refuse them. Before either runs, every string is checked to be storable (no NUL,
// no lone surrogate): see storable-text.ts. Each compiles on first use (lazy-schemas.ts).
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { LazySchemas } from './lazy-schemas.ts';
import { findUnstorableText, UNSTORABLE_TEXT_KEYWORD } from './storable-text.ts';

// ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (a: Ajv) => Ajv;

function ajv(options: Options): Ajv {
  const instance = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    allErrors: false,
    strict: false,
    ...options,
  });
  addFormats(instance);
  return instance;
}

export function useValidators(app: FastifyInstance, schemas: LazySchemas): void {
  const strict = ajv({ coerceTypes: false });
  const coercing = ajv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart, method, url }) =>
    schemas.validator(`${method} ${url} ${httpPart}`, () =>
      storableFirst((httpPart === 'body' ? strict : coercing).compile(schema)),
    ),
  );
}

/**
 * Refuses unstorable text anywhere in the value (even in a field the schema would refuse), then
 * hands over to the schema. The error carries its own keyword, which errors.ts answers as 422
 * `input.invalid` rather than the 400 of a shape error.
 */
function storableFirst(validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown, context?: unknown) => {
    const found = findUnstorableText(data);
    if (found !== undefined) {
      wrapped.errors = [
        {
          keyword: UNSTORABLE_TEXT_KEYWORD,
          instancePath: found.instancePath,
          schemaPath: '#',
          params: {},
          message: found.reason,
        },
      ];
      return false;
    }
    const valid = validate(data, context as never);
    wrapped.errors = validate.errors ?? null;
    return valid;
  }) as ValidateFunction;
  // Fastify passes the parent object (so Ajv can replace a coerced root) only when it sees this.
  wrapped.schemaEnv = validate.schemaEnv;
  wrapped.schema = validate.schema;
  return wrapped;
}
