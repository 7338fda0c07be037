import { resolve } from 'node:path';
import { DEMO_SCHAAL_STANDAARD } from '../demo/demodata.js';
import { STANDAARD_ABSOLUUT_UREN, STANDAARD_INACTIEF_MINUTEN } from '../domain/toegang/inloggen.js';
import type { InlogOpties } from './auth/opties.js';
import { STANDAARD_ACHTERSTAND_WEKEN } from '../domain/verzuim/achterstand.js';
import type { OidcInstellingen } from '../toegang/oidcInstellingen.js';

/**
 * Settings of the web server, from the environment. Every setting is checked at start and
 * every invalid one is reported at once, in Dutch, so an operator fixes them in one go.
 */
export interface ServerConfig {
  port: number;
  host: string;
  database: string;
  /** Scale of the generated demo data loaded into an empty database, (0, 1]; 1 = the whole country. */
  demoSchaal: number;
  logniveau: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** keep finished API answers per data version (BINNENBOORD_ANTWOORDCACHE=uit switches it off, e.g. to measure) */
  antwoordcache: boolean;
  /** API requests per client (IP address) per minute; 0 = no limit. Beyond it: 429 with Retry-After. */
  verzoekenPerMinuut: number;
  /** reverse proxies whose X-Forwarded-For names the client (Fastify trustProxy); null = none, the socket's address is the client */
  vertrouwdeProxy: string | null;
  /** seconds a client may take to send a whole request (headers and body) */
  verzoekTijdlimiet: number;
  /** seconds the server may take to answer; beyond it the client gets 503 */
  antwoordTijdlimiet: number;
  /** logging in: NODE_ENV=production, session timeouts, OpenID Connect */
  inloggen: InlogOpties;
  /** weeks without action after which an absence report in handling is overdue */
  verzuimAchterstandWeken: number;
  /** connections of the PostgreSQL pool; null = the default for this machine (src/db/postgres.ts) */
  databaseVerbindingen: number | null;
}

export type ConfigUitkomst = { ok: true; config: ServerConfig } | { ok: false; fouten: string[] };

const LOGNIVEAUS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function leesServerConfig(env: NodeJS.ProcessEnv, werkmap: string = process.cwd()): ConfigUitkomst {
  const fouten: string[] = [];

  const portTekst = env.PORT?.trim() || '3000';
  const port = Number(portTekst);
  if (!/^\d+$/.test(portTekst) || port > 65535) {
    fouten.push(`PORT '${env.PORT}' is geen poortnummer: geef een geheel getal van 0 tot en met 65535 (0 kiest een vrije poort).`);
  }

  const host = env.HOST === undefined ? '127.0.0.1' : env.HOST.trim();
  if (host === '' || /\s|\//.test(host)) {
    fouten.push(`HOST '${env.HOST}' is geen hostnaam of IP-adres: geef bijvoorbeeld 127.0.0.1 of 0.0.0.0.`);
  }

  const database = env.BINNENBOORD_DATABASE === undefined ? resolve(werkmap, '.binnenboord') : env.BINNENBOORD_DATABASE.trim();
  if (database === '') {
    fouten.push('BINNENBOORD_DATABASE is leeg: geef een map (ingebedde database) of een postgres://-adres.');
  } else if (/^postgres(ql)?:/.test(database)) {
    try {
      const url = new URL(database);
      if (!url.hostname) throw new Error('geen server');
    } catch {
      fouten.push('BINNENBOORD_DATABASE is geen geldig PostgreSQL-adres: schrijf het als postgres://gebruiker:wachtwoord@server:5432/database.');
    }
  }

  const schaalTekst = env.BINNENBOORD_DEMO_SCHAAL?.trim() || String(DEMO_SCHAAL_STANDAARD);
  const demoSchaal = Number(schaalTekst);
  if (!/^\d*\.?\d+(e-?\d+)?$/i.test(schaalTekst) || !(demoSchaal > 0 && demoSchaal <= 1)) {
    fouten.push(`BINNENBOORD_DEMO_SCHAAL '${env.BINNENBOORD_DEMO_SCHAAL}' is ongeldig: geef een getal groter dan 0 en ten hoogste 1, bijvoorbeeld 0.1.`);
  }

  const logniveau = (env.BINNENBOORD_LOGNIVEAU?.trim() || 'info') as ServerConfig['logniveau'];
  if (!LOGNIVEAUS.includes(logniveau)) {
    fouten.push(`BINNENBOORD_LOGNIVEAU '${env.BINNENBOORD_LOGNIVEAU}' is onbekend: kies uit ${LOGNIVEAUS.join(', ')}.`);
  }

  const cacheTekst = env.BINNENBOORD_ANTWOORDCACHE?.trim() || 'aan';
  if (cacheTekst !== 'aan' && cacheTekst !== 'uit') {
    fouten.push(`BINNENBOORD_ANTWOORDCACHE '${env.BINNENBOORD_ANTWOORDCACHE}' is onbekend: kies aan of uit.`);
  }

  const verzoekenPerMinuut = geheelGetal(env, 'BINNENBOORD_VERZOEKEN_PER_MINUUT', STANDAARD.verzoekenPerMinuut, 0, fouten, '0 zet de grens uit');
  const verzoekTijdlimiet = geheelGetal(env, 'BINNENBOORD_VERZOEK_TIJDLIMIET', STANDAARD.verzoekTijdlimiet, 1, fouten, 'in seconden');
  const antwoordTijdlimiet = geheelGetal(env, 'BINNENBOORD_ANTWOORD_TIJDLIMIET', STANDAARD.antwoordTijdlimiet, 1, fouten, 'in seconden');
  const verzuimAchterstandWeken = geheelGetal(env, 'BINNENBOORD_VERZUIM_ACHTERSTAND_WEKEN', STANDAARD.verzuimAchterstandWeken, 1, fouten, 'in weken');
  const databaseVerbindingen = env.BINNENBOORD_DATABASE_VERBINDINGEN?.trim()
    ? geheelGetal(env, 'BINNENBOORD_DATABASE_VERBINDINGEN', 0, 1, fouten, 'verbindingen met de PostgreSQL-server')
    : null;

  const proxyTekst = env.BINNENBOORD_VERTROUWDE_PROXY?.trim() ?? '';
  const proxies = proxyTekst === '' ? [] : proxyTekst.split(',').map((p) => p.trim());
  if (proxies.some((p) => !/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(p))) {
    fouten.push(`BINNENBOORD_VERTROUWDE_PROXY '${env.BINNENBOORD_VERTROUWDE_PROXY}' is ongeldig: geef IP-adressen of netwerken (CIDR), gescheiden door komma's, bijvoorbeeld 127.0.0.1,10.0.0.0/8.`);
  }

  const inactiefMinuten = begrensdGetal(env, 'BINNENBOORD_SESSIE_INACTIEF_MINUTEN', STANDAARD_INACTIEF_MINUTEN, 1, 24 * 60, fouten);
  const absoluutUren = begrensdGetal(env, 'BINNENBOORD_SESSIE_ABSOLUUT_UREN', STANDAARD_ABSOLUUT_UREN, 1, 24 * 7, fouten);
  const oidc = leesOidc(env, fouten);

  if (fouten.length > 0) return { ok: false, fouten };
  const inloggen: InlogOpties = {
    productie: env.NODE_ENV === 'production', inactiefMinuten, absoluutMinuten: absoluutUren * 60, veiligeCookie: true, oidc,
  };
  return {
    ok: true,
    config: {
      port, host, database, demoSchaal, logniveau, antwoordcache: cacheTekst === 'aan',
      verzoekenPerMinuut, vertrouwdeProxy: proxies.length > 0 ? proxies.join(',') : null, verzoekTijdlimiet, antwoordTijdlimiet, inloggen, verzuimAchterstandWeken, databaseVerbindingen,
    },
  };
}

/**
 * Defaults for a public API. 300 API requests a minute is far more than a person browsing
 * the web app makes (a page asks 1 to 6), and keeps one client from taking the server's
 * time from everyone else. 30 s to send a request cuts off slow-loris clients; 30 s to answer
 * is well above the slowest uncached answer at national scale (docs/ARCHITECTURE.md).
 */
export const STANDAARD = { verzoekenPerMinuut: 300, verzoekTijdlimiet: 30, antwoordTijdlimiet: 30, verzuimAchterstandWeken: STANDAARD_ACHTERSTAND_WEKEN } as const;

function geheelGetal(env: NodeJS.ProcessEnv, naam: string, standaard: number, minimum: number, fouten: string[], uitleg: string): number {
  const tekst = env[naam]?.trim() || String(standaard);
  const getal = Number(tekst);
  if (!/^\d+$/.test(tekst) || getal < minimum || getal > 1_000_000) {
    fouten.push(`${naam} '${env[naam]}' is ongeldig: geef een geheel getal van ${minimum} tot en met 1000000 (${uitleg}).`);
  }
  return getal;
}

/** An integer setting between `min` and `max`; the default when invalid (the error is listed). */
function begrensdGetal(env: NodeJS.ProcessEnv, naam: string, standaard: number, min: number, max: number, fouten: string[]): number {
  const tekst = env[naam]?.trim() || String(standaard);
  const n = Number(tekst);
  if (!/^\d+$/.test(tekst) || n < min || n > max) {
    fouten.push(`${naam} '${env[naam]}' is ongeldig: geef een geheel getal van ${min} tot en met ${max}.`);
    return standaard;
  }
  return n;
}

const OIDC_VERPLICHT = ['BINNENBOORD_OIDC_ISSUER', 'BINNENBOORD_OIDC_CLIENT_ID', 'BINNENBOORD_OIDC_CLIENT_SECRET', 'BINNENBOORD_OIDC_REDIRECT_URI'] as const;

/** OpenID Connect is on when BINNENBOORD_OIDC_ISSUER is set; then the other three are required. */
function leesOidc(env: NodeJS.ProcessEnv, fouten: string[]): OidcInstellingen | null {
  if (!env.BINNENBOORD_OIDC_ISSUER?.trim()) return null;
  const ontbreekt = OIDC_VERPLICHT.filter((n) => !env[n]?.trim());
  if (ontbreekt.length > 0) {
    fouten.push(`OpenID Connect staat aan (BINNENBOORD_OIDC_ISSUER), maar ${ontbreekt.join(', ')} ontbreekt.`);
    return null;
  }
  const urls: Record<string, URL | null> = {};
  for (const n of ['BINNENBOORD_OIDC_ISSUER', 'BINNENBOORD_OIDC_REDIRECT_URI'] as const) {
    try {
      urls[n] = new URL(env[n]!.trim());
    } catch {
      fouten.push(`${n} '${env[n]}' is geen URL.`);
      urls[n] = null;
    }
  }
  const issuer = urls.BINNENBOORD_OIDC_ISSUER;
  const lokaal = (u: URL) => u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  if (issuer && issuer.protocol !== 'https:' && !lokaal(issuer)) {
    fouten.push(`BINNENBOORD_OIDC_ISSUER moet https:// zijn (alleen een provider op deze machine mag http:// gebruiken).`);
  }
  const rolBron = env.BINNENBOORD_OIDC_ROLBRON?.trim() || 'account';
  if (rolBron !== 'claims' && rolBron !== 'account') fouten.push(`BINNENBOORD_OIDC_ROLBRON '${rolBron}' is onbekend: kies claims of account.`);
  return {
    issuer: env.BINNENBOORD_OIDC_ISSUER!.trim(),
    clientId: env.BINNENBOORD_OIDC_CLIENT_ID!.trim(),
    clientSecret: env.BINNENBOORD_OIDC_CLIENT_SECRET!.trim(),
    redirectUri: env.BINNENBOORD_OIDC_REDIRECT_URI!.trim(),
    rolBron: rolBron as OidcInstellingen['rolBron'],
    rolClaim: env.BINNENBOORD_OIDC_ROL_CLAIM?.trim() || 'binnenboord_rol',
    scopeClaim: env.BINNENBOORD_OIDC_SCOPE_CLAIM?.trim() || 'binnenboord_scope',
    accountClaim: env.BINNENBOORD_OIDC_ACCOUNT_CLAIM?.trim() || 'email',
    scopes: (env.BINNENBOORD_OIDC_SCOPES?.trim() || 'email').split(/[\s,]+/).filter(Boolean),
    onveiligHttp: issuer !== null && issuer !== undefined && issuer.protocol === 'http:' && lokaal(issuer),
  };
}
