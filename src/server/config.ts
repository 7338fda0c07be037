import { resolve } from 'node:path';
import { DEMO_SCHAAL_STANDAARD } from '../demo/demodata.js';

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

  const proxyTekst = env.BINNENBOORD_VERTROUWDE_PROXY?.trim() ?? '';
  const proxies = proxyTekst === '' ? [] : proxyTekst.split(',').map((p) => p.trim());
  if (proxies.some((p) => !/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(p))) {
    fouten.push(`BINNENBOORD_VERTROUWDE_PROXY '${env.BINNENBOORD_VERTROUWDE_PROXY}' is ongeldig: geef IP-adressen of netwerken (CIDR), gescheiden door komma's, bijvoorbeeld 127.0.0.1,10.0.0.0/8.`);
  }

  if (fouten.length > 0) return { ok: false, fouten };
  return {
    ok: true,
    config: {
      port, host, database, demoSchaal, logniveau, antwoordcache: cacheTekst === 'aan',
      verzoekenPerMinuut, vertrouwdeProxy: proxies.length > 0 ? proxies.join(',') : null, verzoekTijdlimiet, antwoordTijdlimiet,
    },
  };
}

/**
 * Defaults for a public API. 300 API requests a minute is far more than a person browsing
 * the web app makes (a page asks 1 to 6), and keeps one client from taking the server's
 * time from everyone else. 30 s to send a request cuts off slow-loris clients; 30 s to answer
 * is well above the slowest uncached answer at national scale (docs/ARCHITECTURE.md).
 */
export const STANDAARD = { verzoekenPerMinuut: 300, verzoekTijdlimiet: 30, antwoordTijdlimiet: 30 } as const;

function geheelGetal(env: NodeJS.ProcessEnv, naam: string, standaard: number, minimum: number, fouten: string[], uitleg: string): number {
  const tekst = env[naam]?.trim() || String(standaard);
  const getal = Number(tekst);
  if (!/^\d+$/.test(tekst) || getal < minimum || getal > 1_000_000) {
    fouten.push(`${naam} '${env[naam]}' is ongeldig: geef een geheel getal van ${minimum} tot en met 1000000 (${uitleg}).`);
  }
  return getal;
}
