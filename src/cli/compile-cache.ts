// Preloaded by `npm start` and `npm run settle` (`node --import`), before Settle's modules are
// read: turns on Node's on-disk compile cache, so a restart reuses each module's type-stripped,
// compiled code instead of redoing it (about a third of a second of a restart; see
// docs/benchmarks.md). The cache is keyed by each file's content and the Node version, so an
// edited file is simply compiled again. It lives in the OS temporary directory unless
// NODE_COMPILE_CACHE names another; a cache it cannot write costs nothing but the speed-up.
import { enableCompileCache } from 'node:module';

enableCompileCache();
