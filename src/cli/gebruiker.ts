import type { Gebruiker } from '../domain/toegang/rollen.js';

/**
 * Who acts on the command line: the operator of the database (who can read every table with
 * psql anyway), as role `analist` with `soort: 'cli'`, named after the operating-system
 * user. The policy lets the command-line actions through only for this kind of user, and
 * every read of person data it does is audited under this name.
 */
export function cliGebruiker(env: NodeJS.ProcessEnv = process.env): Gebruiker {
  const naam = env.USER ?? env.LOGNAME ?? 'onbekend';
  return { accountId: `cli:${naam}`, weergavenaam: naam, rol: 'analist', scope: { soort: 'landelijk' }, soort: 'cli' };
}
