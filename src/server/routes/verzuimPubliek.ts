import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import { leesVerzuimberekening, leesVerzuimcijfers, leesVerzuimSchooljaren } from '../../db/verzuimcijfers.js';
import {
  DREMPEL, secundaireAfscherming, secundaireAfschermingTabel, type Cel, type Celafscherming, type Tabelafscherming, type Toegang,
} from '../../domain/openbaarmaking.js';
import { isSchooljaar, SCHOOLJAAR_PATROON } from '../../domain/verzuim/cijfers.js';
import {
  DAGEN_DIMENSIE, LANDELIJK_GEBIED, ONBEKENDE_REGIO, VERZUIMUITSPLITSING_NAMEN, VERZUIMUITSPLITSINGEN, VSV_DIMENSIE, type Verzuimrij, type Verzuimuitsplitsing,
} from '../../domain/verzuim/publiek.js';
import { Aandeelcijfer, aantallengroep, Celgroep, Telaantal } from '../openbaarmaking.js';
import { nietGevonden, ongeldig } from '../problems.js';
import { RMC_PATROON } from '../schemas.js';
import { LandelijkVerzuimAntwoord, RegioVerzuimAntwoord } from '../schemasVerzuimPubliek.js';
import type { Celwaarde } from '../csv.js';
import { figuurQuery, ok, params, query, tabel, type ApiContext } from './common.js';
import { gebiedsnaam } from './gebied.js';

/**
 * The public absence figures (issue 10 item 5; docs/rules/verzuim-cijfers.md, "Openbare
 * verzuimcijfers"): national with its regions, and one RMC region, read from `verzuim_cijfer`
 * through the public door. Every count goes out as a `Telaantal` in a breakdown (`Celgroep`), so
 * DUO's rule and secondary suppression apply as to the vsv figures:
 * - the regions' totals are a breakdown of the national total, and so are the regions' vsv'ers
 *   with a report; a region's own page takes the very same decision for its total;
 * - every breakdown (by type, status, closing reason, first action, timeliness) is one table
 *   regions × values, whose rows add up to the regions' totals and whose columns to the national
 *   breakdown: `secundaireAfschermingTabel` protects it along both (the closing reasons: rows
 *   against the regions' closed reports as the status table decided them);
 * - a breakdown whose total is withheld by secondary suppression (a region's total, or the
 *   closed reports) also withholds all its non-zero cells, a further safeguard.
 */
const VerzuimQuery = figuurQuery({
  schooljaar: Type.Optional(Type.String({
    pattern: SCHOOLJAAR_PATROON, description: 'Schooljaar (1 augustus t/m 31 juli) als JJJJ-JJJJ; zonder: het laatste met openbare verzuimcijfers.', example: '2024-2025',
  })),
}, ['meldingen', 'regios']);

type Rijen = readonly Verzuimrij[];
const aantal = (rijen: Rijen, dimensie: string, waarde: string) => rijen.find((r) => r.dimensie === dimensie && r.waarde === waarde)?.aantal ?? 0;

/** Every non-zero cell withheld: the breakdown of a total that is itself withheld (zeros say nothing and are shown). */
const allesVerborgen = (cellen: readonly number[]): Celafscherming[] => cellen.map((n) => ({ startpopulatie: n > 0, vsv: false }));

const alsCel = (n: number): Cel => ({ startpopulatie: n, vsv: 0 });

/**
 * The decisions of the tables regions × values of a school year, per access level. They depend
 * only on the stored counts, so they are kept per computation (`berekendOp`) instead of being
 * made again for every request (a table of 40 regions takes up to a few hundred milliseconds).
 */
type Tabellen = Record<Verzuimuitsplitsing, Tabelafscherming>;
/** Per database (so two apps in one process never share), per computation: the decisions per access level. */
const BEWAARD = new WeakMap<Db, Map<string, Map<Toegang, Tabellen>>>();
const BEWAARD_MAX = 8;

function bewaardeTabellen(db: Db, sleutel: string, maak: (t: Toegang) => Tabellen): (t: Toegang) => Tabellen {
  return (t) => {
    let vanDb = BEWAARD.get(db);
    if (!vanDb) BEWAARD.set(db, (vanDb = new Map()));
    let perToegang = vanDb.get(sleutel);
    if (!perToegang) {
      if (vanDb.size >= BEWAARD_MAX) vanDb.delete(vanDb.keys().next().value!);
      vanDb.set(sleutel, (perToegang = new Map()));
    }
    let tabellen = perToegang.get(t);
    if (!tabellen) perToegang.set(t, (tabellen = maak(t)));
    return tabellen;
  };
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
 * The national figures, the regions, and for every breakdown the table regions × values with
 * its secondary suppression (`secundaireAfschermingTabel`); shared by both routes so they agree.
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
  const regioGroep = aantallengroep(totalen, aantal(nl, 'totaal', 'meldingen'));

  // the same values, in the same order, nationally and in every region
  const waarden = {} as Record<Verzuimuitsplitsing, readonly string[]>;
  for (const d of VERZUIMUITSPLITSING_NAMEN) {
    waarden[d] = [...new Set([...VERZUIMUITSPLITSINGEN[d].waarden, ...[...nl, ...regiorijen].filter((r) => r.dimensie === d).map((r) => r.waarde)])];
  }
  const afgesloten = waarden.status.indexOf('afgesloten');
  // the computation, and a fingerprint of its counts in case two computations share a moment
  const vingerafdruk = regiorijen.reduce((h, r) => (h * 31 + r.aantal + r.waarde.length) % 1_000_000_007, regiorijen.length);
  const tabellen = bewaardeTabellen(db, `${schooljaar}|${berekening.berekendOp}|${vingerafdruk}`, (t) => {
    const uit = {} as Tabellen;
    for (const d of VERZUIMUITSPLITSING_NAMEN) {
      const basis = VERZUIMUITSPLITSINGEN[d].totaal;
      const cellen = codes.map((c) => waarden[d].map((w) => alsCel(aantal(van(c), d, w))));
      // the closing reasons of a region add up to its closed reports, a cell of the status table
      const rijenElders = basis.dimensie === 'status' ? uit.status.cellen.map((r) => r[afgesloten]!) : undefined;
      uit[d] = secundaireAfschermingTabel(cellen, alsCel(aantal(nl, basis.dimensie, basis.waarde)), t, rijenElders);
    }
    return uit;
  });
  // A breakdown whose total is withheld (a region's total in the list, the closed reports in the
  // status breakdown) also withholds its non-zero cells: they would add up to it.
  const groep = (d: Verzuimuitsplitsing, rijen: Rijen, besluit: (t: Toegang) => readonly Celafscherming[], totaalVerborgen: (t: Toegang) => boolean) => {
    const aantallen = waarden[d].map((w) => aantal(rijen, d, w));
    return new Celgroep((t) => (totaalVerborgen(t) ? allesVerborgen(aantallen) : besluit(t)));
  };
  const groepenVan = (rijen: Rijen, besluit: (t: Toegang, d: Verzuimuitsplitsing) => readonly Celafscherming[], verborgen: (t: Toegang) => boolean) => {
    const uit = {} as Record<Verzuimuitsplitsing, Celgroep>;
    for (const d of VERZUIMUITSPLITSING_NAMEN) {
      const afgeslotenVerborgen = (t: Toegang) => d === 'afsluitreden' && besluit(t, 'status')[afgesloten]!.startpopulatie;
      uit[d] = groep(d, rijen, (t) => besluit(t, d), (t) => verborgen(t) || afgeslotenVerborgen(t));
    }
    return uit;
  };

  const vsvCellen = codes.map((c) => ({ startpopulatie: aantal(van(c), VSV_DIMENSIE, 'vsvers'), vsv: aantal(van(c), VSV_DIMENSIE, 'metMelding') }));
  const vsvNl = { startpopulatie: aantal(nl, VSV_DIMENSIE, 'vsvers'), vsv: aantal(nl, VSV_DIMENSIE, 'metMelding') };
  const vsvGroep = new Celgroep((t) => secundaireAfscherming(vsvCellen, vsvNl, t));
  const metVsv = heeftVsv(nl);
  const regio = (index: number) => {
    const code = codes[index]!;
    const verborgen = (t: Toegang) => regioGroep.afscherming(index, t).startpopulatie;
    return {
      rmcCode: code,
      naam: gebiedsnaam(code, namen.get(code) ?? laatste.get(code)),
      rijen: van(code),
      meldingen: new Telaantal(totalen[index]!, { groep: regioGroep, index }),
      vsvMetMelding: metVsv ? new Aandeelcijfer(vsvCellen[index]!.startpopulatie, vsvCellen[index]!.vsv, { groep: vsvGroep, index }) : null,
      groepen: () => groepenVan(van(code), (t, d) => tabellen(t)[d].cellen[index]!, verborgen),
    };
  };
  return {
    kop: { schooljaar, berekendOp: berekening.berekendOp, tellingStatus: berekening.tellingStatus, schooljaren },
    landelijk: {
      rijen: nl, meldingen: new Telaantal(aantal(nl, 'totaal', 'meldingen')),
      vsvMetMelding: metVsv ? new Aandeelcijfer(vsvNl.startpopulatie, vsvNl.vsv) : null,
      groepen: () => groepenVan(nl, (t, d) => tabellen(t)[d].kolommen, () => false),
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
