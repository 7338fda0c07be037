import type { Bronbestand } from './bronbestanden.js';

/**
 * The checks and the merge of `binnenboord referentie bijwerken`, without any file access:
 * the old snapshot (gemeenten.csv, vo_vso_vestigingen.csv), the PC4 tables and the new DUO and
 * CBS files in; either every reason to refuse the update, or the new rows and what changed.
 *
 * Rules (each a refusal reason, all reported at once):
 * - codes are well-formed: GemeentecodeGM is GM + 4 digits (and Gemeentecode, when given, the
 *   same number), ProvinciecodePV is PV + 2 digits, BRIN is 2 digits + 2 capitals, a location
 *   code is 2 digits (or the BRIN followed by 2 digits), GEMEENTENUMMER is 4 digits, an RMC code
 *   2 digits; no municipality and no location appears twice;
 * - every vo location lies in a municipality of the CBS file, names a known ONDERWIJSSTRUCTUUR
 *   and an RMC region; an RMC code has one name;
 * - every municipality lies in exactly one RMC region in the new snapshot: the region its vo
 *   locations name (they must agree), or, without a vo location, the region it had in the old
 *   snapshot (the DUO vo file gives none for it);
 * - every municipality has PC4 areas in nl_pc4_gemeente_2025.csv (the generator places
 *   persons by PC4), and every kept vso location lies in a municipality of the new snapshot;
 * - no school location is lost without a reason: a vo location of the old snapshot that is
 *   absent from the DUO file must be listed in the --verdwenen file with a reason, and every
 *   line there must name a location that really disappeared.
 *
 * The DUO vo file has no vso locations (those are in DUO "09. alle vestigingen sbo, so en vso"),
 * so the old snapshot's vso locations are kept, with their municipality columns brought up to
 * date. Pupil counts and coordinates are not in the DUO file either: a location keeps the ones
 * of the old snapshot, a new location has none (the generator then assumes a typical size).
 */
export type Rij = Record<string, string>;

export interface VerdwenenRij {
  readonly regel: number;
  readonly brin: string;
  readonly vestiging: string;
  readonly reden: string;
}

export interface Invoer {
  readonly oudeGemeenten: readonly Rij[];
  readonly oudeVestigingen: readonly Rij[];
  readonly pc4: readonly Rij[];
  readonly bevolking: readonly Rij[];
  readonly duo: Bronbestand;
  readonly cbs: Bronbestand;
  readonly verdwenen: readonly VerdwenenRij[];
  /** the date the new files describe (YYYY-MM-DD), recorded in rmc_assignment_source */
  readonly peildatum: string;
}

export interface Wijzigingen {
  readonly gemeentenToegevoegd: string[];
  readonly gemeentenVervallen: string[];
  readonly gemeentenHernoemd: string[];
  readonly regioGewijzigd: string[];
  readonly vestigingenToegevoegd: string[];
  readonly vestigingenVervallen: string[];
  readonly vestigingenGewijzigd: string[];
}

export type Uitkomst =
  | { readonly ok: true; readonly gemeenten: Rij[]; readonly vestigingen: Rij[]; readonly wijzigingen: Wijzigingen; readonly aantalVo: number; readonly aantalVso: number }
  | { readonly ok: false; readonly fouten: string[] };

export const GEMEENTE_KOLOMMEN = [
  'gemeente_code', 'gemeente_number', 'gemeente_name', 'province_code', 'province_name', 'rmc_code', 'rmc_name',
  'rmc_assignment_source', 'has_vo_vestiging', 'population_2021', 'population_10_14_2021', 'population_15_19_2021',
  'population_20_24_2021', 'population_12_23_2021_estimate', 'pc4_count',
] as const;

export const VESTIGING_KOLOMMEN = [
  'brin', 'vestigingscode', 'name', 'onderwijsstructuur', 'is_vmbo', 'is_vbo', 'is_mavo', 'is_havo', 'is_vwo', 'is_pro',
  'is_vso', 'is_so_vso_combined', 'is_brugjaar_only', 'denominatie', 'street', 'house_number', 'postcode', 'place',
  'gemeente_code', 'gemeente_name', 'duo_gemeente_label', 'province_name', 'rmc_code', 'rmc_name', 'website',
  'student_count', 'lat', 'lon',
] as const;

/** The parts of DUO's ONDERWIJSSTRUCTUUR in a vo file (VBO = vmbo basis/kader/gemengd, MAVO = vmbo-tl). */
const STRUCTUURDELEN = new Set(['VBO', 'MAVO', 'HAVO', 'VWO', 'PRO', 'BRUGJAAR', 'VSO', '(V)SO']);

/** Fields whose change is reported for a location that stays. */
const VERGELEKEN_VELDEN = ['name', 'onderwijsstructuur', 'gemeente_code', 'postcode', 'denominatie'] as const;

const isVso = (v: Rij) => v.is_vso === '1' || v.is_so_vso_combined === '1';
const sleutel = (brin: string, vestiging: string) => `${brin}${vestiging}`;
const getal = (s: string | undefined) => {
  const n = Number(s);
  return s && Number.isFinite(n) ? n : 0;
};
const vlag = (b: boolean) => (b ? '1' : '0');
/** Code order (the files are sorted by code, byte by byte). */
const vergelijk = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function vlaggen(structuur: string): Pick<Rij, 'is_vmbo' | 'is_vbo' | 'is_mavo' | 'is_havo' | 'is_vwo' | 'is_pro' | 'is_vso' | 'is_so_vso_combined' | 'is_brugjaar_only'> {
  const d = new Set(structuur.split('/'));
  return {
    is_vmbo: vlag(d.has('VBO') || d.has('MAVO')), is_vbo: vlag(d.has('VBO')), is_mavo: vlag(d.has('MAVO')),
    is_havo: vlag(d.has('HAVO')), is_vwo: vlag(d.has('VWO')), is_pro: vlag(d.has('PRO')),
    is_vso: vlag(d.has('VSO') || d.has('(V)SO')), is_so_vso_combined: vlag(d.has('(V)SO')),
    is_brugjaar_only: vlag(structuur === 'BRUGJAAR'),
  };
}

interface NieuweGemeente {
  code: string;
  nummer: string;
  naam: string;
  provinciecode: string;
  provincienaam: string;
}

export function bepaalNieuweStand(invoer: Invoer): Uitkomst {
  const fouten: string[] = [];
  const { duo, cbs } = invoer;
  const waar = (b: Bronbestand, regel: number) => `${b.bestand} regel ${regel}`;

  // ---- CBS: the municipalities -------------------------------------------------------------
  const gemeenten = new Map<string, NieuweGemeente>();
  for (const { regel, waarden: w } of cbs.rijen) {
    const code = w.gemeentecodeGM!;
    if (!/^GM\d{4}$/.test(code)) {
      fouten.push(`${waar(cbs, regel)}: GemeentecodeGM '${code}' is geen GM gevolgd door 4 cijfers`);
      continue;
    }
    if (w.gemeentecode !== undefined && w.gemeentecode !== '' && (!/^\d{1,4}$/.test(w.gemeentecode) || Number(w.gemeentecode) !== Number(code.slice(2)))) {
      fouten.push(`${waar(cbs, regel)}: Gemeentecode '${w.gemeentecode}' hoort bij ${code} niet (verwacht ${Number(code.slice(2))})`);
    }
    if (!/^PV\d{2}$/.test(w.provinciecodePV!)) fouten.push(`${waar(cbs, regel)}: ProvinciecodePV '${w.provinciecodePV}' van ${code} is geen PV gevolgd door 2 cijfers`);
    if (!w.gemeentenaam) fouten.push(`${waar(cbs, regel)}: ${code} heeft geen Gemeentenaam`);
    if (gemeenten.has(code)) {
      fouten.push(`${waar(cbs, regel)}: gemeente ${code} staat twee keer in het CBS-bestand`);
      continue;
    }
    gemeenten.set(code, { code, nummer: code.slice(2), naam: w.gemeentenaam!, provinciecode: w.provinciecodePV!, provincienaam: w.provincienaam! });
  }

  // ---- DUO: the vo locations ---------------------------------------------------------------
  const oudeVestigingen = new Map(invoer.oudeVestigingen.map((v) => [v.vestigingscode!, v]));
  const voRijen = new Map<string, Rij>();
  const regiosPerGemeente = new Map<string, Map<string, string[]>>();
  const regionamen = new Map<string, Set<string>>();
  for (const { regel, waarden: w } of duo.rijen) {
    const plaats = waar(duo, regel);
    const brin = w.brin!;
    let vestiging = w.vestiging!;
    const fout = (t: string) => fouten.push(`${plaats}: ${t}`);
    let goed = true;
    if (!/^\d{2}[A-Z]{2}$/.test(brin)) {
      fout(`BRIN '${brin}' is geen 2 cijfers gevolgd door 2 hoofdletters`);
      goed = false;
    }
    if (/^\d{2}[A-Z]{2}\d{2}$/.test(vestiging) && vestiging.slice(0, 4) === brin) vestiging = vestiging.slice(4);
    if (!/^\d{2}$/.test(vestiging)) {
      fout(`vestigingscode '${w.vestiging}' is geen 2 cijfers (of de BRIN ${brin} gevolgd door 2 cijfers)`);
      goed = false;
    }
    const gemeentenummer = w.gemeentenummer!;
    const gemeente = /^\d{4}$/.test(gemeentenummer) ? gemeenten.get(`GM${gemeentenummer}`) : undefined;
    if (!/^\d{4}$/.test(gemeentenummer)) {
      fout(`GEMEENTENUMMER '${gemeentenummer}' is geen 4 cijfers`);
      goed = false;
    } else if (!gemeente) {
      fout(`vestiging ${brin}${vestiging} ligt in gemeente GM${gemeentenummer} (${w.gemeentenaam}), die niet in het CBS-bestand staat`);
      goed = false;
    }
    const rmc = w.rmcCode!;
    if (!/^\d{2}$/.test(rmc)) {
      fout(`RMC-REGIO CODE '${rmc}' van vestiging ${brin}${vestiging} is geen code van 2 cijfers`);
      goed = false;
    }
    const structuur = w.onderwijsstructuur!;
    const onbekend = structuur.split('/').filter((d) => !STRUCTUURDELEN.has(d));
    if (!structuur || onbekend.length) {
      fout(`ONDERWIJSSTRUCTUUR '${structuur}' van vestiging ${brin}${vestiging} is onbekend (bekend: ${[...STRUCTUURDELEN].join(', ')})`);
      goed = false;
    }
    if (!goed || !gemeente) continue;
    const code = sleutel(brin, vestiging);
    if (voRijen.has(code)) {
      fout(`vestiging ${code} staat twee keer in het DUO-bestand`);
      continue;
    }
    const perRegio = regiosPerGemeente.get(gemeente.code) ?? new Map<string, string[]>();
    perRegio.set(rmc, [...(perRegio.get(rmc) ?? []), code]);
    regiosPerGemeente.set(gemeente.code, perRegio);
    regionamen.set(rmc, (regionamen.get(rmc) ?? new Set()).add(w.rmcNaam!));
    const oud = oudeVestigingen.get(code);
    voRijen.set(code, {
      brin, vestigingscode: code, name: w.naam!, onderwijsstructuur: structuur, ...vlaggen(structuur),
      denominatie: w.denominatie ?? '', street: w.straat ?? '', house_number: w.huisnummer ?? '',
      postcode: (w.postcode ?? '').replace(/\s+/g, ''), place: w.plaats ?? '',
      gemeente_code: gemeente.code, gemeente_name: gemeente.naam, duo_gemeente_label: w.gemeentenaam!,
      province_name: gemeente.provincienaam, rmc_code: rmc, rmc_name: w.rmcNaam!, website: w.website ?? '',
      student_count: oud?.student_count ?? '', lat: oud?.lat ?? '', lon: oud?.lon ?? '',
    });
  }
  for (const [rmc, namen] of regionamen) {
    if (namen.size > 1) fouten.push(`${duo.bestand}: RMC-regio ${rmc} heeft meer dan één naam: ${[...namen].map((n) => `'${n}'`).join(', ')}`);
  }

  // ---- RMC region per municipality -------------------------------------------------------------
  const oudeGemeenten = new Map(invoer.oudeGemeenten.map((g) => [g.gemeente_code!, g]));
  const pc4PerGemeente = new Map<string, string[]>();
  for (const r of invoer.pc4) pc4PerGemeente.set(r.gemeente_code!, [...(pc4PerGemeente.get(r.gemeente_code!) ?? []), r.pc4!]);
  const bevolking = new Map(invoer.bevolking.map((r) => [r.pc4!, r]));
  const jaar = invoer.peildatum.slice(0, 4);
  const gemeenteRijen: Rij[] = [];
  for (const g of [...gemeenten.values()].sort((a, b) => vergelijk(a.code, b.code))) {
    const perRegio = regiosPerGemeente.get(g.code);
    const oud = oudeGemeenten.get(g.code);
    let rmc: string;
    let rmcNaam: string;
    let herkomst: string;
    if (perRegio && perRegio.size > 1) {
      fouten.push(`gemeente ${g.code} (${g.naam}) ligt volgens ${duo.bestand} in meer dan één RMC-regio: ` +
        [...perRegio].map(([r, v]) => `${r} (${v.join(', ')})`).join('; '));
      continue;
    } else if (perRegio) {
      rmc = [...perRegio.keys()][0]!;
      rmcNaam = [...regionamen.get(rmc)!][0]!;
      herkomst = `duo_vo_vestigingen_${jaar}`;
    } else if (oud) {
      // No vo location, so DUO's vo file names no region: the old snapshot's stays.
      rmc = oud.rmc_code!;
      rmcNaam = regionamen.has(rmc) ? [...regionamen.get(rmc)!][0]! : oud.rmc_name!;
      herkomst = oud.rmc_assignment_source!;
    } else {
      fouten.push(`gemeente ${g.code} (${g.naam}) is nieuw en heeft geen vo-vestiging in ${duo.bestand}, dus geen RMC-regio; ` +
        'leg de regio vast in de vorige stand (data/gemeenten.csv) of lever een DUO-bestand met een vestiging in die gemeente');
      continue;
    }
    const pc4 = pc4PerGemeente.get(g.code) ?? [];
    if (pc4.length === 0) {
      fouten.push(`gemeente ${g.code} (${g.naam}) heeft geen PC4-gebieden in nl_pc4_gemeente_2025.csv; werk die tabel eerst bij (de generator plaatst personen per PC4)`);
      continue;
    }
    const som = (k: string) => pc4.reduce((s, p) => s + getal(bevolking.get(p)?.[k]), 0);
    const [a10, a15, a20] = [som('age_10_14'), som('age_15_19'), som('age_20_24')];
    gemeenteRijen.push({
      gemeente_code: g.code, gemeente_number: g.nummer, gemeente_name: g.naam, province_code: g.provinciecode,
      province_name: g.provincienaam, rmc_code: rmc, rmc_name: rmcNaam, rmc_assignment_source: herkomst,
      has_vo_vestiging: vlag(Boolean(perRegio)), population_2021: String(som('population')),
      population_10_14_2021: String(a10), population_15_19_2021: String(a15), population_20_24_2021: String(a20),
      population_12_23_2021_estimate: String(Math.round(0.6 * a10 + a15 + 0.8 * a20)), pc4_count: String(pc4.length),
    });
  }
  const nieuwPerCode = new Map(gemeenteRijen.map((g) => [g.gemeente_code!, g]));

  // ---- vso locations kept, vo locations lost -------------------------------------------------
  const vsoRijen: Rij[] = [];
  for (const v of invoer.oudeVestigingen.filter(isVso)) {
    if (voRijen.has(v.vestigingscode!)) continue; // DUO's vo file now has it: its record wins
    if (!gemeenten.has(v.gemeente_code!)) {
      fouten.push(`vso-vestiging ${v.vestigingscode} (${v.name}) ligt in gemeente ${v.gemeente_code} (${v.gemeente_name}), die niet meer in het CBS-bestand staat`);
      continue;
    }
    const g = nieuwPerCode.get(v.gemeente_code!);
    if (!g) continue; // that municipality already has its own reason
    vsoRijen.push({ ...v, gemeente_name: g.gemeente_name!, province_name: g.province_name!, rmc_code: g.rmc_code!, rmc_name: g.rmc_name! });
  }

  const verdwenenRedenen = new Map<string, string>();
  for (const r of invoer.verdwenen) {
    const vestiging = r.vestiging.length === 6 && r.vestiging.startsWith(r.brin) ? r.vestiging.slice(4) : r.vestiging;
    const code = sleutel(r.brin, vestiging);
    const plaats = `--verdwenen regel ${r.regel}`;
    if (!/^\d{2}[A-Z]{2}$/.test(r.brin) || !/^\d{2}$/.test(vestiging)) fouten.push(`${plaats}: '${r.brin}' '${r.vestiging}' is geen BRIN (2 cijfers, 2 hoofdletters) met vestigingscode (2 cijfers)`);
    else if (!r.reden.trim()) fouten.push(`${plaats}: vestiging ${code} heeft geen reden`);
    else if (!oudeVestigingen.has(code) || isVso(oudeVestigingen.get(code)!)) fouten.push(`${plaats}: vestiging ${code} staat niet als vo-vestiging in de vorige stand`);
    else if (voRijen.has(code)) fouten.push(`${plaats}: vestiging ${code} staat nog in ${duo.bestand}, is dus niet verdwenen`);
    else verdwenenRedenen.set(code, r.reden.trim());
  }
  const zonderReden: string[] = [];
  const vervallen: string[] = [];
  for (const v of invoer.oudeVestigingen) {
    if (isVso(v) || voRijen.has(v.vestigingscode!)) continue;
    const reden = verdwenenRedenen.get(v.vestigingscode!);
    if (reden) vervallen.push(`${v.vestigingscode} ${v.name} (${v.gemeente_name}): ${reden}`);
    else zonderReden.push(`${v.vestigingscode} ${v.name} (${v.gemeente_name})`);
  }
  if (zonderReden.length) {
    fouten.push(`${zonderReden.length} vo-vestiging(en) van de vorige stand ontbreken in ${duo.bestand} zonder reden; ` +
      `noem ze met een reden in een bestand voor --verdwenen (kolommen brin,vestiging,reden):\n${zonderReden.map((z) => `      ${z}`).join('\n')}`);
  }

  if (fouten.length) return { ok: false, fouten };

  // ---- what changed --------------------------------------------------------------------------
  const w: Wijzigingen = {
    gemeentenToegevoegd: [], gemeentenVervallen: [], gemeentenHernoemd: [], regioGewijzigd: [],
    vestigingenToegevoegd: [], vestigingenVervallen: vervallen, vestigingenGewijzigd: [],
  };
  for (const g of gemeenteRijen) {
    const oud = oudeGemeenten.get(g.gemeente_code!);
    if (!oud) w.gemeentenToegevoegd.push(`${g.gemeente_code} ${g.gemeente_name} (RMC ${g.rmc_code})`);
    else {
      if (oud.gemeente_name !== g.gemeente_name) w.gemeentenHernoemd.push(`${g.gemeente_code}: ${oud.gemeente_name} → ${g.gemeente_name}`);
      if (oud.rmc_code !== g.rmc_code) w.regioGewijzigd.push(`${g.gemeente_code} ${g.gemeente_name}: RMC ${oud.rmc_code} ${oud.rmc_name} → ${g.rmc_code} ${g.rmc_name}`);
    }
  }
  for (const [code, g] of oudeGemeenten) if (!nieuwPerCode.has(code)) w.gemeentenVervallen.push(`${code} ${g.gemeente_name}`);
  for (const [code, v] of voRijen) {
    const oud = oudeVestigingen.get(code);
    if (!oud || isVso(oud)) w.vestigingenToegevoegd.push(`${code} ${v.name} (${v.gemeente_name})`);
    else {
      const velden = VERGELEKEN_VELDEN.filter((k) => (oud[k] ?? '') !== (v[k] ?? ''));
      if (velden.length) w.vestigingenGewijzigd.push(`${code}: ${velden.map((k) => `${k} '${oud[k]}' → '${v[k]}'`).join(', ')}`);
    }
  }

  const vestigingen = [...voRijen.values(), ...vsoRijen].sort((a, b) => vergelijk(a.vestigingscode!, b.vestigingscode!));
  return { ok: true, gemeenten: gemeenteRijen, vestigingen, wijzigingen: w, aantalVo: voRijen.size, aantalVso: vsoRijen.length };
}
