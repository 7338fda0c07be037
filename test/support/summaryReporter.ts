import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';

/**
 * Prints, after Vitest's own report, one closing line `N passed, N failed` (`, N skipped` only
 * when tests were skipped): the line the CI harness reads. Errors outside any test (a file that
 * cannot be loaded, a failing beforeAll/afterAll, an unhandled rejection) each count as one
 * failure, so that a broken file can never end in "0 failed".
 */
export function samenvatting(geslaagd: number, mislukt: number, overgeslagen: number): string {
  return `${geslaagd} passed, ${mislukt} failed${overgeslagen > 0 ? `, ${overgeslagen} skipped` : ''}`;
}

export function tel(modules: readonly TestModule[], losseFouten: readonly SerializedError[]): string {
  let geslaagd = 0;
  let mislukt = losseFouten.length;
  let overgeslagen = 0;
  for (const m of modules) {
    if (m.errors().length > 0) mislukt += 1;
    for (const s of m.children.allSuites()) if (s.errors().length > 0) mislukt += 1;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed') geslaagd += 1;
      else if (state === 'failed') mislukt += 1;
      else overgeslagen += 1;
    }
  }
  return samenvatting(geslaagd, mislukt, overgeslagen);
}

/**
 * Why a skipped test was skipped: the "(OVERGESLAGEN: …)" of its own title or of a suite around
 * it (test/support/gedeeld.ts), or the "— NOT RUN: …" of a database driver (database.ts).
 */
export function redenVanOverslaan(namen: readonly string[]): string {
  for (const naam of [...namen].reverse()) {
    const overgeslagen = /\(OVERGESLAGEN: ([^)]*)\)/.exec(naam);
    if (overgeslagen) return overgeslagen[1]!;
    const nietUitgevoerd = / — (NOT RUN: .*)$/.exec(naam);
    if (nietUitgevoerd) return nietUitgevoerd[1]!;
  }
  return 'zonder opgegeven reden (it.skip / it.todo)';
}

function namenVan(t: TestCase): string[] {
  const namen = [t.name];
  for (let p = t.parent; p.type === 'suite'; p = p.parent) namen.unshift(p.name);
  return namen;
}

/** One line: how many tests were skipped for each reason; null when none were. */
export function redenenRegel(modules: readonly TestModule[]): string | null {
  const perReden = new Map<string, number>();
  for (const m of modules) {
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed' || state === 'failed') continue;
      const reden = redenVanOverslaan(namenVan(t));
      perReden.set(reden, (perReden.get(reden) ?? 0) + 1);
    }
  }
  if (perReden.size === 0) return null;
  return `Skipped, and why: ${[...perReden].map(([reden, n]) => `${n} × ${reden}`).join('; ')}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): void {
    if (!process.env.BINNENBOORD_TEST_POSTGRES_URL) {
      process.stdout.write('Note: the database tests ran on PGlite only; PostgreSQL was NOT tested ' +
        '(set BINNENBOORD_TEST_POSTGRES_URL, see test/README.md).\n');
    }
    const redenen = redenenRegel(modules);
    if (redenen) process.stdout.write(`${redenen}\n`);
    process.stdout.write(`${tel(modules, unhandledErrors)}\n`);
  }
}
