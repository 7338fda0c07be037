import { dag, jmd, leeftijd, schooljaarBegin, schooljaarEinde, teldatum, type Dag } from './dagen.js';
import type { Instelling } from './instellingen.js';
import {
  LEVEN, MBO, MBO_BBL, MBO_DUUR, NA_HAVO, NA_VMBO, NA_VWO, RISICO, SPOOR, UITSLUITINGEN, UITVAL, UITVALMAANDEN,
  UITVAL_GESLACHT, VO, VO_DUUR, WERK, bblLeeftijdsfactor, jaarfactor, terugkeerKans, uitvalLeeftijdsfactor,
  type Spoor, type VoSpoor,
} from './parameters.js';
import type { Persoon } from './persoon.js';
import { kiesUit, type Prng } from './prng.js';
import type { Gemeente, VoAanbod, VoLocatie, Wereld } from './wereld.js';

/**
 * The life of one person, school year by school year, as the registers would record it:
 * residence, enrolments (a new row per leerjaar, level or path), diplomas, exemptions, work,
 * and BRP events. A life is simulated in full and only then written, so one person is in
 * memory at a time. All randomness comes from the person's own stream.
 */
export interface Kenmerken {
  readonly brin: string;
  readonly vestiging: string;
  readonly onderwijstype: string;
  readonly leerjaar: number | null;
  readonly niveau: number | null;
  readonly leerweg: string | null;
  readonly crebo: string | null;
  readonly nieuwkomer: boolean;
}

/** One row of inschrijvingen.csv; a class, so that every row has the same shape (this is the hot path). */
export class InschrijvingRij implements Kenmerken {
  readonly brin: string;
  readonly vestiging: string;
  readonly onderwijstype: string;
  readonly leerjaar: number | null;
  readonly niveau: number | null;
  readonly leerweg: string | null;
  readonly crebo: string | null;
  readonly nieuwkomer: boolean;
  eind: Dag | null = null;

  constructor(readonly id: string, k: Kenmerken, readonly begin: Dag) {
    this.brin = k.brin;
    this.vestiging = k.vestiging;
    this.onderwijstype = k.onderwijstype;
    this.leerjaar = k.leerjaar;
    this.niveau = k.niveau;
    this.leerweg = k.leerweg;
    this.crebo = k.crebo;
    this.nieuwkomer = k.nieuwkomer;
  }
}
export interface DiplomaRij { soort: string; datum: Dag; brin: string | null }
export interface VerblijfRij { gemeente: Gemeente; pc4: string; vanaf: Dag; tot: Dag | null }
export interface GebeurtenisRij { soort: 'overlijden' | 'emigratie' | 'immigratie'; datum: Dag }
export interface VrijstellingRij { grond: string; vanaf: Dag; tot: Dag | null }
export interface WerkRij { vanaf: Dag; tot: Dag | null; uren: number }

export interface Venster {
  /** first and last school year generated (first calendar year) */
  readonly eersteJaar: number;
  readonly laatsteJaar: number;
  /** last day of the delivery: 31 December after the last school year, closing its late window */
  readonly dataEinde: Dag;
}

type Mbo = { fase: 'mbo'; vanaf: Dag; niveau: number; leerweg: 'bol' | 'bbl'; leerjaar: number; duur: number; inst: Instelling; crebo: string };
type Toestand =
  | { fase: 'vo'; vanaf: Dag; spoor: VoSpoor; leerjaar: number; brug: boolean; school: VoLocatie; nieuwkomer: boolean }
  | Mbo
  | { fase: 'vavo'; vanaf: Dag; doel: 'havo' | 'vwo'; jaren: number; inst?: Instelling }
  | { fase: 'ho'; vanaf: Dag }
  | { fase: 'pro'; vanaf: Dag; leerjaar: number; school: VoLocatie }
  | { fase: 'vso'; vanaf: Dag }
  | { fase: 'int'; vanaf: Dag; leerjaar: number; school: VoLocatie }
  /** out of education without a startkwalificatie; may come back from `terugVanaf` */
  | { fase: 'uit'; vanaf: Dag; terugVanaf: Dag; jaren: number }
  /** left education for good (with a startkwalificatie, or to work after pro/vso, nb, defence) */
  | { fase: 'klaar'; vanaf: Dag }
  | { fase: 'buitenland'; vanaf: Dag; terug: Dag | null };

type Categorie = 'onderbouw' | 'bovenbouw-vmbo' | 'bovenbouw-havo-vwo';

const DAG_NA_T1 = (jaar: number) => teldatum(jaar + 1) + 1;
const dagVan = (jaar: number, maand: number, d: number) => dag(jaar, maand, d);

export class Levensloop {
  readonly inschrijvingen: InschrijvingRij[] = [];
  readonly diplomas: DiplomaRij[] = [];
  readonly verblijf: VerblijfRij[] = [];
  readonly gebeurtenissen: GebeurtenisRij[] = [];
  readonly vrijstellingen: VrijstellingRij[] = [];
  readonly werk: WerkRij[] = [];

  private huidig: InschrijvingRij | null = null;
  private volgnummer = 0;
  private toestand: Toestand;
  private woon: Gemeente;
  private heeftStartkwalificatie = false;
  private hoogsteMbo = 0;
  private vmboDiploma = false;
  private einde: Dag | null = null;
  private readonly risico: number;
  private readonly geslachtsfactor: number;

  constructor(private readonly r: Prng, readonly p: Persoon, private readonly w: Wereld, private readonly v: Venster) {
    this.risico = r.kans(RISICO.hoog) ? RISICO.factorHoog : RISICO.factorLaag;
    this.geslachtsfactor = p.geslacht === 'M' ? UITVAL_GESLACHT.M : p.geslacht === 'V' ? UITVAL_GESLACHT.V : 1;
    this.woon = w.woonplaats.trek(r);
    const vanaf = p.aankomst ?? p.geboren;
    this.verblijf.push({ gemeente: this.woon, pc4: this.woon.pc4.trek(r), vanaf, tot: null });
    if (p.aankomst !== null) this.gebeurtenissen.push({ soort: 'immigratie', datum: p.aankomst });
    this.toestand = this.beginVo();
  }

  /** Simulates every school year up to the end of the delivery. */
  leef(): this {
    const eerste = Math.min(this.p.voInstroomjaar, this.jaarVan(this.toestand.vanaf));
    for (let jaar = eerste; schooljaarBegin(jaar) <= this.v.dataEinde && this.einde === null; jaar += 1) {
      // The year's education first, then death, emigration or a move cut into it.
      if (this.toestand.vanaf <= schooljaarEinde(jaar)) this.stap(jaar);
      this.leefgebeurtenissen(jaar);
      if (leeftijd(this.p.geboren, schooljaarBegin(jaar)) > 27) break;
    }
    this.kapAf(this.v.dataEinde, true);
    return this;
  }

  /** Whether any enrolment reaches `dag` (persons who left school before the window are left out). */
  isRelevantVanaf(d: Dag): boolean {
    return this.inschrijvingen.some((i) => i.eind === null || i.eind >= d);
  }

  // ---------------------------------------------------------------------------------- start

  private beginVo(): Toestand {
    const p = this.p;
    const instroom = schooljaarBegin(p.voInstroomjaar);
    const spoor = kiesUit(this.r, SPOOR) as Spoor;
    if (p.aankomst !== null && p.aankomst > instroom) return this.nieuwkomer(p.aankomst, spoor);
    return this.startSpoor(spoor, instroom);
  }

  private startSpoor(spoor: Spoor, vanaf: Dag): Toestand {
    if (spoor === 'pro') return { fase: 'pro', vanaf, leerjaar: 1, school: this.kiesVoSchool('pro') };
    if (spoor === 'vso') return { fase: 'vso', vanaf };
    if (spoor === 'internationaal') return { fase: 'int', vanaf, leerjaar: 1, school: this.kiesVoSchool('vwo') };
    return { fase: 'vo', vanaf, spoor, leerjaar: 1, brug: this.r.kans(VO.brugjaar), school: this.kiesVoSchool(aanbodVan(spoor)), nieuwkomer: false };
  }

  /** Arrived from abroad during the vo years: a first year as newcomer (ISK), then the regular track. */
  private nieuwkomer(aankomst: Dag, spoorBijGeboorte: Spoor): Toestand {
    const start = aankomst + this.r.geheel(14, 60);
    const l = leeftijd(this.p.geboren, start);
    if (l >= 18) return { fase: 'klaar', vanaf: start };
    const spoor: VoSpoor = spoorBijGeboorte === 'havo' || spoorBijGeboorte === 'vwo'
      ? (this.r.kans(0.5) ? 'havo' : 'vmbo-tl')
      : this.r.kans(0.5) ? 'vmbo-kb' : 'vmbo-tl';
    const leerjaar = Math.max(1, Math.min(VO_DUUR[spoor] - 1, l - 11));
    return { fase: 'vo', vanaf: start, spoor, leerjaar, brug: false, school: this.kiesVoSchool(aanbodVan(spoor)), nieuwkomer: true };
  }

  // ---------------------------------------------------------------------------------- per year

  private stap(jaar: number): void {
    const t = this.toestand;
    if (t.vanaf > schooljaarEinde(jaar)) return;
    switch (t.fase) {
      case 'vo': return this.jaarVo(jaar, t);
      case 'mbo': return this.jaarMbo(jaar, t);
      case 'vavo': return this.jaarVavo(jaar, t);
      case 'ho': return this.ho(t.vanaf);
      case 'pro': return this.jaarPro(jaar, t);
      case 'vso': return this.vso(t.vanaf);
      case 'int': return this.jaarInternationaal(jaar, t);
      case 'uit': return this.jaarUit(jaar, t);
      case 'buitenland': return this.jaarBuitenland(jaar, t);
      case 'klaar': return;
    }
  }

  private jaarVo(jaar: number, t: Extract<Toestand, { fase: 'vo' }>): void {
    const r = this.r;
    const begin = Math.max(schooljaarBegin(jaar), t.vanaf);
    // A pupil who moved to another region changes school at the start of the year.
    let school = t.school;
    if (school.rmc !== this.woon.rmc || !school[aanbodVan(t.spoor)]) school = this.kiesVoSchool(aanbodVan(t.spoor));
    const type = t.brug ? 'vo-brugjaar' : t.spoor;
    this.zetInschrijving(voKenmerken(school, type, t.leerjaar, t.nieuwkomer), begin);
    const eind = schooljaarEinde(jaar);
    const l = leeftijd(this.p.geboren, teldatum(jaar));

    if (t.nieuwkomer) {
      if (r.kans(UITSLUITINGEN.nieuwkomerVertrekt)) return this.valtUit(this.uitvalDatum(jaar, begin), 'vo', false);
      // The newcomer year lasts about twelve months; then the same leerjaar without the mark.
      const tot = begin > dagVan(jaar + 1, 4, 1) ? schooljaarEinde(jaar + 1) : eind;
      this.huidig!.eind = tot;
      this.huidig = null;
      const volgend = l >= 16 ? this.startMbo(r.kans(0.5) ? 1 : 2, tot + 1) : { ...t, school, nieuwkomer: false, vanaf: tot + 1 };
      this.toestand = volgend;
      return;
    }

    const categorie = voCategorie(t.spoor, t.leerjaar, t.brug);
    if (this.uitsluiting(jaar, 'vo', begin)) return;
    const d = this.uitvalDatum(jaar, begin);
    const p = UITVAL.vo[categorie] * uitvalLeeftijdsfactor('vo', l) * this.factoren('vo', this.telJaar(jaar, d));
    if (r.kans(p)) return this.valtUit(d, 'vo', true);

    const laatste = t.leerjaar >= VO_DUUR[t.spoor];
    // Switch to mbo during the upper years: a new enrolment follows, so not a dropout.
    const bovenbouw = categorie !== 'onderbouw';
    const overstap = t.spoor === 'havo' || t.spoor === 'vwo' ? VO.overstapNaarMbo.havo : VO.overstapNaarMbo.vmbo;
    if (bovenbouw && l >= 16 && r.kans(overstap)) {
      const dagOverstap = r.kans(0.6) ? eind : begin + r.geheel(60, 250);
      this.beeindig(dagOverstap);
      const havoVwo = t.spoor === 'havo' || t.spoor === 'vwo';
      const niveau = havoVwo ? 4 : this.vmboDiploma ? 2 : r.kans(0.6) ? 1 : 2;
      const start = dagOverstap === eind ? eind + 1 : dagOverstap + r.geheel(1, 30);
      this.toestand = havoVwo && l >= 17 && r.kans(VO.overstapVavo)
        ? { fase: 'vavo', vanaf: start, doel: t.spoor as 'havo' | 'vwo', jaren: 0 }
        : this.startMbo(niveau, start);
      return this.stap(jaar);
    }

    if (!laatste) {
      let { spoor, leerjaar, brug } = t;
      if (r.kans(t.leerjaar <= 2 ? VO.zittenblijven.onderbouw : VO.zittenblijven.bovenbouw)) {
        // repeats the year: same leerjaar, so the enrolment continues (levering.md)
        this.toestand = { ...t, school, vanaf: eind + 1 };
        return;
      }
      this.beeindig(eind);
      const afstroom = t.leerjaar <= 3 ? VO.afstromen[spoor as keyof typeof VO.afstromen] : undefined;
      if (afstroom !== undefined && r.kans(afstroom)) spoor = spoor === 'vwo' ? 'havo' : spoor === 'havo' ? 'vmbo-tl' : 'vmbo-kb';
      leerjaar += 1;
      brug = brug && leerjaar === 2 && r.kans(VO.tweedeBrugjaar);
      if (leerjaar > VO_DUUR[spoor]) leerjaar = VO_DUUR[spoor];
      const nieuweSchool = school[aanbodVan(spoor)] ? school : this.kiesVoSchool(aanbodVan(spoor));
      this.toestand = { fase: 'vo', vanaf: eind + 1, spoor, leerjaar, brug, school: nieuweSchool, nieuwkomer: false };
      return;
    }

    // The exam year. In 2019-2020 (covid) the central exams were cancelled: far fewer failed.
    const soort = t.spoor.startsWith('vmbo') ? 'vmbo' : (t.spoor as 'havo' | 'vwo');
    const coronajaar = jaar === 2019;
    const gezakt = r.kans(coronajaar ? VO.gezakt[soort] * 0.3 : VO.gezakt[soort]);
    // Leaving after a failed exam is a dropout too: it carries the same factors.
    const weg = 1 - VO.naZakken.overdoen - VO.naZakken.vavo - VO.naZakken.mbo;
    const na = !gezakt ? null : r.kans(this.vertrekKans(weg, 'vo', l, jaar)) ? 'weg' : kiesUit(r, { overdoen: VO.naZakken.overdoen, vavo: VO.naZakken.vavo, mbo: VO.naZakken.mbo });
    if (na === 'overdoen') {
      this.toestand = { ...t, school, vanaf: eind + 1 };
      return;
    }
    this.beeindig(eind);
    if (!gezakt) {
      const datum = dagVan(jaar + 1, 6, 1) + r.geheel(10, 40);
      this.diploma(t.spoor, datum, school.brin);
      return this.naVoDiploma(jaar, t.spoor, eind + 1, school);
    }
    if (na === 'vavo' && soort !== 'vmbo') {
      this.toestand = { fase: 'vavo', vanaf: eind + 1, doel: soort, jaren: 0 };
    } else if (na === 'mbo' || na === 'vavo') {
      this.toestand = this.startMbo(soort === 'vmbo' ? (r.kans(0.6) ? 1 : 2) : 4, eind + 1);
    } else {
      this.valtUit(eind, 'vo', false);
    }
  }

  private naVoDiploma(jaar: number, spoor: VoSpoor, vanaf: Dag, school: VoLocatie): void {
    const r = this.r;
    if (spoor === 'havo' || spoor === 'vwo') {
      this.heeftStartkwalificatie = true;
      const tabel: Record<string, number> = spoor === 'havo'
        ? { ...NA_HAVO, klaar: 1 - NA_HAVO.ho - NA_HAVO['mbo-4'] - NA_HAVO.vwo }
        : { ...NA_VWO, klaar: 1 - NA_VWO.ho };
      const keuze = kiesUit(r, tabel);
      if (keuze === 'ho') this.toestand = { fase: 'ho', vanaf: vanaf + (r.kans(0.7) ? 31 : 0) };
      else if (keuze === 'mbo-4') this.toestand = this.startMbo(4, vanaf);
      else if (keuze === 'vwo') this.toestand = { fase: 'vo', vanaf, spoor: 'vwo', leerjaar: 5, brug: false, school: school.vwo ? school : this.kiesVoSchool('vwo'), nieuwkomer: false };
      else this.klaar(vanaf, true);
      return;
    }
    this.vmboDiploma = true;
    // No further education after vmbo: a vsv'er of the vo (vmbo is no startkwalificatie).
    const d = vanaf + r.geheel(0, 60);
    if (r.kans(UITVAL.vmboGeenVervolg * this.factoren('vo', jaar))) return this.valtUit(vanaf - 1, 'vo', false, d);
    const keuze = kiesUit(r, NA_VMBO[spoor as keyof typeof NA_VMBO]);
    if (keuze === 'havo') {
      this.toestand = { fase: 'vo', vanaf, spoor: 'havo', leerjaar: 4, brug: false, school: school.havo ? school : this.kiesVoSchool('havo'), nieuwkomer: false };
      return;
    }
    this.toestand = this.startMbo(Number(keuze.slice(4)), vanaf);
  }

  // ---------------------------------------------------------------------------------- mbo

  private startMbo(niveau: number, vanaf: Dag, leerweg?: 'bol' | 'bbl'): Mbo {
    const r = this.r;
    const l = leeftijd(this.p.geboren, vanaf);
    const weg = leerweg ?? (r.kans(Math.min(0.9, MBO_BBL[niveau]! * bblLeeftijdsfactor(l))) ? 'bbl' : 'bol');
    const duur = r.kies(MBO_DUUR[niveau]!);
    const i = this.w.instellingen;
    let inst: Instelling;
    let programma: number;
    if (r.kans(MBO.aoc)) {
      inst = i.aoc[this.woon.index]!.trek(r);
      programma = 100 + r.geheel(0, 29);
    } else if (r.kans(MBO.vakinstelling)) {
      inst = i.vak[this.woon.index]!.trek(r);
      programma = 200 + r.geheel(0, 19);
    } else {
      const hier = i.rocInGemeente[this.woon.index];
      inst = hier && r.kans(MBO.rocInEigenGemeente) ? hier.trek(r) : i.rocPerRegio.get(this.woon.rmc)!.trek(r);
      programma = r.geheel(0, 59);
    }
    if (weg === 'bbl') this.baan(vanaf, vanaf + duur * 365 + r.geheel(0, 120), r.geheel(48, 76) / 2);
    return { fase: 'mbo', vanaf, niveau, leerweg: weg, leerjaar: 1, duur, inst, crebo: String(90000 + niveau * 1000 + programma) };
  }

  private jaarMbo(jaar: number, t: Mbo): void {
    const r = this.r;
    const begin = Math.max(schooljaarBegin(jaar), t.vanaf);
    const eind = schooljaarEinde(jaar);
    this.zetInschrijving({
      brin: t.inst.brin, vestiging: t.inst.vestiging, onderwijstype: 'mbo', leerjaar: t.leerjaar, niveau: t.niveau,
      leerweg: t.leerweg, crebo: t.crebo, nieuwkomer: false,
    }, begin);
    const l = leeftijd(this.p.geboren, teldatum(jaar));
    if (this.uitsluiting(jaar, 'mbo', begin)) return;
    const d = this.uitvalDatum(jaar, begin);
    const p = UITVAL.mbo[t.leerweg][t.niveau]! * uitvalLeeftijdsfactor('mbo', l) * this.factoren('mbo', this.telJaar(jaar, d));
    if (r.kans(p)) return this.valtUit(d, 'mbo', true);

    if (r.kans(MBO.overstap) && begin < dagVan(jaar + 1, 3, 1)) {
      // Another programme, the same or one level lower, after a short gap.
      const dagOverstap = begin + r.geheel(30, 180);
      this.beeindig(dagOverstap);
      const niveau = r.kans(0.6) ? t.niveau : Math.max(1, t.niveau - 1);
      const nieuw = this.startMbo(niveau, dagOverstap + r.geheel(1, 45), t.leerweg);
      this.toestand = nieuw;
      this.jaarMbo(jaar, nieuw);
      return;
    }

    const halfjaar = begin >= dagVan(jaar + 1, 1, 1);
    if (t.leerjaar < t.duur || halfjaar) {
      if (halfjaar || r.kans(MBO.zittenblijven)) {
        this.toestand = { ...t, vanaf: eind + 1 };
        return; // same leerjaar: the enrolment continues
      }
      this.beeindig(eind);
      this.toestand = { ...t, leerjaar: t.leerjaar + 1, vanaf: eind + 1 };
      return;
    }

    // The final year.
    if (!r.kans(MBO.geslaagd[t.niveau]!)) {
      if (!r.kans(this.vertrekKans(1 - MBO.naZakkenOverdoen, 'mbo', l, jaar))) {
        this.toestand = { ...t, vanaf: eind + 1 };
        return;
      }
      return this.valtUit(eind - r.geheel(0, 30), 'mbo', false);
    }
    // Not continuing after entree (no startkwalificatie) is leaving too: same factors.
    const doorstroom = t.niveau === 1
      ? !r.kans(this.vertrekKans(1 - MBO.doorstroom[1]!, 'mbo', l, jaar))
      : r.kans(MBO.doorstroom[t.niveau]!);
    const soort = `mbo-${t.niveau}`;
    if (!doorstroom && t.niveau >= 2 && r.kans(UITSLUITINGEN.verlateDiploma)) {
      // Enrolment ended in summer; the diploma follows after T1 but before 1 January.
      this.beeindig(eind);
      this.diploma(soort, dagVan(jaar + 1, 10, 2) + r.geheel(0, 90), t.inst.brin);
      return this.klaar(eind + 1, true);
    }
    const u = r.getal();
    let datum: Dag;
    if (u < 0.65) datum = dagVan(jaar + 1, 6, 1) + r.geheel(0, 49);
    else if (u < 0.77) datum = dagVan(jaar + 1, 1, 15) + r.geheel(0, 75);
    else if (u < 0.87) datum = dagVan(jaar + 1, 4, 1) + r.geheel(0, 60);
    else datum = dagVan(jaar + 1, 8, 1) + r.geheel(0, 140); // after the summer: the enrolment runs on
    if (datum > eind) {
      this.beeindig(eind);
      this.zetInschrijving({
        brin: t.inst.brin, vestiging: t.inst.vestiging, onderwijstype: 'mbo', leerjaar: Math.min(6, t.leerjaar + 1), niveau: t.niveau,
        leerweg: t.leerweg, crebo: t.crebo, nieuwkomer: false,
      }, eind + 1);
    }
    this.beeindig(Math.max(datum, this.huidig?.begin ?? datum));
    this.diploma(soort, datum, t.inst.brin);
    this.hoogsteMbo = Math.max(this.hoogsteMbo, t.niveau);
    if (t.niveau >= 2) this.heeftStartkwalificatie = true;
    const volgende = datum <= eind ? eind + 1 : dagVan(jaar + 2, 2, 1);
    if (doorstroom) {
      this.toestand = t.niveau === 4 ? { fase: 'ho', vanaf: volgende + 31 } : this.startMbo(t.niveau + 1, volgende);
      return;
    }
    if (t.niveau >= 2) return this.klaar(datum + 1, true);
    // Entree diploma, no further education: with a job of 12+ hours not counted (mbo1-werk).
    if (r.kans(MBO.entreeMetWerk)) {
      this.baan(datum + r.geheel(1, 60), null, r.geheel(12, 38));
      this.toestand = { fase: 'uit', vanaf: datum + 1, terugVanaf: DAG_NA_T1(this.telJaar(jaar, datum)), jaren: 0 };
      return;
    }
    this.valtUit(datum, 'mbo', false, datum + 1);
  }

  // ---------------------------------------------------------------------------------- other education

  private jaarVavo(jaar: number, t: Extract<Toestand, { fase: 'vavo' }>): void {
    const r = this.r;
    const begin = Math.max(schooljaarBegin(jaar), t.vanaf);
    const eind = schooljaarEinde(jaar);
    const inst = t.inst ?? this.w.instellingen.vavoPerRegio.get(this.woon.rmc)!.trek(r);
    this.zetInschrijving({ brin: inst.brin, vestiging: inst.vestiging, onderwijstype: 'vavo', leerjaar: null, niveau: null, leerweg: null, crebo: null, nieuwkomer: false }, begin);
    if (this.uitsluiting(jaar, 'vo', begin)) return;
    const d = this.uitvalDatum(jaar, begin);
    const l = leeftijd(this.p.geboren, teldatum(jaar));
    if (r.kans(UITVAL.vavo * uitvalLeeftijdsfactor('vavo', l) * this.factoren('mbo', this.telJaar(jaar, d)))) return this.valtUit(d, 'vavo', true);
    this.beeindig(eind);
    if (r.kans(0.62)) {
      this.diploma(t.doel, dagVan(jaar + 1, 6, 10) + r.geheel(0, 30), inst.brin);
      this.heeftStartkwalificatie = true;
      if (r.kans(0.7)) this.toestand = { fase: 'ho', vanaf: eind + 32 };
      else this.klaar(eind + 1, true);
      return;
    }
    if (r.kans(this.vertrekKans(0.3, 'vavo', l, jaar))) this.valtUit(eind, 'vavo', false);
    else if (t.jaren === 0 && r.kans(0.5)) this.toestand = { ...t, vanaf: eind + 1, jaren: 1, inst };
    else this.toestand = this.startMbo(4, eind + 1);
  }

  /** Higher education, decided in one go: it never matters for the count beyond "enrolled". */
  private ho(vanaf: Dag): void {
    const r = this.r;
    let start = vanaf;
    for (let poging = 0; poging < 3; poging += 1) {
      const gemeente = this.woon.index;
      const inst = (r.kans(0.4) ? this.w.instellingen.wo[gemeente]! : this.w.instellingen.hbo[gemeente]!).trek(r);
      this.zetInschrijving({ brin: inst.brin, vestiging: inst.vestiging, onderwijstype: 'ho', leerjaar: null, niveau: null, leerweg: null, crebo: null, nieuwkomer: false }, start);
      const jaarStart = this.jaarVan(start);
      if (r.kans(0.68)) {
        const jaren = r.kans(0.6) ? 4 : 5;
        const datum = dagVan(jaarStart + jaren, 6, 15) + r.geheel(0, 70);
        this.beeindig(datum + r.geheel(0, 30));
        this.diploma('ho', datum, inst.brin);
        this.heeftStartkwalificatie = true;
        return this.klaar(datum + 31, true);
      }
      const stop = dagVan(jaarStart + 1 + (r.kans(0.25) ? 1 : 0), 1, 31) + r.geheel(0, 180);
      this.beeindig(stop);
      if (r.kans(0.45)) {
        start = schooljaarBegin(this.jaarVan(stop) + (stop > dagVan(this.jaarVan(stop), 7, 31) ? 1 : 0)) + 31;
        continue;
      }
      if (r.kans(0.25)) {
        this.toestand = this.startMbo(4, schooljaarBegin(this.jaarVan(stop) + 1));
        return;
      }
      return this.klaar(stop + 1, this.heeftStartkwalificatie);
    }
    this.klaar(start, this.heeftStartkwalificatie);
  }

  private jaarPro(jaar: number, t: Extract<Toestand, { fase: 'pro' }>): void {
    const r = this.r;
    const begin = Math.max(schooljaarBegin(jaar), t.vanaf);
    const eind = schooljaarEinde(jaar);
    this.zetInschrijving(voKenmerken(t.school, 'pro', t.leerjaar), begin);
    this.beeindig(eind);
    const l = leeftijd(this.p.geboren, eind);
    if (t.leerjaar < 5 && !(l >= 17 && r.kans(0.5))) {
      this.toestand = { ...t, leerjaar: t.leerjaar + 1, vanaf: eind + 1 };
      return;
    }
    const u = r.getal();
    if (u < 0.3) this.toestand = this.startMbo(1, eind + 1);
    else if (u < 0.38) this.toestand = this.startMbo(2, eind + 1, 'bbl');
    else {
      if (r.kans(0.55)) this.baan(eind + r.geheel(1, 90), null, r.geheel(16, 38));
      this.klaar(eind + 1, false);
    }
  }

  /** vso: one enrolment from the start until leaving at 16–19. */
  private vso(vanaf: Dag): void {
    const r = this.r;
    const locatie = this.kiesVoSchool('vso');
    this.zetInschrijving(voKenmerken(locatie, 'vso', null), vanaf);
    const jaar = this.jaarVan(vanaf) + r.geheel(4, 7);
    const eind = schooljaarEinde(jaar);
    this.beeindig(eind);
    const u = r.getal();
    if (u < 0.12) this.toestand = this.startMbo(1, eind + 1);
    else if (u < 0.18) this.toestand = this.startMbo(2, eind + 1);
    else {
      if (u < 0.26) this.vrijstellingen.push({ grond: '5a', vanaf: eind + 1, tot: null });
      this.klaar(eind + 1, false);
    }
  }

  private jaarInternationaal(jaar: number, t: Extract<Toestand, { fase: 'int' }>): void {
    const r = this.r;
    const begin = Math.max(schooljaarBegin(jaar), t.vanaf);
    const eind = schooljaarEinde(jaar);
    this.zetInschrijving(voKenmerken(t.school, t.leerjaar <= 4 ? 'vo-engelse-stroom' : 'vo-ib', t.leerjaar), begin);
    this.beeindig(eind);
    if (t.leerjaar < 6) {
      this.toestand = { ...t, leerjaar: t.leerjaar + 1, vanaf: eind + 1 };
      return;
    }
    // The IB diploma is registered as a vwo-level diploma.
    this.diploma('vwo', dagVan(jaar + 1, 7, 5) + r.geheel(0, 5), t.school.brin);
    this.heeftStartkwalificatie = true;
    if (r.kans(0.3)) this.emigreer(eind + r.geheel(1, 40), false);
    else this.toestand = { fase: 'ho', vanaf: eind + 32 };
  }

  /** Out without startkwalificatie: some come back after T1 of the year they left. */
  private jaarUit(jaar: number, t: Extract<Toestand, { fase: 'uit' }>): void {
    const r = this.r;
    const l = leeftijd(this.p.geboren, schooljaarBegin(jaar));
    const jaren = t.jaren + 1;
    if (!r.kans(terugkeerKans(l, jaren))) {
      this.toestand = { ...t, jaren, vanaf: schooljaarEinde(jaar) + 1 };
      return;
    }
    const aug = schooljaarBegin(jaar);
    const feb = dagVan(jaar + 1, 2, 1);
    const start = aug >= t.terugVanaf && r.kans(0.6) ? aug : feb >= t.terugVanaf ? feb : null;
    if (start === null) {
      this.toestand = { ...t, jaren, vanaf: schooljaarEinde(jaar) + 1 };
      return;
    }
    const niveau = this.hoogsteMbo >= 1 || this.vmboDiploma ? Math.min(3, Math.max(2, this.hoogsteMbo + (r.kans(0.3) ? 0 : 1))) : r.kans(0.55) ? 1 : 2;
    this.toestand = this.startMbo(niveau, start, l >= 20 && r.kans(0.5) ? 'bbl' : undefined);
    if (this.toestand.vanaf <= schooljaarEinde(jaar)) this.stap(jaar);
  }

  private jaarBuitenland(jaar: number, t: Extract<Toestand, { fase: 'buitenland' }>): void {
    if (t.terug === null || t.terug > schooljaarEinde(jaar)) {
      this.toestand = { ...t, vanaf: schooljaarEinde(jaar) + 1 };
      return;
    }
    const r = this.r;
    this.gebeurtenissen.push({ soort: 'immigratie', datum: t.terug });
    this.woon = this.w.woonplaats.trek(r);
    this.verblijf.push({ gemeente: this.woon, pc4: this.woon.pc4.trek(r), vanaf: t.terug, tot: null });
    const l = leeftijd(this.p.geboren, t.terug);
    if (l < 21 && !this.heeftStartkwalificatie && r.kans(0.5)) {
      this.toestand = this.startMbo(r.kans(0.5) ? 2 : 3, schooljaarBegin(jaar + 1));
    } else {
      this.klaar(t.terug, this.heeftStartkwalificatie);
    }
  }

  // ---------------------------------------------------------------------------------- leaving

  /**
   * Leaving education without a startkwalificatie. `telt` marks a dropout drawn from the
   * dropout probabilities; work and a later return (after T1 of the count year) may follow.
   */
  private valtUit(d: Dag, _sector: 'vo' | 'mbo' | 'vavo', _telt: boolean, vertrek?: Dag): void {
    const r = this.r;
    if (this.huidig) this.beeindig(Math.max(d, this.huidig.begin));
    const jaar = this.telJaar(this.jaarVan(d), d);
    if (r.kans(WERK.zonder)) this.baan((vertrek ?? d) + r.geheel(7, 150), null, r.geheel(6, 40));
    this.toestand = { fase: 'uit', vanaf: d + 1, terugVanaf: DAG_NA_T1(jaar), jaren: 0 };
  }

  private klaar(vanaf: Dag, metStartkwalificatie: boolean): void {
    const r = this.r;
    if (metStartkwalificatie && r.kans(WERK.metStartkwalificatie)) this.baan(vanaf + r.geheel(0, 120), null, r.geheel(20, 40));
    this.toestand = { fase: 'klaar', vanaf };
  }

  /**
   * The exits that the count does not count (telling.md): non-funded education, an
   * exemption, custody, defence or police training. Returns true when one happened.
   */
  private uitsluiting(jaar: number, sector: 'vo' | 'mbo', begin: Dag): boolean {
    const r = this.r;
    const u = UITSLUITINGEN;
    const l = leeftijd(this.p.geboren, teldatum(jaar));
    const pNb = u.nietBekostigd[sector];
    const pVrij = u.vrijstelling[sector];
    const pDji = (this.p.geslacht === 'M' ? u.dji.M : u.dji.V) * (l >= 15 ? 1 : 0.1);
    const pDef = l >= 17 ? u.defensiePolitie : 0;
    const x = r.getal();
    if (x >= pNb + pVrij + pDji + pDef) return false;
    const d = this.uitvalDatum(jaar, begin);
    const t1 = teldatum(this.telJaar(jaar, d) + 1);
    this.beeindig(Math.max(d, this.huidig?.begin ?? d));
    if (x < pNb) {
      const lijst = sector === 'vo' ? this.w.instellingen.nbVo : this.w.instellingen.nbMbo;
      const inst = lijst[this.woon.index]!.trek(r);
      this.zetInschrijving({ brin: inst.brin, vestiging: inst.vestiging, onderwijstype: sector === 'vo' ? 'nb-vo' : 'nb-mbo', leerjaar: null, niveau: null, leerweg: null, crebo: null, nieuwkomer: false }, d + 1);
      const eindNb = Math.max(t1 + 30, schooljaarEinde(this.jaarVan(t1) + r.geheel(0, 2)));
      this.beeindig(eindNb);
      this.klaar(eindNb + 1, false);
    } else if (x < pNb + pVrij) {
      const grond = kiesUit(r, { '5a': 0.7, '5c': 0.14, '5b': 0.05, '15': 0.11 });
      this.vrijstellingen.push({ grond, vanaf: d + 1, tot: r.kans(0.6) ? null : t1 + r.geheel(30, 700) });
      this.toestand = { fase: 'klaar', vanaf: d + 1 };
    } else if (x < pNb + pVrij + pDji) {
      const inst = this.w.instellingen.dji[this.woon.index]!.trek(r);
      this.zetInschrijving({ brin: inst.brin, vestiging: inst.vestiging, onderwijstype: 'dji', leerjaar: null, niveau: null, leerweg: null, crebo: null, nieuwkomer: false }, d + 1);
      const vrij = Math.max(t1 + r.geheel(5, 200), d + r.geheel(90, 500));
      this.beeindig(vrij);
      this.toestand = { fase: 'uit', vanaf: vrij + 1, terugVanaf: vrij + 1, jaren: 0 };
    } else {
      const defensie = r.kans(0.7);
      const inst = defensie ? r.kies(this.w.instellingen.defensie) : this.w.instellingen.politie;
      const start = Math.min(t1 - 1, d + r.geheel(20, 90));
      this.zetInschrijving({ brin: inst.brin, vestiging: inst.vestiging, onderwijstype: defensie ? 'defensie' : 'politie', leerjaar: null, niveau: null, leerweg: null, crebo: null, nieuwkomer: false }, start);
      const eindOpleiding = t1 + r.geheel(60, 700);
      this.beeindig(eindOpleiding);
      this.klaar(eindOpleiding + 1, false);
    }
    return true;
  }

  // ---------------------------------------------------------------------------------- life events

  private leefgebeurtenissen(jaar: number): void {
    const r = this.r;
    const begin = schooljaarBegin(jaar);
    const binnen = (d: Dag) => d >= (this.p.aankomst ?? this.p.geboren) && d > this.laatsteVerblijf().vanaf;
    const l = leeftijd(this.p.geboren, begin);
    if (this.toestand.fase === 'buitenland' || l < 11) return;
    if (r.kans(LEVEN.sterfte)) {
      const d = begin + r.geheel(0, 364);
      if (binnen(d)) {
        this.gebeurtenissen.push({ soort: 'overlijden', datum: d });
        this.kapAf(d, false);
        this.einde = d;
        return;
      }
    }
    if (r.kans(LEVEN.emigratie[l < 18 ? 0 : 1])) {
      const d = begin + r.geheel(0, 364);
      if (binnen(d)) return this.emigreer(d, true);
    }
    if (r.kans(LEVEN.verhuizing[l < 18 ? 0 : 1])) {
      const d = begin + r.geheel(0, 364);
      if (!binnen(d)) return;
      const regio = this.w.gemeentenPerRmc.get(this.woon.rmc)!;
      let nieuw = r.kans(LEVEN.verhuizingInRegio) ? r.kies(regio) : this.w.woonplaats.trek(r);
      if (nieuw === this.woon) nieuw = this.w.woonplaats.trek(r);
      if (nieuw === this.woon) return;
      this.laatsteVerblijf().tot = d - 1;
      this.woon = nieuw;
      this.verblijf.push({ gemeente: nieuw, pc4: nieuw.pc4.trek(r), vanaf: d, tot: null });
    }
  }

  private emigreer(d: Dag, kanTerug: boolean): void {
    const r = this.r;
    this.gebeurtenissen.push({ soort: 'emigratie', datum: d });
    this.kapAf(d - 1, false);
    const terug = kanTerug && r.kans(LEVEN.terugkeer) ? d + r.geheel(200, 1100) : null;
    this.toestand = { fase: 'buitenland', vanaf: d, terug };
  }

  /** Ends everything that runs past `d` (death, emigration, the end of the delivery). */
  private kapAf(d: Dag, leverEinde: boolean): void {
    const open = (x: Dag | null) => (leverEinde ? (x !== null && x > d ? null : x) : x === null || x > d ? d : x);
    const filter = <T>(rijen: T[], begin: (x: T) => Dag) => {
      for (let i = rijen.length - 1; i >= 0; i -= 1) if (begin(rijen[i]!) > d) rijen.splice(i, 1);
    };
    filter(this.inschrijvingen, (x) => x.begin);
    for (const x of this.inschrijvingen) x.eind = open(x.eind);
    if (this.huidig && !this.inschrijvingen.includes(this.huidig)) this.huidig = null;
    if (!leverEinde) this.huidig = null;
    filter(this.diplomas, (x) => x.datum);
    filter(this.verblijf, (x) => x.vanaf);
    for (const x of this.verblijf) x.tot = open(x.tot);
    filter(this.werk, (x) => x.vanaf);
    for (const x of this.werk) x.tot = open(x.tot);
    filter(this.vrijstellingen, (x) => x.vanaf);
    for (const x of this.vrijstellingen) x.tot = open(x.tot);
    if (leverEinde) filter(this.gebeurtenissen, (x) => x.datum);
  }

  // ---------------------------------------------------------------------------------- helpers

  private zetInschrijving(k: Kenmerken, begin: Dag): void {
    const h = this.huidig;
    if (h && zelfdeKenmerken(h, k)) return;
    if (h) this.beeindig(Math.max(h.begin, begin - 1));
    this.volgnummer += 1;
    const ins = new InschrijvingRij(`${this.p.id}-${this.volgnummer}`, k, begin);
    this.inschrijvingen.push(ins);
    this.huidig = ins;
  }

  private beeindig(eind: Dag): void {
    if (!this.huidig) return;
    this.huidig.eind = Math.max(eind, this.huidig.begin);
    this.huidig = null;
  }

  private diploma(soort: string, datum: Dag, brin: string | null): void {
    while (this.diplomas.some((x) => x.soort === soort && x.datum === datum)) datum += 1;
    this.diplomas.push({ soort, datum, brin });
  }

  private baan(vanaf: Dag, tot: Dag | null, uren: number): void {
    while (this.werk.some((x) => x.vanaf === vanaf)) vanaf += 1;
    const einde = tot ?? (this.r.kans(WERK.banenEinde) ? vanaf + this.r.geheel(120, 900) : null);
    this.werk.push({ vanaf, tot: einde, uren });
  }

  private laatsteVerblijf(): VerblijfRij {
    return this.verblijf[this.verblijf.length - 1]!;
  }

  private kiesVoSchool(aanbod: VoAanbod): VoLocatie {
    const r = this.r;
    const hier = this.w.voInGemeente[this.woon.index]![aanbod];
    if (hier && r.kans(VO.schoolInEigenGemeente)) return hier.trek(r);
    return (this.w.voInRegio.get(this.woon.rmc)?.[aanbod] ?? this.w.voLandelijk[aanbod]).trek(r);
  }

  /** A probability of leaving without startkwalificatie, with the age and other factors of dropout. */
  private vertrekKans(basis: number, sector: 'vo' | 'mbo' | 'vavo', l: number, jaar: number): number {
    return Math.min(0.95, basis * uitvalLeeftijdsfactor(sector, l) * this.factoren(sector === 'vo' ? 'vo' : 'mbo', jaar));
  }

  /** Region, sex, personal risk and year: the multipliers every dropout probability carries. */
  private factoren(sector: 'vo' | 'mbo', telJaar: number): number {
    return this.woon.risico * this.geslachtsfactor * this.risico * jaarfactor(sector, telJaar);
  }

  /** A day in school year `jaar` on which a dropout leaves, by the month pattern, not before `begin`. */
  private uitvalDatum(jaar: number, begin: Dag): Dag {
    const r = this.r;
    let x = r.getal() * UITVALMAANDEN_TOTAAL;
    let maand = 0;
    while (maand < 11 && x >= UITVALMAANDEN[maand]!) x -= UITVALMAANDEN[maand++]!;
    const kalenderMaand = ((maand + 7) % 12) + 1;
    const kalenderJaar = maand < 5 ? jaar : jaar + 1;
    const d = dagVan(kalenderJaar, kalenderMaand, 1) + r.geheel(0, 27);
    return Math.max(d, begin);
  }

  /** The count year a day belongs to: from T0 (1 October) to the day before the next T0. */
  private telJaar(jaar: number, d: Dag): number {
    return d < teldatum(jaar) ? jaar - 1 : d >= teldatum(jaar + 1) ? jaar + 1 : jaar;
  }

  /** The school year (1 August – 31 July) a day falls in. */
  private jaarVan(d: Dag): number {
    const x = jmd(d);
    const jaar = Math.floor(x / 10000);
    return x % 10000 < 801 ? jaar - 1 : jaar;
  }
}

const UITVALMAANDEN_TOTAAL = UITVALMAANDEN.reduce((s, x) => s + x, 0);

function aanbodVan(spoor: VoSpoor): VoAanbod {
  if (spoor === 'vmbo-tl') return 'mavo';
  if (spoor === 'havo' || spoor === 'vwo') return spoor;
  return 'vbo';
}

function voCategorie(spoor: VoSpoor, leerjaar: number, brug: boolean): Categorie {
  if (brug) return 'onderbouw';
  if (spoor === 'havo' || spoor === 'vwo') return leerjaar <= 3 ? 'onderbouw' : 'bovenbouw-havo-vwo';
  return leerjaar <= 2 ? 'onderbouw' : 'bovenbouw-vmbo';
}

function voKenmerken(school: VoLocatie, onderwijstype: string, leerjaar: number | null, nieuwkomer = false): Kenmerken {
  return { brin: school.brin, vestiging: school.vestiging, onderwijstype, leerjaar, niveau: null, leerweg: null, crebo: null, nieuwkomer };
}

function zelfdeKenmerken(a: Kenmerken, b: Kenmerken): boolean {
  return a.brin === b.brin && a.vestiging === b.vestiging && a.onderwijstype === b.onderwijstype && a.leerjaar === b.leerjaar
    && a.niveau === b.niveau && a.leerweg === b.leerweg && a.crebo === b.crebo && a.nieuwkomer === b.nieuwkomer;
}
