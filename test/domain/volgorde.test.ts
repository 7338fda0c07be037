import { describe, expect, it } from 'vitest';
import { UITSLUITINGSREGELS } from '../../src/domain/telling/uitsluitingen.js';
import { REGELING_PRESTATIEBOX_MBO, REGELING_VSV_VO, LEERPLICHTWET_VRIJSTELLINGEN } from '../../src/domain/telling/bronnen.js';
import type { Schooljaar } from '../../src/domain/schooljaar.js';
import { deelnemer, inschrijvingOpT1, JAREN, plusDagen, reden, type DossierBouwer } from './bouwers.js';

/**
 * telling.md, "Who is not a vsv'er": the reason reported is the first rule that applies, in
 * the order of the table. For every two rules that both apply, the earlier one must win.
 */
const VOLGORDE = [
  'overleden', 'geemigreerd', 'onderwijs', 'dji', 'politie-defensie', 'vrijstelling',
  'startkwalificatie', 'verlate-startkwalificatie', 'mbo1-werk',
] as const;

/** For each rule, what to add to an mbo-2 dropout's dossier so that exactly this rule applies. */
const AANLEIDING: Record<(typeof VOLGORDE)[number], (d: DossierBouwer, jaar: Schooljaar) => DossierBouwer> = {
  overleden: (d, j) => d.overleden(plusDagen(j.t1, -40)),
  geemigreerd: (d, j) => d.geemigreerd(plusDagen(j.t1, -50)),
  onderwijs: (d, j) => d.met(inschrijvingOpT1(j, 'ho', { brin: '30CC' })),
  dji: (d, j) => d.met(inschrijvingOpT1(j, 'dji', { brin: '60FF' })),
  'politie-defensie': (d, j) => d.met(inschrijvingOpT1(j, 'politie', { brin: '61FG' })),
  vrijstelling: (d, j) => d.vrijstelling('5a', plusDagen(j.t0, 120)),
  startkwalificatie: (d, j) => d.diploma('mbo-2', plusDagen(j.t1, -90)),
  'verlate-startkwalificatie': (d, j) => d.diploma('mbo-3', plusDagen(j.t1, 30)),
  'mbo1-werk': (d, j) => d.diploma('mbo-1', plusDagen(j.t1, -100)).werk('12', plusDagen(j.t1, -60)),
};

describe('de volgorde van de uitsluitingen is die van telling.md', () => {
  it('codes in volgorde', () => {
    expect(UITSLUITINGSREGELS.map((r) => r.code)).toEqual([...VOLGORDE]);
  });
  it('termen B, B, C, C, C, C, D, D, D', () => {
    expect(UITSLUITINGSREGELS.map((r) => r.term)).toEqual(['B', 'B', 'C', 'C', 'C', 'C', 'D', 'D', 'D']);
  });
  it('elke regel noemt een bron met een adres op wetten.overheid.nl', () => {
    for (const r of UITSLUITINGSREGELS) expect(r.bron.url).toMatch(/^https:\/\/wetten\.overheid\.nl\/BWBR\d{7}\//);
  });
  it('vrijstelling verwijst naar de Leerplichtwet, de mbo-regels naar de Regeling prestatiebox mbo, de rest naar de vo-regeling', () => {
    const bron = Object.fromEntries(UITSLUITINGSREGELS.map((r) => [r.code, r.bron]));
    expect(bron.vrijstelling).toBe(LEERPLICHTWET_VRIJSTELLINGEN);
    expect(bron['verlate-startkwalificatie']).toBe(REGELING_PRESTATIEBOX_MBO);
    expect(bron['mbo1-werk']).toBe(REGELING_PRESTATIEBOX_MBO);
    expect(bron.overleden).toBe(REGELING_VSV_VO);
  });
});

describe.each(JAREN)('volgorde $naam: elke aanleiding apart geeft haar eigen reden', (jaar) => {
  it.each([...VOLGORDE])('%s', (code) => {
    expect(reden(AANLEIDING[code](deelnemer(jaar), jaar), jaar)).toBe(code);
  });
});

const PAREN = VOLGORDE.flatMap((eerste, i) => VOLGORDE.slice(i + 1).map((tweede) => ({ eerste, tweede })));

describe.each(JAREN)('volgorde $naam: van elk paar regels dat allebei geldt, wint de eerdere', (jaar) => {
  it('dat zijn 36 paren', () => {
    expect(PAREN).toHaveLength(36);
  });
  it.each(PAREN)('$eerste vóór $tweede', ({ eerste, tweede }) => {
    // Added in both orders, so that the order of rows in the dossier cannot decide.
    const a = AANLEIDING[tweede](AANLEIDING[eerste](deelnemer(jaar), jaar), jaar);
    const b = AANLEIDING[eerste](AANLEIDING[tweede](deelnemer(jaar), jaar), jaar);
    expect(reden(a, jaar)).toBe(eerste);
    expect(reden(b, jaar)).toBe(eerste);
  });
});

describe.each(JAREN)('volgorde $naam: alle regels vanaf een zekere regel', (jaar) => {
  it.each(VOLGORDE.map((code, i) => ({ code, i })))('regels $code tot en met mbo1-werk tegelijk: $code', ({ code, i }) => {
    let d = deelnemer(jaar);
    for (const c of VOLGORDE.slice(i)) d = AANLEIDING[c](d, jaar);
    expect(reden(d, jaar)).toBe(code);
  });
  it('alle regels tegelijk, in omgekeerde volgorde toegevoegd: overleden', () => {
    let d = deelnemer(jaar);
    for (const c of [...VOLGORDE].reverse()) d = AANLEIDING[c](d, jaar);
    expect(reden(d, jaar)).toBe('overleden');
  });
});
