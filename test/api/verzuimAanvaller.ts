import { expect } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { leesVerzuimcijfers } from '../../src/db/verzuimcijfers.js';
import { toets } from '../../src/domain/openbaarmaking/intervallen.js';
import { aanvallersmodel, bepaalPatroon, GEVOUWEN, PRIMAIR, SECUNDAIR, ZICHTBAAR } from '../../src/domain/openbaarmaking/patroon.js';
import { celsleutel, type Tal } from '../../src/domain/openbaarmaking/tabel.js';
import { bouwVerzuimtabel, VERZUIM_TOTAAL, VERZUIM_VSV } from '../../src/domain/openbaarmaking/verzuimtabel.js';
import { LANDELIJK } from '../../src/domain/telling/cijfers.js';
import type { Verzuimuitsplitsing } from '../../src/domain/verzuim/publiek.js';
import { highsOplosser } from '../../src/publicatie/highs.js';
import { publicatieVan } from '../../src/publicatie/laden.js';
import type { Apiomgeving } from './omgeving.js';

type Gepubliceerd = number | '<5' | null;
interface Gebiedsantwoord {
  meldingen: Gepubliceerd;
  uitsplitsingen: Record<string, { waarde: string; aantal: Gepubliceerd }[]>;
  vsvMetMelding: { vsvers: Gepubliceerd; metMelding: Gepubliceerd } | null;
}

/**
 * The attacker on the public absence figures of one school year (docs/openbaarmaking.md): reads
 * what the API serves (the national answer with its regions, and every region's page), takes the
 * true sums between them (the table of `bouwVerzuimtabel` over the stored counts: reports = Σ each
 * breakdown, closed = Σ closing reasons, nation = Σ regions), and solves min and max of every
 * withheld value. Returns the values narrowed beyond what the `<5` markers alone allow or pinned
 * (empty when protected), and how many were withheld. Every shown number must be the true count,
 * the same in every answer.
 */
export async function verzuimAanval(api: Apiomgeving, db: Db, schooljaar: string): Promise<{ falen: string[]; primair: number; secundair: number; gevouwen: number }> {
  const nl = await api.json<Gebiedsantwoord & { regios: { rmcCode: string; meldingen: Gepubliceerd; vsvMetMelding: Gebiedsantwoord['vsvMetMelding'] }[] }>(
    `/api/v1/verzuim?schooljaar=${schooljaar}`);
  const codes = nl.regios.map((r) => r.rmcCode);
  const paginas = await Promise.all(codes.map((c) => api.json<Gebiedsantwoord & { landelijk: { meldingen: Gepubliceerd } }>(
    `/api/v1/rmc-regios/${c}/verzuim?schooljaar=${schooljaar}`)));
  const waarden = Object.fromEntries(Object.entries(nl.uitsplitsingen).map(([d, cellen]) => [d, cellen.map((c) => c.waarde)])) as Record<Verzuimuitsplitsing, string[]>;
  const rijen = [...await leesVerzuimcijfers(db, schooljaar, 'landelijk'), ...await leesVerzuimcijfers(db, schooljaar, 'regio')];
  const tabel = bouwVerzuimtabel({ rijen, regios: codes, waarden });
  const gezien = new Map<string, Gepubliceerd>();
  const zet = (niveau: string, gebied: string, dimensie: string, waarde: string, tal: Tal, w: Gepubliceerd) => {
    const k = `${tal}:${celsleutel(niveau, gebied, dimensie, waarde)}`;
    if (gezien.has(k)) expect(w, `${k} in twee antwoorden`).toEqual(gezien.get(k));
    gezien.set(k, w);
  };
  const gebied = (niveau: string, code: string, a: Gebiedsantwoord) => {
    zet(niveau, code, VERZUIM_TOTAAL.dimensie, VERZUIM_TOTAAL.waarde, 'startpopulatie', a.meldingen);
    for (const [d, cellen] of Object.entries(a.uitsplitsingen)) for (const c of cellen) zet(niveau, code, d, c.waarde, 'startpopulatie', c.aantal);
    if (a.vsvMetMelding) {
      zet(niveau, code, VERZUIM_VSV.dimensie, VERZUIM_VSV.waarde, 'startpopulatie', a.vsvMetMelding.vsvers);
      zet(niveau, code, VERZUIM_VSV.dimensie, VERZUIM_VSV.waarde, 'vsv', a.vsvMetMelding.metMelding);
    }
  };
  gebied('landelijk', LANDELIJK, nl);
  nl.regios.forEach((r, i) => {
    gebied('rmc', r.rmcCode, paginas[i]!);
    zet('rmc', r.rmcCode, VERZUIM_TOTAAL.dimensie, VERZUIM_TOTAAL.waarde, 'startpopulatie', r.meldingen);
    if (r.vsvMetMelding) {
      zet('rmc', r.rmcCode, VERZUIM_VSV.dimensie, VERZUIM_VSV.waarde, 'startpopulatie', r.vsvMetMelding.vsvers);
      zet('rmc', r.rmcCode, VERZUIM_VSV.dimensie, VERZUIM_VSV.waarde, 'vsv', r.vsvMetMelding.metMelding);
    }
    expect(paginas[i]!.landelijk.meldingen).toEqual(nl.meldingen);
  });
  // Which withheld counts are folded (not published, whatever their class) rather than withheld on
  // top of DUO's rule (then known to be 5 or more): the attacker knows the algorithm and replays it
  // (its choice rests on the verdicts over what is published; here, for brevity, on the table itself).
  const oplosser = await highsOplosser();
  const [run] = await db.query<{ id: number }>(
    `SELECT id FROM telling_run WHERE schooljaar = $1 ORDER BY (status = 'definitief') DESC, id DESC LIMIT 1`, [schooljaar]);
  const runpublicatie = run && nl.vsvMetMelding ? await publicatieVan(db, run.id, { bewaar: false }) : null;
  const extern = tabel.cellen.flatMap((c, i) => {
    if (c.dimensie !== VERZUIM_VSV.dimensie || !runpublicatie) return [];
    const r = runpublicatie.perGebied.get(c.niveau === 'landelijk' ? `landelijk|${LANDELIJK}` : `rmc|${c.gebied}`)?.find((x) => x.dimensie === 'totaal');
    return [{ tal: 'startpopulatie' as const, cel: i, verborgen: r?.afscherming.gevouwen ? 'gevouwen' as const : r?.afscherming.vsv ?? false }];
  });
  const herhaald = bepaalPatroon(tabel, oplosser, undefined, { extern });
  const stand = {} as Record<Tal, Uint8Array>;
  for (const tal of ['startpopulatie', 'vsv'] as const) {
    stand[tal] = Uint8Array.from(tabel.cellen, (c, i) => {
      const w = gezien.get(`${tal}:${celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde)}`);
      if (w === null && herhaald[tal][i] === GEVOUWEN) return GEVOUWEN;
      // a count no answer shows (the vsv of a report cell is no count; no share without a count run) is no secret
      if (w === undefined) return ZICHTBAAR;
      if (w === '<5') {
        expect(c[tal], celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde)).toBeGreaterThanOrEqual(1);
        expect(c[tal]).toBeLessThan(5);
        return PRIMAIR;
      }
      if (w === null) {
        expect(herhaald[tal][i], `${tal}:${celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde)} is afgeschermd zoals het patroon zegt`).toBe(SECUNDAIR);
        return SECUNDAIR;
      }
      expect(w, `${tal}:${celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde)}`).toBe(c[tal]);
      return ZICHTBAAR;
    });
  }
  const m = aanvallersmodel(tabel, stand, oplosser);
  const { falen, bereik } = toets(m.grenzen, m.eisen, m.rijen, oplosser, true);
  const tel = (s: number) => stand.startpopulatie.filter((x) => x === s).length + stand.vsv.filter((x) => x === s).length;
  return {
    gevouwen: tel(GEVOUWEN),
    falen: falen.map((v) => `${schooljaar} ${JSON.stringify(tabel.cellen[m.variabelen[v]!.cel])} ${m.variabelen[v]!.tal} ${JSON.stringify(bereik[v])}`),
    primair: tel(PRIMAIR), secundair: tel(SECUNDAIR),
  };
}
