import { heeftDemoaccounts } from '../db/accounts.js';
import type { Db } from '../db/database.js';
import { wijsDemowerkToe } from '../db/dossiers.js';
import { leveringsnamen } from '../db/leveringenOverzicht.js';
import type { Rol } from '../domain/toegang/rollen.js';
import { maakAccount } from '../toegang/accounts.js';
import { demoLevering } from './demodata.js';

/**
 * One demo account per role and scope kind (README, "Demo-accounts"), made on the first start
 * of a database that holds the demo data, so that a newcomer can try every role. Their
 * passwords are public, so they are marked `demo`: never made when NODE_ENV=production, and
 * if present there they cannot log in (src/server/auth).
 *
 * Scopes: RMC region 19 (Utrecht), the municipality of Utrecht in it, and the school 00CB
 * (Zeist, in region 19): all present in the reference data the demo data is generated from.
 */
export const DEMOACCOUNTS: readonly { gebruikersnaam: string; weergavenaam: string; rol: Rol; scopecode: string | null }[] = [
  { gebruikersnaam: 'demo-rmc', weergavenaam: 'Demo RMC Utrecht', rol: 'rmc', scopecode: '19' },
  { gebruikersnaam: 'demo-leerplicht', weergavenaam: 'Demo leerplicht gemeente Utrecht', rol: 'leerplicht', scopecode: 'GM0344' },
  { gebruikersnaam: 'demo-school', weergavenaam: 'Demo school 00CB', rol: 'school', scopecode: '00CB' },
  { gebruikersnaam: 'demo-analist', weergavenaam: 'Demo analist', rol: 'analist', scopecode: null },
  { gebruikersnaam: 'demo-beheer', weergavenaam: 'Demo beheerder', rol: 'beheer', scopecode: null },
  { gebruikersnaam: 'demo-privacy', weergavenaam: 'Demo privacyfunctionaris', rol: 'privacy', scopecode: null },
];

export const demoWachtwoord = (rol: Rol): string => `demo-wachtwoord-${rol}`;

export function isProductie(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === 'production';
}

/**
 * Makes the demo accounts when the database holds the demo data and has none yet; not in
 * production. Returns whether they were made.
 */
export async function zorgVoorDemoaccounts(db: Db, opties: { productie: boolean }, voortgang: (melding: string) => void = () => {}): Promise<boolean> {
  if (opties.productie) return false;
  if (!(await leveringsnamen(db)).some((naam) => demoLevering(naam) !== null)) return false;
  if (await heeftDemoaccounts(db)) return false;
  await maakDemoaccounts(db);
  voortgang(`Demo-accounts gemaakt: ${DEMOACCOUNTS.map((a) => a.gebruikersnaam).join(', ')} (wachtwoorden in de README; niet in productie).`);
  return true;
}

export async function maakDemoaccounts(db: Db): Promise<void> {
  for (const a of DEMOACCOUNTS) {
    const account = await maakAccount(db, { ...a, wachtwoord: demoWachtwoord(a.rol), demo: true });
    // the demo world's case work (src/demo/dossiers.ts) becomes this officer's own
    await wijsDemowerkToe(db, demoPlaatshouder(a.gebruikersnaam), account.id);
  }
}

/** The id the demo world's case work is recorded under until its demo account exists. */
export const demoPlaatshouder = (gebruikersnaam: string): string => `demo:${gebruikersnaam}`;
