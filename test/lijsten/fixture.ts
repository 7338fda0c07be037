import { csv, schrijfLevering } from '../support/levering.js';

/**
 * A small delivery of hand-made persons (ids Z…) whose lists in the lijstjaar 2022-2023 are
 * known, to go on top of generated data: at small scales the generator makes no late
 * startkwalificatie and few of each reason, and these make every list and reason occur.
 */
export const ZELFGEMAAKT = {
  'personen.csv': csv(
    ['persoon_id', 'geboortedatum', 'geslacht'],
    ['Z1', '2003-05-01', 'M'], // mbo-3 left in March 2022; late startkwalificatie 20 October 2022
    ['Z2', '2006-01-01', 'V'], // havo-4 left 30 November 2022; ho from 1 February 2023
    ['Z3', '2005-06-15', 'X'], // mbo-2 left 31 December 2022; emigrated 10 March, back 5 May 2023
    ['Z4', '2004-02-29', 'M'], // mbo-2 left 15 October 2022; died 20 January 2023
    ['Z5', '2000-04-10', 'V'], // mbo-2 left 31 January 2023 at 22; turned 23 on 10 April 2023
    ['Z6', '2007-07-07', 'M'], // vmbo-tl left 28 February 2023; exemption 5a from 1 April 2023
    ['Z7', '2008-09-09', 'V'], // pro left 31 March 2023; nb-mbo from 1 June 2023
  ),
  'verblijf.csv': csv(
    ['persoon_id', 'gemeente_code', 'postcode', 'vanaf', 'tot'],
    ['Z1', 'GM0363', '1011', '2003-05-01', ''],
    ['Z2', 'GM0363', '1012', '2006-01-01', '2023-01-14'],
    ['Z2', 'GM0344', '3511', '2023-01-15', ''],
    ['Z3', 'GM0344', '3512', '2005-06-15', ''],
    ['Z4', 'GM0363', '1013', '2004-02-29', ''],
    ['Z5', 'GM0599', '3011', '2000-04-10', ''],
    ['Z6', 'GM0363', '1014', '2007-07-07', ''],
  ),
  'brp_gebeurtenissen.csv': csv(
    ['persoon_id', 'soort', 'datum'],
    ['Z3', 'emigratie', '2023-03-10'],
    ['Z3', 'immigratie', '2023-05-05'],
    ['Z4', 'overlijden', '2023-01-20'],
  ),
  'inschrijvingen.csv': csv(
    ['inschrijving_id', 'persoon_id', 'brin', 'vestiging', 'onderwijstype', 'leerjaar', 'niveau', 'leerweg', 'crebo', 'nieuwkomer', 'begindatum', 'einddatum'],
    ['Z1-1', 'Z1', '90AA', '00', 'mbo', '2', '3', 'bol', '', 'nee', '2021-08-01', '2022-03-15'],
    ['Z2-1', 'Z2', '10AA', '01', 'havo', '4', '', '', '', 'nee', '2022-08-01', '2022-11-30'],
    ['Z2-2', 'Z2', '21HO', '00', 'ho', '', '', '', '', 'nee', '2023-02-01', ''],
    ['Z3-1', 'Z3', '90AB', '00', 'mbo', '1', '2', 'bbl', '', 'nee', '2022-08-01', '2022-12-31'],
    ['Z4-1', 'Z4', '90AB', '01', 'mbo', '1', '2', 'bol', '', 'nee', '2022-08-01', '2022-10-15'],
    ['Z5-1', 'Z5', '90AB', '00', 'mbo', '2', '2', 'bol', '', 'nee', '2022-08-01', '2023-01-31'],
    ['Z6-1', 'Z6', '10AA', '00', 'vmbo-tl', '3', '', '', '', 'nee', '2022-08-01', '2023-02-28'],
    ['Z7-1', 'Z7', '11BB', '00', 'pro', '2', '', '', '', 'nee', '2022-08-01', '2023-03-31'],
    ['Z7-2', 'Z7', '92NB', '00', 'nb-mbo', '1', '2', 'bol', '', 'nee', '2023-06-01', ''],
  ),
  'diplomas.csv': csv(
    ['persoon_id', 'soort', 'datum', 'brin'],
    ['Z1', 'mbo-3', '2022-10-20', '90AA'],
  ),
  'vrijstellingen.csv': csv(
    ['persoon_id', 'grond', 'vanaf', 'tot'],
    ['Z6', '5a', '2023-04-01', ''],
  ),
};

export function schrijfZelfgemaakt(): Promise<string> {
  return schrijfLevering(ZELFGEMAAKT);
}
