import { beforeAll, expect, it } from 'vitest';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { MELDINGVELDEN } from '../../src/domain/verzuim/melding.js';
import { VERZUIMVELDEN_SCHOOL } from '../../src/domain/verzuim/zicht.js';
import { maakMachineclient } from '../../src/toegang/accounts.js';
import { describeDatabases } from '../support/database.js';
import { TESTGEBRUIKERS, alsGebruiker } from '../support/toegang.js';
import { apiomgeving } from './omgeving.js';

/**
 * The absence routes (issue 10 items 1–4) on the test delivery: school 20BB (ROC Midden in
 * Utrecht, holiday region midden), its pupils living in GM0344 (region 19). A school finds its
 * pupil and files by JSON and by CSV; leerplicht GM0344 sees, acts and closes; the school sees
 * status and contact person only; another municipality and the RMC region see nothing.
 */
const SCHOOL = TESTGEBRUIKERS.school;
const LEERPLICHT = TESTGEBRUIKERS.leerplicht;
const ANDERE_GEMEENTE: Gebruiker = { accountId: 't-lp-adam', weergavenaam: 'Leerplicht Amsterdam', rol: 'leerplicht', scope: { soort: 'gemeente', code: 'GM0363' }, soort: 'persoon' };
const ANDERE_SCHOOL: Gebruiker = { accountId: 't-school-10aa', weergavenaam: 'Stedelijk College', rol: 'school', scope: { soort: 'brin', code: '10AA' }, soort: 'persoon' };

/** A valid 16u4w report (2017-2018: T00251 is at 20BB from 2017-08-01, born 2001-01-15, lives in GM0344). */
const MELDING = {
  soort: '16u4w', vestiging: '00', lesplaats: 'Hoofdgebouw', meldingsdatum: '2017-09-22', startdatum: '2017-09-04', einddatum: '2017-09-20',
  verzuimDagen: 3, verzuimUren: 17, alleLessenGemist: false, vermoedelijkeReden: 'spijbelt', ondernomenActie: 'gesprek met mentor',
  gemeenteGevraagdTeHandelen: true, melderNaam: 'J. de Vries', melderFunctie: 'verzuimcoördinator', melderTelefoon: '030-1234567',
  melderEmail: 'verzuim@rocmidden.nl',
};

const CSV_VELD: Record<string, string> = { ...MELDING, verzuimDagen: '3', verzuimUren: '17', alleLessenGemist: 'nee', gemeenteGevraagdTeHandelen: 'ja' } as never;
function csvRij(over: Record<string, string>): string {
  const camel = (k: string) => k.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
  const basis: Record<string, string> = { bron: 'school', brin: '20BB', reden_niet_handelen: '', telefoon_leerling_of_ouder: '', verblijfadres: '', verblijf_gemeente_code: '' };
  return MELDINGVELDEN.map((k) => over[k] ?? basis[k] ?? CSV_VELD[camel(k)] ?? CSV_VELD[k] ?? '').join(',');
}

describeDatabases('verzuimmeldingen via de API', (driver) => {
  const api = apiomgeving(driver, { testgebruikers: true });
  const post = (g: Gebruiker, url: string, payload: object) => api.app.inject({ method: 'POST', url, headers: alsGebruiker(g), payload });
  const auditNa = async (id: number) => api.db.query<{ handeling: string; doel: string; aantal_personen: number; rol: string }>(
    'SELECT handeling, doel, aantal_personen, rol FROM audit WHERE id > $1 ORDER BY id', [id]);
  const laatsteAudit = async () => Number((await api.db.query<{ n: number }>('SELECT coalesce(max(id), 0)::int AS n FROM audit'))[0]!.n);
  let referentie = '';
  let meldingId = 0;

  beforeAll(async () => {
    await api.db.query("UPDATE persoon SET voornamen = 'Sanne', geslachtsnaam = 'Jansen' WHERE persoon_id = 'T00251'");
    await api.db.query("UPDATE persoon SET voornamen = 'Sander', geslachtsnaam = 'Jansen' WHERE persoon_id = 'T00190'"); // at 10AA, same name
  });

  it('de school vindt haar eigen leerling op naam en geboortedatum, niet die van een andere school; vastgelegd', async () => {
    const voor = await laatsteAudit();
    const r = await post(SCHOOL, '/api/v1/leerlingen/_zoek', { naam: 'jans', geboortedatum: '2001-01-15' });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.leerlingen).toHaveLength(1);
    expect(b.leerlingen[0]).toMatchObject({ voornamen: 'Sanne', geslachtsnaam: 'Jansen', geboortedatum: '2001-01-15', vestigingen: ['00'] });
    expect(r.body).not.toContain('T00251');
    referentie = b.leerlingen[0].referentie;
    expect(await auditNa(voor)).toEqual([{ handeling: 'verzuim.melden', doel: 'verzuim-melden', aantal_personen: 1, rol: 'school' }]);
    expect((await post(SCHOOL, '/api/v1/leerlingen/_zoek', { naam: 'sander', geboortedatum: '2001-01-15' })).json().leerlingen).toEqual([]);
    expect((await post(LEERPLICHT, '/api/v1/leerlingen/_zoek', { naam: 'jans', geboortedatum: '2001-01-15' })).statusCode).toBe(403);
  });

  it('een geldige melding: 201, meteen doorgestuurd; de school hoort niet waar de leerling woont', async () => {
    const r = await post(SCHOOL, '/api/v1/verzuimmeldingen', { leerlingReferentie: referentie, ...MELDING });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ status: 'in-behandeling', tijdigheid: 'tijdig', opmerkingen: [] });
    expect(r.body).not.toContain('GM0344');
    meldingId = r.json().meldingId;
  });

  it('een ongeldige melding: 400 met per veld (API-naam) de reden, niets vastgelegd', async () => {
    const [voor] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM verzuimmelding');
    const r = await post(SCHOOL, '/api/v1/verzuimmeldingen', { leerlingReferentie: referentie, ...MELDING, verzuimUren: 12, melderEmail: 'geen-adres', einddatum: undefined });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const namen = r.json().invalidParams.map((p: { name: string }) => p.name).sort();
    expect(namen).toEqual(['einddatum', 'melderEmail']);
    const onbekend = await post(SCHOOL, '/api/v1/verzuimmeldingen', { persoonId: 'T00190', ...MELDING }); // at 10AA, not 20BB
    expect(onbekend.json().invalidParams).toEqual([{ name: 'persoonId', code: 'ongeldig', reason: 'de leerling stond op de startdatum 2017-09-04 niet ingeschreven bij 20BB' }]);
    const [na] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM verzuimmelding');
    expect(na!.n).toBe(voor!.n);
    // a referentie of another school's pupil is not found, and another school's BRIN is refused by the policy
    expect((await post(ANDERE_SCHOOL, '/api/v1/verzuimmeldingen', { leerlingReferentie: referentie, ...MELDING })).json().invalidParams[0].name).toBe('leerlingReferentie');
    expect((await post(SCHOOL, '/api/v1/verzuimmeldingen', { persoonId: 'T00251', ...MELDING, brin: '10AA' })).statusCode).toBe(403);
  });

  it('CSV in bulk: geldige regels gemeld, kapotte terug met regel, kolom en reden; een verkeerde kopregel weigert alles', async () => {
    const csv = [
      MELDINGVELDEN.join(','),
      csvRij({ persoon_id: 'T00252', meldingsdatum: '2017-10-02' }), // regel 2: te laat (uiterlijk 2017-09-27)
      csvRij({ persoon_id: 'T00255', melder_email: 'x', verzuim_uren: 'veel' }), // regel 3: twee fouten
      csvRij({ persoon_id: 'T00256', brin: '10AA' }), // regel 4: andere school
    ].join('\n') + '\n';
    const r = await api.app.inject({ method: 'POST', url: '/api/v1/verzuimmeldingen/_importeren', headers: { ...alsGebruiker(SCHOOL), 'content-type': 'text/csv' }, payload: csv });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ gelezen: 3, aantalGemeld: 1, aantalGeweigerd: 2 });
    expect(b.gemeld[0]).toMatchObject({ regel: 2, tijdigheid: 'te-laat', opmerkingen: ['te laat gemeld: uiterlijk 2017-09-27 (5 schooldagen na 2017-09-20)'] });
    expect(b.geweigerd.map((g: { regel: number; kolom: string }) => [g.regel, g.kolom])).toEqual([[3, 'verzuim_uren'], [3, 'melder_email'], [4, 'brin']]);
    const kapot = await api.app.inject({ method: 'POST', url: '/api/v1/verzuimmeldingen/_importeren', headers: { ...alsGebruiker(SCHOOL), 'content-type': 'text/csv' }, payload: 'soort,persoon_id\n16u4w,T00251\n' });
    expect(kapot.statusCode).toBe(400);
    expect(kapot.json().detail).toMatch(/kolommen ontbreken/);
    const json = await post(SCHOOL, '/api/v1/verzuimmeldingen/_importeren', { csv });
    expect(json.statusCode).toBe(415);
  });

  it('leerplicht van de woongemeente ziet de meldingen met alles; een andere gemeente en de RMC-regio zien niets', async () => {
    const voor = await laatsteAudit();
    const r = await post(LEERPLICHT, '/api/v1/verzuimmeldingen/_zoek', { status: 'open' });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.paginering.totaalAantal).toBe(2);
    const m = b.meldingen.find((x: { meldingId: number }) => x.meldingId === meldingId);
    expect(m).toMatchObject({
      soort: '16u4w', gemeenteCode: 'GM0344', behandelaar: 'leerplicht', vermoedelijkeReden: 'spijbelt', teLaat: false, achterstallig: false,
      leerling: { voornamen: 'Sanne', geslachtsnaam: 'Jansen', referentie }, melder: { email: 'verzuim@rocmidden.nl' }, acties: [],
    });
    expect(b.meldingen.filter((x: { teLaat: boolean }) => x.teLaat)).toHaveLength(1);
    expect(b.tijdigheidPerSchool).toEqual([{ brin: '20BB', aantalMeldingen: 2, tijdig: 1, teLaat: 1, aandeelTeLaat: 50 }]);
    expect(await auditNa(voor)).toEqual([{ handeling: 'verzuim.lezen', doel: 'verzuimafhandeling', aantal_personen: 2, rol: 'leerplicht' }]);
    expect((await post(ANDERE_GEMEENTE, '/api/v1/verzuimmeldingen/_zoek', {})).json().paginering.totaalAantal).toBe(0);
    expect((await post(TESTGEBRUIKERS.rmc, '/api/v1/verzuimmeldingen/_zoek', {})).json().paginering.totaalAantal).toBe(0);
    expect((await post(TESTGEBRUIKERS.analist, '/api/v1/verzuimmeldingen/_zoek', {})).statusCode).toBe(403);
    expect((await post(LEERPLICHT, '/api/v1/verzuimmeldingen/_zoek', { alleenTeLaat: true })).json().paginering.totaalAantal).toBe(1);
  });

  it('leerplicht handelt af: contactpersoon, actie, afsluiten met reden en opmerking; een andere gemeente krijgt 404', async () => {
    const patch = (g: Gebruiker, payload: object, id = meldingId) => api.app.inject({ method: 'PATCH', url: `/api/v1/verzuimmeldingen/${id}`, headers: alsGebruiker(g), payload });
    expect((await patch(ANDERE_GEMEENTE, { contactpersoon: 'X' })).statusCode).toBe(404);
    expect((await patch(LEERPLICHT, { contactpersoon: 'M. Bakker' })).json()).toMatchObject({ contactpersoon: 'M. Bakker', status: 'in-behandeling' });
    const actie = await post(LEERPLICHT, `/api/v1/verzuimmeldingen/${meldingId}/acties`, { soort: 'gesprek-leerling-en-ouders', datum: '2017-09-25', toelichting: 'moeder zorgen over pesten' });
    expect(actie.statusCode).toBe(201);
    expect(actie.json().acties).toEqual([expect.objectContaining({ soort: 'gesprek-leerling-en-ouders', datum: '2017-09-25', medewerker: 'Test Leerplicht Utrecht' })]);
    expect(actie.json().laatsteActie).toBe('2017-09-25');
    const vroeg = await post(LEERPLICHT, `/api/v1/verzuimmeldingen/${meldingId}/acties`, { soort: 'halt', datum: '2017-09-01' });
    expect(vroeg.json().invalidParams).toEqual([{ name: 'datum', code: 'afhandeling', reason: 'de actiedatum 2017-09-01 ligt vóór de meldingsdatum 2017-09-22' }]);
    const zonderReden = await patch(LEERPLICHT, { status: 'afgesloten', afsluitopmerking: 'weer op school' });
    expect(zonderReden.statusCode).toBe(400);
    expect(zonderReden.json().invalidParams[0].name).toBe('afsluitreden');
    const dicht = await patch(LEERPLICHT, { status: 'afgesloten', afsluitreden: 'terug-naar-school', afsluitopmerking: 'na gesprek weer op school; thuissituatie besproken' });
    expect(dicht.statusCode).toBe(200);
    expect(dicht.json()).toMatchObject({ status: 'afgesloten', afsluitreden: 'terug-naar-school', achterstallig: false });
    expect(dicht.json().statuswijzigingen.map((s: { status: string }) => s.status)).toEqual(['in-behandeling', 'in-behandeling', 'afgesloten']);
    expect((await patch(LEERPLICHT, { status: 'in-behandeling' })).json().invalidParams[0].reason).toMatch(/afgesloten/);
    expect((await post(LEERPLICHT, `/api/v1/verzuimmeldingen/${meldingId}/acties`, { soort: 'halt', datum: '2017-09-26' })).statusCode).toBe(400);
  });

  it('de school ziet van haar eigen meldingen status en contactpersoon, nooit de aantekeningen of de woongemeente', async () => {
    const r = await post(SCHOOL, '/api/v1/verzuimmeldingen/_zoek', {});
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.velden).toEqual(VERZUIMVELDEN_SCHOOL);
    const m = b.meldingen.find((x: { meldingId: number }) => x.meldingId === meldingId);
    expect(m).toMatchObject({ status: 'afgesloten', contactpersoon: 'M. Bakker' });
    for (const x of b.meldingen) expect(Object.keys(x).every((k) => (VERZUIMVELDEN_SCHOOL as readonly string[]).includes(k))).toBe(true);
    for (const geheim of ['thuissituatie', 'pesten', 'terug-naar-school', 'GM0344', 'gesprek-leerling']) expect(r.body).not.toContain(geheim);
    expect(b.tijdigheidPerSchool).toEqual([{ brin: '20BB', aantalMeldingen: 2, tijdig: 1, teLaat: 1, aandeelTeLaat: 50 }]);
    expect((await post(ANDERE_SCHOOL, '/api/v1/verzuimmeldingen/_zoek', {})).json().paginering.totaalAantal).toBe(0);
    expect((await post(SCHOOL, '/api/v1/verzuimmeldingen/_zoek', { brin: '10AA' })).statusCode).toBe(403);
    expect((await api.app.inject({ method: 'PATCH', url: `/api/v1/verzuimmeldingen/${meldingId}`, headers: alsGebruiker(SCHOOL), payload: { contactpersoon: 'x' } })).statusCode).toBe(403);
  });

  it('achterstallig: in behandeling en langer dan de termijn (4 weken) zonder actie', async () => {
    await api.db.query("UPDATE verzuimmelding SET ingediend_op = now() - interval '29 days' WHERE status = 'in-behandeling'");
    const b = (await post(LEERPLICHT, '/api/v1/verzuimmeldingen/_zoek', { alleenAchterstallig: true })).json();
    expect(b.achterstandWeken).toBe(4);
    expect(b.meldingen.map((m: { achterstallig: boolean; status: string }) => [m.status, m.achterstallig])).toEqual([['in-behandeling', true]]);
    await api.db.query("UPDATE verzuimmelding SET ingediend_op = now() - interval '27 days' WHERE status = 'in-behandeling'");
    expect((await post(LEERPLICHT, '/api/v1/verzuimmeldingen/_zoek', { alleenAchterstallig: true })).json().paginering.totaalAantal).toBe(0);
  });

  it('verzuimcijfers per schooljaar binnen de eigen scope, zonder personen en zonder audit; een ander ziet 0', async () => {
    const get = (g: Gebruiker, q: string) => api.app.inject({ method: 'GET', url: `/api/v1/verzuimcijfers${q}`, headers: alsGebruiker(g) });
    const voor = await laatsteAudit();
    const r = await get(LEERPLICHT, '?schooljaar=2017-2018');
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({
      schooljaar: '2017-2018', meldingen: 2, schooljarenMetMeldingen: ['2017-2018'], perStatus: { afgesloten: 1, 'in-behandeling': 1, 'ter-kennisneming-aangenomen': 0 },
      perAfsluitreden: { 'terug-naar-school': 1 },
      eersteActie: { metActie: 1, zonderActie: 1, perSoort: { 'gesprek-leerling-en-ouders': 1, halt: 0 } },
      tijdigheid: { tijdig: 1, teLaat: 1, zonderOordeel: 0, aandeelTeLaat: 50 },
      perSchool: [{ brin: '20BB', meldingen: 2, tijdig: 1, teLaat: 1, zonderOordeel: 0, aandeelTeLaat: 50 }],
    });
    expect(b.perSoort['16u4w']).toBeGreaterThanOrEqual(1);
    expect(r.body).not.toMatch(/T00\d{3}|Jansen/);
    // the school sees the same counts of its own reports
    expect((await get(SCHOOL, '?schooljaar=2017-2018')).json()).toMatchObject({ meldingen: 2, tijdigheid: { aandeelTeLaat: 50 } });
    // never kept across scopes: another municipality and another school see none
    expect((await get(ANDERE_GEMEENTE, '?schooljaar=2017-2018')).json()).toMatchObject({ meldingen: 0, perSchool: [], tijdigheid: { aandeelTeLaat: null } });
    expect((await get(ANDERE_SCHOOL, '?schooljaar=2017-2018')).json().meldingen).toBe(0);
    expect((await get(LEERPLICHT, '?schooljaar=2016-2017')).json().meldingen).toBe(0);
    expect((await get(TESTGEBRUIKERS.analist, '?schooljaar=2017-2018')).statusCode).toBe(403);
    const fout = await get(LEERPLICHT, '?schooljaar=2017-2019');
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams[0]).toMatchObject({ name: 'schooljaar' });
    expect(await auditNa(voor)).toEqual([]);
  });

  it("verzuim vóór uitval: het aandeel vsv'ers van de telling met een melding in de telperiode (vanaf 1 oktober)", async () => {
    const get = async () => (await api.app.inject({ method: 'GET', url: '/api/v1/verzuimcijfers?schooljaar=2017-2018', headers: alsGebruiker(LEERPLICHT) })).json().vsvMetMelding;
    const [run] = await api.db.query<{ id: number; status: string }>(
      "SELECT id, status FROM telling_run WHERE schooljaar = '2017-2018' ORDER BY (status = 'definitief') DESC, id DESC LIMIT 1");
    const vsvers = (await api.db.query<{ persoon_id: string }>(
      "SELECT persoon_id FROM telling_persoon WHERE run_id = $1 AND vsv AND gemeente_code = 'GM0344' ORDER BY persoon_id", [run!.id])).map((r) => r.persoon_id);
    expect(vsvers.length).toBeGreaterThanOrEqual(2);
    const meldingen = await api.db.query<{ id: number; persoon_id: string; meldingsdatum: string }>('SELECT id, persoon_id, meldingsdatum FROM verzuimmelding ORDER BY meldingsdatum');
    const inPeriode = new Set(meldingen.filter((m) => m.meldingsdatum >= '2017-10-01' && m.meldingsdatum <= '2018-09-30').map((m) => m.persoon_id));
    const verwacht = vsvers.filter((p) => inPeriode.has(p)).length;
    expect(await get()).toEqual({ schooljaar: '2017-2018', status: run!.status, vsvers: vsvers.length, metMelding: verwacht, aandeel: Math.round((1000 * verwacht) / vsvers.length) / 10 });
    // a report of 2 October 2017 for a vsv'er without one counts; one of 22 September 2017 (before the count's 1 October) does not
    const zonder = vsvers.filter((p) => !inPeriode.has(p));
    expect(zonder.length).toBeGreaterThanOrEqual(2);
    const oktober = meldingen.find((m) => m.meldingsdatum === '2017-10-02')!;
    const september = meldingen.find((m) => m.meldingsdatum === '2017-09-22')!;
    const telde = inPeriode.has(oktober.persoon_id) && vsvers.includes(oktober.persoon_id) ? 1 : 0;
    await api.db.query('UPDATE verzuimmelding SET persoon_id = $1 WHERE id = $2', [zonder[0], oktober.id]);
    await api.db.query('UPDATE verzuimmelding SET persoon_id = $1 WHERE id = $2', [zonder[1], september.id]);
    expect((await get()).metMelding).toBe(verwacht - telde + 1);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/verzuimcijfers?schooljaar=2030-2031', headers: alsGebruiker(LEERPLICHT) })).json().vsvMetMelding).toBeNull();
  });
});

describeDatabases('verzuimmeldingen van een machineclient', (driver) => {
  const api = apiomgeving(driver);
  it('een machineclient van de school meldt met zijn API-sleutel', async () => {
    const { sleutel } = await maakMachineclient(api.db, { naam: 'administratiesysteem 20BB', rol: 'school', scopecode: '20BB' });
    const r = await api.app.inject({
      method: 'POST', url: '/api/v1/verzuimmeldingen', headers: { authorization: `Bearer ${sleutel}` },
      payload: { persoonId: 'T00254', ...MELDING, soort: 'overig', einddatum: '2017-09-05', verzuimDagen: 1, verzuimUren: 4, gemeenteGevraagdTeHandelen: false, redenNietHandelen: 'ter informatie' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ status: 'ter-kennisneming-aangenomen', tijdigheid: 'niet-van-toepassing' });
  });

});
