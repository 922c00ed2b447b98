// Writes docs/state-machine.md from the transition table (npm run docs:diagram).
import { writeFileSync } from 'node:fs';
import { stateMachineDoc } from '../src/domain/dispute/diagram.ts';

const target = new URL('../docs/state-machine.md', import.meta.url);
writeFileSync(target, stateMachineDoc());
console.log(`wrote ${target.pathname}`);
