import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import { leesVerzuimberekening, leesVerzuimcijfers, leesVerzuimSchooljaren } from '../../db/verzuimcijfers.js';
import { DREMPEL, NIET_SECUNDAIR, type Celafscherming } from '../../domain/openbaarmaking.js';
import { bepaalPatroon } from '../../domain/openbaarmaking/patroon.js';
import { celsleutel } from '../../domain/openbaarmaking/tabel.js';
import { bouwVerzuimtabel, verzuimeenheid, VERZUIM_TOTAAL, VERZUIM_VSV } from '../../domain/openbaarmaking/verzuimtabel.js';
import { LANDELIJK } from '../../domain/telling/cijfers.js';
import { highsOplosser } from '../../publicatie/highs.js';
import { afschermingVan, type Runpublicatie } from '../../publicatie/publicatie.js';
import { isSchooljaar, SCHOOLJAAR_PATROON } from '../../domain/verzuim/cijfers.js';
import {
  DAGEN_DIMENSIE, LANDELIJK_GEBIED, ONBEKENDE_REGIO, VERZUIMUITSPLITSING_NAMEN, VERZUIMUITSPLITSINGEN, VSV_DIMENSIE, type Verzuimrij, type Verzuimuitsplitsing,
} from '../../domain/verzuim/publiek.js';
import { Aandeelcijfer, Celgroep, Telaantal } from '../openbaarmaking.js';
import { nietGevonden, ongeldig } from '../problems.js';
import { RMC_PATROON } from '../schemas.js';
import { LandelijkVerzuimAntwoord, RegioVerzuimAntwoord } from '../schemasVerzuimPubliek.js';
import type { Celwaarde } from '../csv.js';
import { figuurQuery, ok, params, query, tabel, type ApiContext } from './common.js';
import { gebiedsnaam } from './gebied.js';

/**
 * The public absence figures (issue 10 item 5; docs/rules/verzuim-cijfers.md, "Openbare
 * verzuimcijfers"): national with its regions, and one RMC region, read from `verzuim_cijfer`
 * through the public door. Every count goes out as a `Telaantal` or `Aandeelcijfer` in a
 * breakdown (`Celgroep`), under DUO's rule and the one suppression pattern of the school year's
 * figures (docs/openbaarmaking.md): the nation and every region with every breakdown, the
 * regions adding up to the nation cell by cell, as one table (`bouwVerzuimtabel`) protected by
 * `bepaalPatroon` like a count run's. A region's vsv'ers are the region's vsv of the count run,
 * shown or withheld as that run's pattern decides.
 */
const VerzuimQuery = figuurQuery({
  schooljaar: Type.Optional(Type.String({
    pattern: SCHOOLJAAR_PATROON, description: 'Schooljaar (1 augustus t/m 31 juli) als JJJJ-JJJJ; zonder: het laatste met openbare verzuimcijfers.', example: '2024-2025',
  })),
}, ['meldingen', 'regios']);

type Rijen = readonly Verzuimrij[];
const aantal = (rijen: Rijen, dimensie: string, waarde: string) => rijen.find((r) => r.dimensie === dimensie && r.waarde === waarde)?.aantal ?? 0;

/**
 * The suppression pattern of a school year's absence figures (`verzuimtabel.ts`, the one method
 * of `patroon.ts`), per database and computation. It depends only on the stored counts and on the
 * count run's pattern for the vsv'ers, so it is kept instead of being made for every request.
 */
const BEWAARD = new WeakMap<Db, Map<string, Promise<Verzuimpatroon>>>();
const BEWAARD_MAX = 8;

interface Verzuimpatroon {
  /** per cell key (`celsleutel`): what is withheld on top of DUO's rule */
  readonly afscherming: ReadonlyMap<string, Celafscherming>;
}

function bewaardPatroon(db: Db, sleutel: string, maak: () => Promise<Verzuimpatroon>): Promise<Verzuimpatroon> {
  let vanDb = BEWAARD.get(db);
  if (!vanDb) BEWAARD.set(db, (vanDb = new Map()));
  let p = vanDb.get(sleutel);
  if (!p) {
    if (vanDb.size >= BEWAARD_MAX) vanDb.delete(vanDb.keys().next().value!);
    p = maak();
    vanDb.set(sleutel, p);
    p.catch(() => vanDb.delete(sleutel));
  }
  return p;
}

/**
 * The run whose vsv'ers the absence figures count (`telVsvMetMeldingPerRegio`: the school year's
 * definitive run, else its provisional one, the latest of them): its pattern decides whether a
 * region's vsv'ers are shown, here as there.
 */
async function vsvRun(gegevens: ApiContext['gegevens'], schooljaar: string): Promise<Runpublicatie | null> {
  const runs = (await gegevens.catalogus()).runs.filter((r) => r.schooljaar === schooljaar)
    .sort((a, b) => Number(b.status === 'definitief') - Number(a.status === 'definitief') || b.id - a.id);
  return runs[0] ? gegevens.publicatie(runs[0].id) : null;
}

function gebiedsfiguren(
  rijen: Rijen, waarden: Record<Verzuimuitsplitsing, readonly string[]>, groepen: Record<Verzuimuitsplitsing, Celgroep>,
  totaal: Telaantal, vsv: Aandeelcijfer | null,
) {
  const perDimensie = {} as Record<Verzuimuitsplitsing, { waarde: string; aantal: Telaantal }[]>;
  for (const d of VERZUIMUITSPLITSING_NAMEN) {
    perDimensie[d] = waarden[d].map((waarde, index) => ({ waarde, aantal: new Telaantal(aantal(rijen, d, waarde), { groep: groepen[d], index }) }));
  }
  const metActie = aantal(rijen, 'totaal', 'meldingen') - aantal(rijen, 'eersteActie', 'geen');
  const dagen = (w: string) => (metActie >= DREMPEL && rijen.some((r) => r.dimensie === DAGEN_DIMENSIE && r.waarde === w) ? aantal(rijen, DAGEN_DIMENSIE, w) : null);
  return {
    meldingen: totaal,
    uitsplitsingen: perDimensie,
    dagenTotEersteActie: { mediaan: dagen('mediaan'), percentiel90: dagen('90e-percentiel') },
    vsvMetMelding: vsv,
  };
}

const heeftVsv = (rijen: Rijen) => rijen.some((r) => r.dimensie === VSV_DIMENSIE);

/**
 * The national figures, the regions, and the one suppression pattern over all of them
 * (`bouwVerzuimtabel`, `bepaalPatroon`); shared by both routes so they agree.
 */
async function lees({ db, gegevens }: ApiContext, gevraagd: string | undefined) {
  if (gevraagd !== undefined && !isSchooljaar(gevraagd)) {
    throw ongeldig([{ name: 'schooljaar', code: 'schooljaar', reason: `'${gevraagd}' is geen schooljaar: twee opeenvolgende jaren, zoals 2024-2025` }],
      `'${gevraagd}' is geen schooljaar`);
  }
  const schooljaren = await leesVerzuimSchooljaren(db);
  const schooljaar = gevraagd ?? schooljaren[0];
  if (schooljaar === undefined) throw nietGevonden('Er zijn nog geen openbare verzuimcijfers berekend (binnenboord verzuim publiceren).');
  const berekening = await leesVerzuimberekening(db, schooljaar);
  if (!berekening) throw nietGevonden(`Er zijn geen openbare verzuimcijfers van schooljaar ${schooljaar} berekend.`);
  const [nl, regiorijen, indeling, laatste] = await Promise.all([
    leesVerzuimcijfers(db, schooljaar, 'landelijk', [LANDELIJK_GEBIED]), leesVerzuimcijfers(db, schooljaar, 'regio'),
    gegevens.indeling(schooljaar), gegevens.rmcNamen(),
  ]);
  const namen = new Map(indeling.map((r) => [r.rmc_code, r.rmc_naam]));
  // `onbekend` is always listed (0 when every report had a region): its page exists as the vsv one does
  const codes = [...new Set([...namen.keys(), ...regiorijen.map((r) => r.gebied), ONBEKENDE_REGIO])]
    .sort((a, b) => (a === ONBEKENDE_REGIO ? 1 : b === ONBEKENDE_REGIO ? -1 : a.localeCompare(b)));
  const perRegio = new Map<string, Verzuimrij[]>(codes.map((c) => [c, []]));
  for (const r of regiorijen) perRegio.get(r.gebied)!.push(r);
  const van = (code: string) => perRegio.get(code)!;
  const totalen = codes.map((c) => aantal(van(c), 'totaal', 'meldingen'));

  // the same values, in the same order, nationally and in every region
  const waarden = {} as Record<Verzuimuitsplitsing, readonly string[]>;
  for (const d of VERZUIMUITSPLITSING_NAMEN) {
    waarden[d] = [...new Set([...VERZUIMUITSPLITSINGEN[d].waarden, ...[...nl, ...regiorijen].filter((r) => r.dimensie === d).map((r) => r.waarde)])];
  }
  const metVsv = heeftVsv(nl);
  const run = metVsv ? await vsvRun(gegevens, schooljaar) : null;
  // the computation, and a fingerprint of its counts in case two computations share a moment
  const vingerafdruk = regiorijen.reduce((h, r) => (h * 31 + r.aantal + r.waarde.length) % 1_000_000_007, regiorijen.length);
  const patroon = await bewaardPatroon(db, `${schooljaar}|${berekening.berekendOp}|${vingerafdruk}|${run?.runId ?? ''}|${codes.join(',')}`, async () => {
    const tabel = bouwVerzuimtabel({ rijen: [...nl, ...regiorijen], regios: codes, waarden });
    // a region's vsv'ers are the region's vsv of the count run: shown or withheld as there
    const extern = tabel.cellen.flatMap((c, i) => {
      if (c.dimensie !== VERZUIM_VSV.dimensie || !run) return [];
      const rij = run.perGebied.get(c.niveau === 'landelijk' ? `landelijk|${LANDELIJK}` : `rmc|${c.gebied}`)?.find((r) => r.dimensie === 'totaal');
      return [{ tal: 'startpopulatie' as const, cel: i, verborgen: rij?.afscherming.gevouwen ? 'gevouwen' as const : rij?.afscherming.vsv ?? false }];
    });
    const p = bepaalPatroon(tabel, await highsOplosser(), undefined, { extern });
    const afscherming = new Map<string, Celafscherming>();
    tabel.cellen.forEach((c, i) => {
      // withheld on top of DUO's rule, or folded (then both counts, whatever they are)
      const a = afschermingVan(p, i);
      if (a.startpopulatie || a.vsv) afscherming.set(celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde), a);
    });
    return { afscherming };
  });
  const besluit = (gebied: string, dimensie: string, waarde: string): Celafscherming => {
    const e = verzuimeenheid(gebied === LANDELIJK_GEBIED ? 'landelijk' : 'regio', gebied);
    return patroon.afscherming.get(celsleutel(e.niveau, e.gebied, dimensie, waarde)) ?? NIET_SECUNDAIR;
  };
  const groep = (besluiten: () => readonly Celafscherming[]) => new Celgroep((t) => (t === 'gerechtigd' ? besluiten().map(() => NIET_SECUNDAIR) : besluiten()));
  const groepenVan = (gebied: string) => {
    const uit = {} as Record<Verzuimuitsplitsing, Celgroep>;
    for (const d of VERZUIMUITSPLITSING_NAMEN) uit[d] = groep(() => waarden[d].map((w) => besluit(gebied, d, w)));
    return uit;
  };
  const regioGroep = groep(() => codes.map((c) => besluit(c, VERZUIM_TOTAAL.dimensie, VERZUIM_TOTAAL.waarde)));
  const vsvGroep = groep(() => [...codes, LANDELIJK_GEBIED].map((c) => besluit(c, VERZUIM_VSV.dimensie, VERZUIM_VSV.waarde)));
  const nlGroep = groep(() => [besluit(LANDELIJK_GEBIED, VERZUIM_TOTAAL.dimensie, VERZUIM_TOTAAL.waarde)]);

  const vsvCellen = codes.map((c) => ({ startpopulatie: aantal(van(c), VSV_DIMENSIE, 'vsvers'), vsv: aantal(van(c), VSV_DIMENSIE, 'metMelding') }));
  const vsvNl = { startpopulatie: aantal(nl, VSV_DIMENSIE, 'vsvers'), vsv: aantal(nl, VSV_DIMENSIE, 'metMelding') };
  const regio = (index: number) => {
    const code = codes[index]!;
    return {
      rmcCode: code,
      naam: gebiedsnaam(code, namen.get(code) ?? laatste.get(code)),
      rijen: van(code),
      meldingen: new Telaantal(totalen[index]!, { groep: regioGroep, index }),
      vsvMetMelding: metVsv ? new Aandeelcijfer(vsvCellen[index]!.startpopulatie, vsvCellen[index]!.vsv, { groep: vsvGroep, index }) : null,
      groepen: () => groepenVan(code),
    };
  };
  return {
    kop: { schooljaar, berekendOp: berekening.berekendOp, tellingStatus: berekening.tellingStatus, schooljaren },
    landelijk: {
      rijen: nl, meldingen: new Telaantal(aantal(nl, 'totaal', 'meldingen'), { groep: nlGroep, index: 0 }),
      vsvMetMelding: metVsv ? new Aandeelcijfer(vsvNl.startpopulatie, vsvNl.vsv, { groep: vsvGroep, index: codes.length }) : null,
      groepen: () => groepenVan(LANDELIJK_GEBIED),
    },
    waarden,
    codes,
    regio,
  };
}

type Gepubliceerd = number | '<5' | null;
const cel = (a: Gepubliceerd): Celwaarde => (a === null ? 'secundair afgeschermd' : a);

function meldingentabel(schooljaar: string, gebied: string, p: { meldingen: Gepubliceerd; uitsplitsingen: Record<string, { waarde: string; aantal: Gepubliceerd }[]> }) {
  return tabel('meldingen', ['schooljaar', 'gebied', 'dimensie', 'waarde', 'aantal'], [
    { schooljaar, gebied, dimensie: 'totaal', waarde: 'meldingen', aantal: cel(p.meldingen) },
    ...Object.entries(p.uitsplitsingen).flatMap(([dimensie, cellen]) => cellen.map((c) => ({ schooljaar, gebied, dimensie, waarde: c.waarde, aantal: cel(c.aantal) }))),
  ]);
}

export async function verzuimPubliekRoutes(app: FastifyInstance, context: ApiContext): Promise<void> {
  app.get('/verzuim/schooljaren', {
    schema: {
      tags: ['Verzuim'],
      operationId: 'verzuimSchooljaren',
      summary: 'De schooljaren met openbare verzuimcijfers',
      description: 'Nieuwste eerst; leeg zolang er geen zijn berekend. Zo kan een pagina weten of er verzuimcijfers zijn voordat zij ze vraagt.',
      querystring: Type.Object({}, { additionalProperties: false }),
      response: ok(Type.Object({ schooljaren: Type.Array(Type.String({ pattern: SCHOOLJAAR_PATROON })) }), 'De schooljaren'),
    },
    config: { handeling: 'cijfers.lezen', bewaar: false },
  }, async () => ({ schooljaren: await leesVerzuimSchooljaren(context.db) }));

  app.get('/verzuim', {
    schema: {
      tags: ['Verzuim'],
      operationId: 'landelijkeVerzuimcijfers',
      summary: 'Landelijke verzuimcijfers van een schooljaar, met de RMC-regio\'s',
      description: 'Verzuimmeldingen per soort, status, afsluitreden, eerste actie en tijdigheid, de dagen tot de eerste actie, '
        + 'en het aandeel vsv\'ers dat in het teljaar een verzuimmelding had; per RMC-regio het aantal meldingen en dat aandeel. '
        + 'Afgeschermd als de vsv-cijfers: 1 tot en met 4 als "<5", aanvullend afgeschermd (null) waar een "<5" anders terug te rekenen is. '
        + 'Zie docs/rules/verzuim-cijfers.md.',
      querystring: VerzuimQuery,
      response: ok(LandelijkVerzuimAntwoord, 'De landelijke verzuimcijfers'),
    },
    config: {
      handeling: 'cijfers.lezen',
      // not in the answer cache: the figures are recomputed daily without a new data version
      bewaar: false,
      csv: (p: Static<typeof LandelijkVerzuimAntwoord>) => [
        meldingentabel(p.schooljaar, LANDELIJK_GEBIED, p),
        tabel('regios', ['schooljaar', 'rmcCode', 'naam', 'meldingen', 'vsvers', 'vsvMetMelding', 'percentage'], p.regios.map((r) => ({
          schooljaar: p.schooljaar, rmcCode: r.rmcCode, naam: r.naam, meldingen: cel(r.meldingen),
          vsvers: r.vsvMetMelding ? cel(r.vsvMetMelding.vsvers) : undefined, vsvMetMelding: r.vsvMetMelding ? cel(r.vsvMetMelding.metMelding) : undefined,
          percentage: r.vsvMetMelding?.percentage,
        }))),
      ],
    },
  }, async (request) => {
    const l = await lees(context, query<{ schooljaar?: string }>(request).schooljaar);
    return {
      ...l.kop,
      ...gebiedsfiguren(l.landelijk.rijen, l.waarden, l.landelijk.groepen(), l.landelijk.meldingen, l.landelijk.vsvMetMelding),
      regios: l.codes.map((_, i) => {
        const r = l.regio(i);
        return { rmcCode: r.rmcCode, naam: r.naam, meldingen: r.meldingen, vsvMetMelding: r.vsvMetMelding };
      }),
    };
  });

  app.get('/rmc-regios/:rmcCode/verzuim', {
    schema: {
      tags: ['Verzuim'],
      operationId: 'regioVerzuimcijfers',
      summary: 'Verzuimcijfers van één RMC-regio in een schooljaar',
      description: 'Als de landelijke verzuimcijfers, voor de meldingen die naar een gemeente of RMC in deze regio zijn gestuurd '
        + '(indeling van het schooljaar), met het landelijke totaal ernaast. Dezelfde afscherming; een regio waarvan het totaal '
        + 'in de regiolijst aanvullend is afgeschermd, toont ook geen uitsplitsing die het zou verraden.',
      params: Type.Object({ rmcCode: Type.String({ pattern: RMC_PATROON, description: 'RMC-code van twee cijfers (DUO-nummering), of onbekend', example: '21' }) }),
      querystring: VerzuimQuery,
      response: ok(RegioVerzuimAntwoord, 'De verzuimcijfers van de regio'),
    },
    config: {
      handeling: 'cijfers.lezen',
      bewaar: false,
      csv: (p: Static<typeof RegioVerzuimAntwoord>) => [meldingentabel(p.schooljaar, p.rmcCode, p)],
    },
  }, async (request) => {
    const { rmcCode } = params<{ rmcCode: string }>(request);
    const l = await lees(context, query<{ schooljaar?: string }>(request).schooljaar);
    const index = l.codes.indexOf(rmcCode);
    if (index < 0) throw nietGevonden(`RMC-regio ${rmcCode} komt niet voor in de indeling of de verzuimcijfers van ${l.kop.schooljaar}.`);
    const r = l.regio(index);
    return {
      ...l.kop,
      rmcCode: r.rmcCode,
      naam: r.naam,
      ...gebiedsfiguren(r.rijen, l.waarden, r.groepen(), r.meldingen, r.vsvMetMelding),
      landelijk: { meldingen: l.landelijk.meldingen, vsvMetMelding: l.landelijk.vsvMetMelding },
    };
  });
}
