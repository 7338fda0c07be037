import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, API_VERSIE } from './openapi.js';

/**
 * Security headers on every response (API Design Rules, /core/transport/security-headers).
 * The API sends data only, so its policy allows nothing at all; the web app loads its own
 * scripts, styles and images and nothing else: no inline script, no other origin.
 * Strict-Transport-Security is sent always: browsers ignore it over plain HTTP (local
 * use), and behind TLS it keeps them on HTTPS for a year, subdomains included.
 */
export const HSTS = 'max-age=31536000; includeSubDomains';

export const CSP_API = "default-src 'none'; frame-ancestors 'none'";
export const CSP_APP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export function isApi(url: string): boolean {
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || url.startsWith(`${API_PREFIX}?`);
}

export async function beveiligingsheaders(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('API-Version', API_VERSIE);
  reply.header('Strict-Transport-Security', HSTS);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (isApi(request.url)) {
    reply.header('Content-Security-Policy', CSP_API);
    reply.header('Cache-Control', 'no-store');
  } else {
    reply.header('Content-Security-Policy', CSP_APP);
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-cache');
  }
}
