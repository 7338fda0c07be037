import { parentPort } from 'node:worker_threads';
import { bepaalDriejaarpatroon, type Jaarpublicatie } from '../domain/openbaarmaking/driejaar.js';
import { highsOplosser } from './highs.js';

/**
 * A thread that computes the three-year pattern of one window (driejaar.ts, `inWerker`): tens of
 * seconds of linear programs that would otherwise keep a running server from answering.
 */
parentPort!.once('message', (jaren: Jaarpublicatie[]) => {
  highsOplosser().then((oplosser) => parentPort!.postMessage({ patroon: bepaalDriejaarpatroon(jaren, oplosser) }))
    .catch((e: unknown) => parentPort!.postMessage({ fout: (e as Error).message }));
});
