import { STANDAARD_ABSOLUUT_UREN, STANDAARD_INACTIEF_MINUTEN } from '../../domain/toegang/inloggen.js';
import type { OidcInstellingen } from '../../toegang/oidcInstellingen.js';

/** Settings of logging in (src/server/config.ts reads them from the environment). */
export interface InlogOpties {
  /** NODE_ENV=production: demo accounts cannot log in */
  productie: boolean;
  /** idle timeout of a session */
  inactiefMinuten: number;
  /** absolute timeout of a session, from logging in */
  absoluutMinuten: number;
  /**
   * The `Secure` cookie attribute. Always on in practice: browsers accept Secure cookies from
   * http://localhost and http://127.0.0.1 too. Off only for a test client that drops them.
   */
  veiligeCookie: boolean;
  /** OpenID Connect as a second way in; null: only built-in accounts */
  oidc: OidcInstellingen | null;
}

export const STANDAARD_INLOGOPTIES: InlogOpties = {
  productie: false,
  inactiefMinuten: STANDAARD_INACTIEF_MINUTEN,
  absoluutMinuten: STANDAARD_ABSOLUUT_UREN * 60,
  veiligeCookie: true,
  oidc: null,
};
