import type { Db } from '../../src/db/database.js';
import { MELDINGVELDEN, type Meldingveld } from '../../src/domain/verzuim/melding.js';

/**
 * A small registration for the absence tests: school 25LX (location 00 in Amsterdam, regio
 * noord; location 01 in Rotterdam, regio midden), three pupils and the RMC split.
 *
 * P1: born 2003-03-10, at 25LX since 2015, lives in Amsterdam, moves to Zaanstad on 2017-10-20.
 * P2: born 1999-10-20 (18 on 2017-10-20), at 25LX, lives in Rotterdam.
 * P3: born 2004-01-01, at another school (30AB) only.
 */
export async function vulRegistratie(db: Db): Promise<void> {
  await db.exec(`
    INSERT INTO levering (id, naam, map, controlesom) VALUES (1, 'test', '/test', 'x');
    INSERT INTO persoon (persoon_id, geboortedatum, levering_id) VALUES ('P1', '2003-03-10', 1), ('P2', '1999-10-20', 1), ('P3', '2004-01-01', 1);
    INSERT INTO verblijf (persoon_id, gemeente_code, vanaf, tot, levering_id) VALUES
      ('P1', 'GM0363', '2003-03-10', '2017-10-19', 1), ('P1', 'GM0479', '2017-10-20', NULL, 1),
      ('P2', 'GM0599', '1999-10-20', NULL, 1), ('P3', 'GM0363', '2004-01-01', NULL, 1);
    INSERT INTO instelling (brin, vestiging, naam, gemeente_code, soort, levering_id) VALUES
      ('25LX', '00', 'Testschool Amsterdam', 'GM0363', 'vo', 1), ('25LX', '01', 'Testschool Rotterdam', 'GM0599', 'vo', 1),
      ('30AB', '00', 'Andere school', 'GM0363', 'vo', 1);
    INSERT INTO inschrijving (inschrijving_id, persoon_id, brin, vestiging, onderwijstype, nieuwkomer, begindatum, einddatum, levering_id) VALUES
      ('I1', 'P1', '25LX', '00', 'havo', 'nee', '2015-08-01', NULL, 1),
      ('I2', 'P2', '25LX', '01', 'mbo', 'nee', '2016-08-01', NULL, 1),
      ('I3', 'P3', '30AB', '00', 'havo', 'nee', '2016-08-01', NULL, 1);
    INSERT INTO rmc_indeling (gemeente_code, gemeente_naam, rmc_code, rmc_naam, schooljaar_vanaf, schooljaar_tot, levering_id) VALUES
      ('GM0363', 'Amsterdam', '23', 'Amsterdam-Diemen', '2010-2011', NULL, 1),
      ('GM0479', 'Zaanstad', '21', 'Zaanstreek/Waterland', '2010-2011', NULL, 1),
      ('GM0599', 'Rotterdam', '29', 'Rijnmond', '2010-2011', NULL, 1);
  `);
}

export const GELDIGE_RIJ: Readonly<Record<Meldingveld, string>> = {
  bron: 'school', soort: '16u4w', persoon_id: 'P1', brin: '25LX', vestiging: '00', lesplaats: 'Hoofdgebouw',
  meldingsdatum: '2017-10-20', startdatum: '2017-10-02', einddatum: '2017-10-18', verzuim_dagen: '3', verzuim_uren: '17',
  alle_lessen_gemist: 'nee', vermoedelijke_reden: 'spijbelt', ondernomen_actie: 'gesprek met mentor, ouders gebeld',
  gemeente_gevraagd_te_handelen: 'ja', reden_niet_handelen: '', melder_naam: 'J. de Vries', melder_functie: 'verzuimcoördinator',
  melder_telefoon: '020-1234567', melder_email: 'verzuim@school.nl', telefoon_leerling_of_ouder: '',
  verblijfadres: '', verblijf_gemeente_code: '',
};

function veld(w: string): string {
  return /[",\n]/.test(w) ? `"${w.replaceAll('"', '""')}"` : w;
}

/** A CSV file text: header and one line per row (a string row is written as is). */
export function meldingenCsv(rijen: readonly (Partial<Record<Meldingveld, string>> | string)[]): string {
  return [MELDINGVELDEN.join(','), ...rijen.map((r) => (typeof r === 'string' ? r : MELDINGVELDEN.map((k) => veld({ ...GELDIGE_RIJ, ...r }[k])).join(',')))].join('\n') + '\n';
}
