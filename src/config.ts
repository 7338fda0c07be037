import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Settings, read from the environment. Each has a default that works on a fresh machine.
 */
export const PROJECTMAP = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** cli.md: `--database` or `BINNENBOORD_DATABASE`; otherwise `./.binnenboord/` of the working directory. */
export function databaselocatie(optie?: string): string {
  return optie ?? process.env.BINNENBOORD_DATABASE ?? resolve(process.cwd(), '.binnenboord');
}

/**
 * The project's own public reference data (`referentiedata/`: `data/` CSV files, `geo/`
 * TopoJSON boundaries, sources in BRONNEN.md): everything the platform reads at run time.
 * `BINNENBOORD_REFERENTIEDATA` names another folder of the same layout (e.g. a newer snapshot).
 */
export function referentiedataMap(): string {
  return resolve(process.env.BINNENBOORD_REFERENTIEDATA ?? resolve(PROJECTMAP, 'referentiedata'));
}

/**
 * The shared folder of the specification (`spec/voorbeelden`, `tools/adr`): `BINNENBOORD_SHARED`,
 * by default `../shared` beside the project root. Only the tests (worked examples) and the
 * API linter (ADR ruleset, with a built-in fallback) look there; the platform never needs it.
 */
export function gedeeldeMap(): string {
  return resolve(process.env.BINNENBOORD_SHARED ?? resolve(PROJECTMAP, '..', 'shared'));
}

/** The 12-hour threshold of rule mbo1-werk (telling.md), as a setting. */
export function werkurenDrempel(optie?: string): number {
  const waarde = optie ?? process.env.BINNENBOORD_WERKUREN_DREMPEL ?? '12';
  const getal = Number(waarde);
  if (!Number.isFinite(getal) || getal < 0) {
    throw new Error(`werkurendrempel '${waarde}' is geen getal ≥ 0 (BINNENBOORD_WERKUREN_DREMPEL of --werkuren)`);
  }
  return getal;
}
