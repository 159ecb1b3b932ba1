/**
 * Preloaded into the gateway by bench/profile.mjs --alloc (`node --import`): V8's sampling heap
 * profiler, counting objects that were collected too (node's own --heap-prof keeps only the ones
 * still alive at the end, which says nothing about what a request allocates). The profile
 * (`.heapprofile`, Chrome DevTools' format) is written to $ALLOC_PROFILE_FILE when the process exits.
 * With ALLOC_PROFILE_START=signal, sampling starts at the first SIGUSR2 instead of at once, so that
 * start-up and warm-up (module compilation, first-use caches) stay out of the profile.
 */

import fs from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.ALLOC_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  // In-thread sessions answer synchronously, so the profile can be taken in the 'exit' handler.
  const survivorsOnly = process.env.ALLOC_PROFILE_SURVIVORS === '1';
  let started = false;
  const start = () => {
    started = true;
    session.post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !survivorsOnly });
  };
  if (process.env.ALLOC_PROFILE_START === 'signal') process.once('SIGUSR2', start);
  else start();
  process.on('exit', () => {
    if (!started) return;
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (!error) fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
