// The start-up benchmark's baseline: a process that only opens PGlite on a data directory and
// answers one query, printing `ready` when it has. What `settle serve` cannot go below on the
// embedded database: Node starting, PGlite's WASM loading, and the cluster recovering its files.
import { PGlite } from '@electric-sql/pglite';

const dataDir = process.env.PGLITE_DATA_DIR;
if (dataDir === undefined) throw new Error('PGLITE_DATA_DIR is required');
const pglite = new PGlite({ dataDir });
await pglite.query('select 1');
process.stdout.write('ready\n');
await pglite.close();
