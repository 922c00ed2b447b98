// Preloaded (`node --import`) into a child process by the start-up import test: records every
// module the process resolves, and writes the list to RECORD_IMPORTS_FILE when it exits.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.RECORD_IMPORTS_FILE;
if (file === undefined) throw new Error('RECORD_IMPORTS_FILE is required');
const urls = new Set<string>();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    urls.add(resolved.url);
    return resolved;
  },
});
process.on('exit', () => writeFileSync(file, JSON.stringify([...urls])));
