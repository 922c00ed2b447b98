// Reads an upload into memory, refusing it the moment it passes the limit: at most bytesMax
// bytes are ever held, whatever the client sends or claims in Content-Length.
import { EvidenceFileError } from './errors.ts';

export async function readBounded(
  source: AsyncIterable<Uint8Array>,
  bytesMax: number,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    // Throwing ends the for-await, which destroys the source: nothing more is read.
    if (total > bytesMax) throw tooLarge(bytesMax);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

export function tooLarge(bytesMax: number): EvidenceFileError {
  return new EvidenceFileError('evidence.too_large', `files may be at most ${bytesMax} bytes`, {
    bytesMax,
  });
}
