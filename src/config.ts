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
 * The folder with the public reference data (`data/`, `geo/`, `spec/`): `BINNENBOORD_SHARED`,
 * by default `../shared` beside the project root. Read at run time, never copied.
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
