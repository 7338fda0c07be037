import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Padmethoden } from './methoden.js';
import { maakProblem, stuurProblem } from './problems.js';
import { isApi } from './securityHeaders.js';
import { isWebpad } from './webpaden.js';

/**
 * The web app (built by Vite into dist/web) at `/`. The app routes in the browser, so a page
 * URL of the app (webpaden.ts) that is not a file gets index.html with 200; any other path
 * gets index.html too, so the app can show its "Pagina niet gevonden", but with 404. Files
 * with a content hash are cached for a year, index.html is revalidated every time.
 */
const ONTBREEKT = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Binnenboord</title></head>
<body><main><h1>Binnenboord</h1><p>De webapp is niet gebouwd. Voer <code>npm run build</code> uit en start de server opnieuw.
De API werkt wel: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></main></body></html>`;

export async function registreerWeb(app: FastifyInstance, webMap: string | null, padmethoden?: Padmethoden): Promise<void> {
  const gebouwd = webMap !== null && existsSync(join(webMap, 'index.html'));
  if (gebouwd) {
    await app.register(fastifyStatic, {
      root: webMap,
      wildcard: false,
      index: false,
      setHeaders: (reply, pad) => {
        reply.header('Cache-Control', /[\\/]assets[\\/]/.test(pad) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const pad = request.url.split('?')[0]!;
    if (isApi(pad)) {
      // A known path with another method: 405 naming the methods it does allow.
      const toegestaan = padmethoden?.toegestaan(pad) ?? [];
      if (toegestaan.length > 0 && !toegestaan.includes(request.method)) {
        reply.header('Allow', toegestaan.join(', '));
        return stuurProblem(reply, maakProblem(405,
          `${pad} kent de methode ${request.method} niet; gebruik ${toegestaan.join(' of ')}.`, pad));
      }
      return stuurProblem(reply, maakProblem(404, `Er is geen bron ${pad}. Zie /api/v1/openapi.json voor wat er is.`, pad));
    }
    if ((request.method !== 'GET' && request.method !== 'HEAD') || extname(pad) !== '') {
      return reply.code(404).type('text/plain; charset=utf-8').send('Niet gevonden');
    }
    const status = isWebpad(pad) ? 200 : 404;
    if (!gebouwd) return reply.code(status).type('text/html; charset=utf-8').send(ONTBREEKT);
    return reply.code(status).header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
