/** Test helper: runs a pass-through stream into memory, the way the server pipes it to a client. */

import type { PassthroughResult } from '../../src/providers/types.js';

/**
 * The relayed text as frames, one per SSE event: a relay writes the frames of one upstream chunk
 * as one piece, and how the upstream's writes fall into chunks is up to TCP.
 */
export async function passThroughFrames(result: PassthroughResult): Promise<string[]> {
  if (result.kind !== 'stream') throw new Error(`expected a stream, got ${result.kind}`);
  const pieces: string[] = [];
  await result.pipe({ write: (text) => pieces.push(text) > 0, onDrain: (resume) => resume() });
  return pieces.join('').split(/(?<=\n\n)/).filter((frame) => frame.length > 0);
}
