// Generates the OpenAPI document from the route schemas (docs/openapi.json) and the typed
// client's types from it (src/client/schema.generated.ts). `npm run openapi`; a test fails when
// either is stale, so the committed contract can never drift from the code.
import { writeFileSync } from 'node:fs';
import { generateClientTypes, generateOpenApi } from '../src/http/openapi-document.ts';

const document = await generateOpenApi();
writeFileSync(new URL('../docs/openapi.json', import.meta.url), document);
writeFileSync(
  new URL('../src/client/schema.generated.ts', import.meta.url),
  await generateClientTypes(document),
);
console.log('wrote docs/openapi.json and src/client/schema.generated.ts');
