import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BESTANDEN, bestandsdefinitie } from '../../src/domain/levering/bestanden.js';
import { controleerKop, controleerRij } from '../../src/domain/levering/controle.js';
import { LEVERING_MD as LEVERING_MD_BRON, titel } from '../support/gedeeld.js';

/** levering.md: the files, their columns and keys; header checks; row checks. */
const LEVERING_MD = LEVERING_MD_BRON.aanwezig ? readFileSync(LEVERING_MD_BRON.pad, 'utf8') : '';

/** The sections "## x.csv — key: a + b" of levering.md with the first cell of each table row. */
function bestandenUitLeveringMd(): Map<string, { sleutel: string[]; kolommen: string[] }> {
  const uit = new Map<string, { sleutel: string[]; kolommen: string[] }>();
  for (const sectie of LEVERING_MD.split(/^## /m).slice(1)) {
    const kop = /^(\S+\.csv) — key: (.+)$/m.exec(sectie);
    if (!kop) continue;
    // The first table of the section, the one whose header is "| column | type | meaning |".
    const regels = sectie.split('\n');
    const begin = regels.findIndex((r) => r.startsWith('| column |'));
    const tabel: string[] = [];
    for (const r of regels.slice(begin + 2)) {
      if (!r.startsWith('|')) break;
      tabel.push(r);
    }
    const kolommen = tabel.map((r) => r.split('|')[1]!.trim());
    uit.set(kop[1]!, { sleutel: kop[2]!.split(' + ').map((s) => s.trim()), kolommen });
  }
  return uit;
}

describe.skipIf(!LEVERING_MD_BRON.aanwezig)(titel('bestandsdefinities volgen levering.md', LEVERING_MD_BRON), () => {
  const md = bestandenUitLeveringMd();
  it('dezelfde negen bestanden', () => {
    expect(BESTANDEN.map((b) => b.bestand).sort()).toEqual([...md.keys()].sort());
    expect(md.size).toBe(9);
  });
  it.each(BESTANDEN.map((b) => b.bestand))('%s: dezelfde kolommen in dezelfde volgorde en dezelfde sleutel', (bestand) => {
    const def = bestandsdefinitie(bestand)!;
    expect(def.kolommen.map((k) => k.naam)).toEqual(md.get(bestand)!.kolommen);
    expect([...def.sleutel]).toEqual(md.get(bestand)!.sleutel);
  });
});

describe('bestandsdefinities', () => {
  it('alleen de naamkolommen van personen.csv zijn optioneel', () => {
    const optioneel = BESTANDEN.flatMap((b) => b.kolommen.filter((k) => k.optioneel).map((k) => `${b.bestand}:${k.naam}`));
    expect(optioneel).toEqual(['personen.csv:voornamen', 'personen.csv:voorvoegsel', 'personen.csv:geslachtsnaam']);
  });
  it('een onbekend bestand heeft geen definitie', () => {
    expect(bestandsdefinitie('leerlingen.csv')).toBeUndefined();
  });
});

const INS = bestandsdefinitie('inschrijvingen.csv')!;
const INS_KOP = INS.kolommen.map((k) => k.naam);
const insRij = (velden: Record<string, string>) => {
  const waarden: Record<string, string> = {
    inschrijving_id: 'I1', persoon_id: 'P1', brin: '20BB', vestiging: '00', onderwijstype: 'mbo', leerjaar: '1', niveau: '2',
    leerweg: 'bol', crebo: '', nieuwkomer: 'nee', begindatum: '2019-08-15', einddatum: '2020-01-31', ...velden,
  };
  return controleerRij(INS, controleerKop(INS, INS_KOP), INS_KOP.map((k) => waarden[k]!), INS_KOP.length);
};

describe('controleerKop', () => {
  it('kolommen in willekeurige volgorde: posities volgen de kop', () => {
    const kop = [...INS_KOP].reverse();
    const k = controleerKop(INS, kop);
    expect(k.fouten).toEqual([]);
    expect(k.posities[0]).toBe(kop.indexOf('inschrijving_id'));
  });
  it('een ontbrekende verplichte kolom is een fout die de kolom noemt', () => {
    const k = controleerKop(INS, INS_KOP.filter((c) => c !== 'begindatum'));
    expect(k.fouten).toEqual([{ kolom: 'begindatum', reden: "verplichte kolom 'begindatum' ontbreekt in de kopregel" }]);
  });
  it('een dubbele kolom is een fout', () => {
    const k = controleerKop(INS, [...INS_KOP, 'brin']);
    expect(k.fouten).toEqual([{ kolom: 'brin', reden: "kolom 'brin' staat twee keer in de kopregel" }]);
  });
  it('extra kolommen worden gemeld, niet geweigerd', () => {
    const k = controleerKop(INS, [...INS_KOP, 'opmerking']);
    expect(k.fouten).toEqual([]);
    expect(k.extraKolommen).toEqual(['opmerking']);
  });
  it('een afwezige optionele kolom is geen fout en krijgt positie -1', () => {
    const def = bestandsdefinitie('personen.csv')!;
    const k = controleerKop(def, ['persoon_id', 'geboortedatum', 'geslacht']);
    expect(k.fouten).toEqual([]);
    expect(k.posities.slice(3)).toEqual([-1, -1, -1]);
    const r = controleerRij(def, k, ['P1', '2002-03-14', 'V'], 3);
    expect(r).toEqual({ ok: true, waarden: ['P1', '2002-03-14', 'V', null, null, null] });
  });
});

describe('controleerRij: inschrijvingen.csv', () => {
  it('een goede rij levert de waarden in de volgorde van de definitie, leeg als null', () => {
    expect(insRij({})).toEqual({ ok: true, waarden: ['I1', 'P1', '20BB', '00', 'mbo', '1', '2', 'bol', null, 'nee', '2019-08-15', '2020-01-31'] });
  });
  it('nieuwkomer leeg wordt opgeslagen als nee', () => {
    const r = insRij({ nieuwkomer: '' });
    expect(r.ok && r.waarden[9]).toBe('nee');
  });
  it('mbo zonder niveau: fout in kolom niveau', () => {
    expect(insRij({ niveau: '' })).toEqual({ ok: false, fouten: [{ kolom: 'niveau', reden: 'niveau is verplicht bij onderwijstype mbo (1 tot en met 4)' }] });
  });
  it('mbo zonder leerweg: fout in kolom leerweg', () => {
    expect(insRij({ leerweg: '' })).toEqual({ ok: false, fouten: [{ kolom: 'leerweg', reden: 'leerweg is verplicht bij onderwijstype mbo (bol, bbl of ex)' }] });
  });
  it('vo zonder niveau en leerweg: goed', () => {
    expect(insRij({ onderwijstype: 'havo', niveau: '', leerweg: '', leerjaar: '4' }).ok).toBe(true);
  });
  it('einddatum de dag vóór begindatum: fout in kolom einddatum', () => {
    expect(insRij({ begindatum: '2019-08-15', einddatum: '2019-08-14' })).toEqual({
      ok: false, fouten: [{ kolom: 'einddatum', reden: 'einddatum 2019-08-14 ligt vóór begindatum 2019-08-15' }],
    });
  });
  it('einddatum gelijk aan begindatum: goed (inschrijving van één dag)', () => {
    expect(insRij({ begindatum: '2019-10-01', einddatum: '2019-10-01' }).ok).toBe(true);
  });
  it('alle veldfouten tegelijk, zodat de leverancier de rij in één keer kan herstellen', () => {
    const r = insRij({ brin: '20bb', onderwijstype: 'MBO', begindatum: '2019-02-29' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fouten.map((f) => f.kolom)).toEqual(['brin', 'onderwijstype', 'begindatum']);
  });
  it('rijcontroles pas als de velden goed zijn (geen dubbele melding)', () => {
    const r = insRij({ niveau: '7' });
    expect(!r.ok && r.fouten).toEqual([{ kolom: 'niveau', reden: "'7' is geen geldige waarde (verwacht 1, 2, 3 of 4, of leeg)" }]);
  });
  it('te weinig velden: één fout voor de hele rij', () => {
    const k = controleerKop(INS, INS_KOP);
    expect(controleerRij(INS, k, ['I1', 'P1'], INS_KOP.length)).toEqual({
      ok: false, fouten: [{ kolom: null, reden: `rij heeft 2 velden, de kopregel ${INS_KOP.length}` }],
    });
  });
  it('ongeldige UTF-8 (U+FFFD) in een veld: fout in die kolom', () => {
    const r = insRij({ persoon_id: 'P\uFFFD1' });
    expect(!r.ok && r.fouten).toEqual([{ kolom: 'persoon_id', reden: 'veld bevat tekens die geen geldige UTF-8 zijn' }]);
  });
});

describe('controleerRij: eind niet vóór begin in de andere bestanden', () => {
  it.each([
    ['verblijf.csv', { persoon_id: 'P1', gemeente_code: 'GM0363', postcode: '', vanaf: '2020-01-02', tot: '2020-01-01' }, 'tot'],
    ['vrijstellingen.csv', { persoon_id: 'P1', grond: '5a', vanaf: '2020-01-02', tot: '2020-01-01' }, 'tot'],
    ['werk.csv', { persoon_id: 'P1', vanaf: '2020-01-02', tot: '2020-01-01', uren_per_week: '12' }, 'tot'],
    ['rmc_indeling.csv', { gemeente_code: 'GM0363', gemeente_naam: 'Amsterdam', rmc_code: '21', rmc_naam: 'A', schooljaar_vanaf: '2016-2017', schooljaar_tot: '2015-2016' }, 'schooljaar_tot'],
  ] as const)('%s: eind vóór begin → fout in de eindkolom', (bestand, rij, kolom) => {
    const def = bestandsdefinitie(bestand)!;
    const kop = def.kolommen.map((k) => k.naam);
    const r = controleerRij(def, controleerKop(def, kop), kop.map((k) => (rij as Record<string, string>)[k]!), kop.length);
    expect(!r.ok && r.fouten.map((f) => f.kolom)).toEqual([kolom]);
  });
});
