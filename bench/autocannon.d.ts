// The part of autocannon's API that bench/http.ts uses (autocannon ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface Opties {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    /** cycled through in order by every connection */
    requests?: { method?: string; path: string }[];
  }
  interface Uitkomst {
    errors: number;
    timeouts: number;
    requests: { average: number; total: number };
    latency: Record<string, number>;
  }
  type Instantie = EventEmitter & PromiseLike<Uitkomst>;
  function autocannon(opties: Opties): Instantie;
  export default autocannon;
}
