import type { Reporter, SerializedError, TestModule } from 'vitest/node';

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

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): void {
    if (!process.env.BINNENBOORD_TEST_POSTGRES_URL) {
      process.stdout.write('Note: the database tests ran on PGlite only; PostgreSQL was NOT tested ' +
        '(set BINNENBOORD_TEST_POSTGRES_URL, see test/README.md).\n');
    }
    process.stdout.write(`${tel(modules, unhandledErrors)}\n`);
  }
}
