/**
 * Where the time of one computation of the lists goes (bench/lijsten.ts): per phase the
 * wall-clock time and this process's CPU time (which, on PGlite, includes the database), both
 * in milliseconds, summed over the phase's parts.
 */
export const LIJSTFASEN = ['voorbereiding', 'kandidaten', 'registraties', 'regels', 'opslaan', 'startset en uitval', 'verlate startkwalificatie'] as const;
export type Lijstfase = (typeof LIJSTFASEN)[number];

export type Lijstprofiel = Map<Lijstfase, { ms: number; cpuMs: number }>;

export interface Klok {
  /** runs `werk` and adds its time to `fase` */
  meet<T>(fase: Lijstfase, werk: () => Promise<T>): Promise<T>;
  meetNu<T>(fase: Lijstfase, werk: () => T): T;
}

export function klok(profiel: Lijstprofiel | undefined): Klok {
  const tel = (fase: Lijstfase, start: number, cpu: NodeJS.CpuUsage) => {
    if (!profiel) return;
    const c = process.cpuUsage(cpu);
    const oud = profiel.get(fase) ?? { ms: 0, cpuMs: 0 };
    profiel.set(fase, { ms: oud.ms + performance.now() - start, cpuMs: oud.cpuMs + (c.user + c.system) / 1000 });
  };
  return {
    async meet(fase, werk) {
      if (!profiel) return werk();
      const start = performance.now();
      const cpu = process.cpuUsage();
      try {
        return await werk();
      } finally {
        tel(fase, start, cpu);
      }
    },
    meetNu(fase, werk) {
      if (!profiel) return werk();
      const start = performance.now();
      const cpu = process.cpuUsage();
      try {
        return werk();
      } finally {
        tel(fase, start, cpu);
      }
    },
  };
}
