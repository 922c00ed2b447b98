// Two validators: query strings and path parameters arrive as text, so they are coerced
// ("limit=5" is the integer 5); JSON bodies are not, so `{"minor": 100}` where a string of
// digits belongs is a 400, never silently turned into "100". Unknown fields are never removed:
// the schemas refuse them. Each compiles on first use (lazy-schemas.ts).
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { LazySchemas } from './lazy-schemas.ts';

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
      (httpPart === 'body' ? strict : coercing).compile(schema),
    ),
  );
}
