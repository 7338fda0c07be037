import type { Bron } from '../telling/bronnen.js';

/**
 * Sources of the monthly lists. The contract is lijsten.md; it follows DUO's monthly lists
 * for RMC and leerplicht (A01–A07), which rest on the RMC duty of WEB art. 8.3.1–8.3.2 and
 * WVO art. 118g–118h and on the reporting duty of the Leerplichtwet 1969.
 */
export const LIJSTEN_MD: Bron = {
  titel: 'Binnenboord lijsten.md (publiek contract van de maandlijsten)',
  url: '../shared/spec/lijsten.md',
};

export const RMC_WETTEN: Bron = {
  titel: 'WEB art. 8.3.1–8.3.2 (BWBR0007625) en WVO art. 118g–118h (BWBR0002399): registratie en melding van voortijdig schoolverlaters aan de RMC-functie; DUO-maandlijsten A01–A07',
  url: 'https://wetten.overheid.nl/BWBR0007625/',
};

export const LIJSTEN_DEFINITIEVERSIE = 'maandlijsten 1.0 (lijsten.md; telling.md voor termen en startpopulatie)';
