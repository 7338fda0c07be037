import type { FastifyServerOptions } from 'fastify';

/**
 * Request logging through pino. URLs of this API carry no personal identifiers by design;
 * still, a number that looks like a BSN or an education number (8 or more digits), typed
 * into a search box, is masked before anything is written, and bodies, cookies and
 * authorisation headers are never logged.
 */
export function maskeerUrl(url: string): string {
  // The one-time code and state of an OpenID Connect return (/api/v1/sessie/oidc/terug) are secrets too.
  return url.replace(/([?&](?:code|state|session_state)=)[^&]*/g, '$1[verwijderd]').replace(/\d{8,}/g, (m) => '*'.repeat(m.length));
}

export function loggerOpties(niveau: string): FastifyServerOptions['logger'] {
  if (niveau === 'silent') return false;
  return {
    level: niveau,
    redact: {
      paths: [
        'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
        'body', 'req.body', '*.persoonId', '*.persoon_id', '*.bsn',
      ],
      censor: '[verwijderd]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskeerUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
