import type { Db } from '../db/database.js';
import { leesPubliekeMeldingsfeiten, schrijfVerzuimcijfers, telVsvMetMeldingPerRegio } from '../db/verzuimcijfers.js';
import { schooljaarGrenzen, schooljaarVanMelding, telperiode } from '../domain/verzuim/cijfers.js';
import { publiekeVerzuimrijen } from '../domain/verzuim/publiek.js';

/**
 * Recomputes the public absence figures of a school year from the reports and the count, and
 * stores them (`verzuim_cijfer`) for the public door (docs/rules/verzuim-cijfers.md, "Openbare
 * verzuimcijfers"). Run by `binnenboord verzuim publiceren`, by the demo data after its
 * reports, and daily in the server. Idempotent: a school year's figures are replaced whole.
 */
export async function publiceerVerzuimcijfers(
  db: Db, schooljaar: string, nu: Date = new Date(), opties: { alleenMetGegevens?: boolean } = {},
): Promise<{ rijen: number; meldingen: number; tellingStatus: 'definitief' | 'voorlopig' | null }> {
  const { van, tot } = schooljaarGrenzen(schooljaar);
  const [feiten, vsv] = await Promise.all([leesPubliekeMeldingsfeiten(db, schooljaar, van, tot), telVsvMetMeldingPerRegio(db, schooljaar, telperiode(schooljaar))]);
  // The daily run leaves a school year without reports and without a count alone: it would
  // otherwise publish an empty year ahead of the last real one.
  if (opties.alleenMetGegevens && feiten.length === 0 && !vsv) return { rijen: 0, meldingen: 0, tellingStatus: null };
  const rijen = publiekeVerzuimrijen(schooljaar, feiten, vsv?.regios ?? null);
  await schrijfVerzuimcijfers(db, schooljaar, rijen, nu, vsv?.status ?? null);
  return { rijen: rijen.length, meldingen: feiten.length, tellingStatus: vsv?.status ?? null };
}

/**
 * The daily run in the server: the school year of `vandaag` and the one before (reports of the
 * year before are still closed and get actions; its count may have become definitief); a year
 * with neither reports nor a count is skipped. Returns the school years recomputed.
 */
export async function publiceerRecenteVerzuimcijfers(db: Db, vandaag: string, nu: Date = new Date()): Promise<string[]> {
  const dit = schooljaarVanMelding(vandaag);
  const begin = Number(dit.slice(0, 4));
  const jaren = [`${begin - 1}-${begin}`, dit];
  const gedaan: string[] = [];
  for (const j of jaren) if ((await publiceerVerzuimcijfers(db, j, nu, { alleenMetGegevens: true })).rijen > 0) gedaan.push(j);
  return gedaan;
}
