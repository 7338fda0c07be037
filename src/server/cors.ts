import type { FastifyReply, FastifyRequest } from 'fastify';
import { isApi } from './securityHeaders.js';

/**
 * CORS for the public read-only API: any web page, on any origin, may read the figures with
 * GET (and HEAD), without credentials: `Access-Control-Allow-Origin: *` never lets a browser
 * send cookies or Authorization along, so a login of the web app can never be used from
 * another site. The headers a client needs to read (API version, paging links, the file name
 * of a download) are exposed. A preflight (OPTIONS with Origin and
 * Access-Control-Request-Method) for GET or HEAD gets 204; any other OPTIONS request goes on
 * to the usual 405. The web app itself gets no CORS headers.
 *
 * A small hook rather than @fastify/cors: that plugin answers every OPTIONS request itself,
 * which would hide the 405 with Allow the API Design Rules ask for.
 */
export const CORS_METHODEN = 'GET, HEAD';
export const CORS_HEADERS = ['accept', 'accept-language', 'api-version', 'content-type'];
export const CORS_ZICHTBAAR = 'API-Version, Link, Content-Disposition';

export async function cors(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isApi(request.url)) return;
  const gevraagd = request.headers['access-control-request-method'];
  if (request.method === 'OPTIONS' && request.headers.origin && typeof gevraagd === 'string') {
    if (!['GET', 'HEAD'].includes(gevraagd.toUpperCase())) return;
    const headers = String(request.headers['access-control-request-headers'] ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    reply.header('Access-Control-Allow-Origin', '*')
      .header('Access-Control-Allow-Methods', CORS_METHODEN)
      .header('Access-Control-Allow-Headers', headers.filter((h) => CORS_HEADERS.includes(h)).join(', ') || CORS_HEADERS.join(', '))
      .header('Access-Control-Max-Age', '86400')
      .header('Vary', 'Access-Control-Request-Headers');
    await reply.code(204).send();
    return;
  }
  if (request.method === 'GET' || request.method === 'HEAD') {
    reply.header('Access-Control-Allow-Origin', '*').header('Access-Control-Expose-Headers', CORS_ZICHTBAAR);
  }
}
