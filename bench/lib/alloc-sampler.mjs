/**
 * Preloaded into the gateway by bench/profile.mjs --alloc (`node --import`): V8's sampling heap
 * profiler, counting objects that were collected too (node's own --heap-prof keeps only the ones
 * still alive at the end, which says nothing about what a request allocates). The profile
 * (`.heapprofile`, Chrome DevTools' format) is written to $ALLOC_PROFILE_FILE when the process exits.
 */

import fs from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.ALLOC_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  // In-thread sessions answer synchronously, so the profile can be taken in the 'exit' handler.
  const survivorsOnly = process.env.ALLOC_PROFILE_SURVIVORS === '1';
  session.post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !survivorsOnly });
  process.on('exit', () => {
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
