// Route schemas compile when first used, not before the server answers. Compiling every route's
// request validators (ajv) and response serializers (fast-json-stringify) up front was most of
// `settle serve`'s restart time (docs/benchmarks.md, start-up). A schema no request has used yet
// is compiled by warm(): `settle serve` runs it in the background once it listens, one schema
// per turn of the event loop, and a test runs it on the whole app, so a schema that does not
// compile still fails the suite rather than a customer's first request.
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { FastifyServerOptions } from 'fastify';

type SerializerFactory = NonNullable<
  NonNullable<
    NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
  >['buildSerializer']
>;

/** What Fastify calls to validate a request part; it reads `errors` after a `false`. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Fastify's own serializer factory (fast-json-stringify), loaded from Fastify's dependencies. */
function defaultSerializerFactory(): SerializerFactory {
  const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
  const selector = fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory;
  return selector();
}

export class LazySchemas {
  /** Compilers not run yet, for warm(). */
  readonly #pending = new Set<() => unknown>();

  /** A validator that compiles `build()` on its first call (or in warm()). */
  validator(label: string, build: () => Validator): Validator {
    const get = this.#defer(label, build);
    const validate: Validator = (data) => {
      const inner = get();
      const ok = inner(data);
      validate.errors = inner.errors ?? null;
      return ok;
    };
    validate.errors = null;
    return validate;
  }

  /** Fastify's serializer factory, each route's serializer compiled on its first response. */
  serializerFactory(): SerializerFactory {
    const eager = defaultSerializerFactory();
    return (externalSchemas, options) => {
      const compile = eager(externalSchemas, options);
      return (route) => {
        const get = this.#defer(`${route.method} ${route.url} response ${route.httpStatus}`, () =>
          compile(route),
        );
        return (data) => get()(data);
      };
    };
  }

  /** Compiles every schema not used yet, yielding between them; returns how many it compiled. */
  async warm(): Promise<number> {
    let compiled = 0;
    for (const get of [...this.#pending]) {
      if (!this.#pending.has(get)) continue;
      get();
      compiled += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return compiled;
  }

  #defer<F>(label: string, build: () => F): () => F {
    let built: F | undefined;
    const get = (): F => {
      if (built !== undefined) return built;
      try {
        built = build();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`the schema of ${label} does not compile: ${why}`, { cause: error });
      }
      this.#pending.delete(get);
      return built;
    };
    this.#pending.add(get);
    return get;
  }
}
