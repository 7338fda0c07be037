import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { PROJECTMAP, gedeeldeMap } from '../../src/config.js';

/**
 * What the tests take from the shared specification folder (`BINNENBOORD_SHARED`, default
 * `../shared`), and nothing else: the worked examples (spec/voorbeelden), the text of
 * spec/levering.md, and the official ADR ruleset (tools/adr). A fresh clone with nothing beside
 * it has none of these; the tests that need them are then skipped, and their titles and the
 * closing summary (summaryReporter.ts) say which folder was missing. Every other test runs.
 */
function toon(pad: string): string {
  // ../shared beside the project reads best as such; anything further away as an absolute path.
  const r = relative(PROJECTMAP, pad);
  return r && !isAbsolute(r) && !r.startsWith(join('..', '..')) ? r : pad;
}

function bron(...deel: string[]) {
  const pad = join(gedeeldeMap(), ...deel);
  const aanwezig = existsSync(pad);
  return {
    pad,
    aanwezig,
    /** suite title suffix when absent: "(OVERGESLAGEN: ../shared/spec/voorbeelden ontbreekt)" */
    reden: aanwezig ? null : `${toon(pad)} ontbreekt`,
  };
}

export const VOORBEELDEN = bron('spec', 'voorbeelden');
export const LEVERING_MD = bron('spec', 'levering.md');
export const ADR_REGELSET = bron('tools', 'adr', 'linter.yaml');

/** A suite title, with why it is skipped when its shared source is absent. */
export function titel(tekst: string, b: { reden: string | null }): string {
  return b.reden ? `${tekst} (OVERGESLAGEN: ${b.reden})` : tekst;
}
