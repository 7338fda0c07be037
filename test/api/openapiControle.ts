import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect } from 'vitest';
import { bouwApp, type AppOpties } from '../../src/server/app.js';
import { API_PREFIX } from '../../src/server/openapi.js';

/**
 * Every JSON answer the API gives in a test is checked against its operation's response
 * schema in the OpenAPI document (`app.swagger()`), for its status and media type, with Ajv.
 * An answer that does not match, or a status the document does not name, fails the test that
 * caused it (afterEach), saying which request and where the body differs. Errors of requests
 * that match no route are checked against Problem.
 *
 * Use `bouwTestApp` instead of `bouwApp`; `apiomgeving` does.
 */
const afwijkingen: string[] = [];

afterEach(() => {
  const gevonden = afwijkingen.splice(0);
  expect(gevonden, `antwoorden die niet kloppen met het OpenAPI-document:\n${gevonden.join('\n')}`).toEqual([]);
});

export async function bouwTestApp(opties: AppOpties): Promise<FastifyInstance> {
  const app = await bouwApp(opties);
  controleerAntwoorden(app);
  return app;
}

type Document = {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
  components?: Record<string, unknown>;
};

/** Adds the check to an application that is not ready yet. */
export function controleerAntwoorden(app: FastifyInstance): void {
  let controle: Controle | null = null;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith(API_PREFIX) || typeof payload !== 'string') return payload;
    const mediatype = String(reply.getHeader('content-type') ?? '').split(';')[0]!.trim();
    if (!mediatype.endsWith('json')) return payload;
    controle ??= new Controle(app.swagger() as unknown as Document);
    const fout = controle.controleer(request.method, request.routeOptions.url, reply.statusCode, mediatype, payload);
    if (fout) afwijkingen.push(`${request.method} ${request.url} → ${reply.statusCode} ${mediatype}: ${fout}`);
    return payload;
  });
}

class Controle {
  // strict: false, because the document carries OpenAPI keywords (example, …) that are no JSON Schema.
  private readonly ajv = addFormats.default(new Ajv({ strict: false, allErrors: true }));
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly components: unknown;

  constructor(private readonly doc: Document) {
    this.components = zonderId(doc.components ?? {});
  }

  controleer(methode: string, route: string | undefined, status: number, mediatype: string, body: string): string | null {
    let schema: unknown;
    if (route === undefined) {
      // No route matched (404, 405): the answer is a problem.
      schema = { $ref: '#/components/schemas/Problem' };
    } else {
      if (!route.startsWith(`${API_PREFIX}/`)) return null;
      const pad = route.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}');
      const operatie = this.doc.paths[pad]?.[methode.toLowerCase()];
      if (!operatie) return null; // hidden from the document (openapi.json itself, the front door)
      const antwoord = operatie.responses?.[String(status)] ?? operatie.responses?.default;
      if (!antwoord) return `status ${status} staat niet in het OpenAPI-document bij ${methode} ${pad}`;
      const inhoud = antwoord.content?.[mediatype];
      if (!inhoud) return `${mediatype} staat niet bij status ${status} van ${methode} ${pad} (wel: ${Object.keys(antwoord.content ?? {}).join(', ') || 'niets'})`;
      schema = inhoud.schema;
    }
    const sleutel = JSON.stringify(schema);
    let valideer = this.validators.get(sleutel);
    if (!valideer) {
      valideer = this.ajv.compile({ allOf: [zonderId(schema)], components: this.components });
      this.validators.set(sleutel, valideer);
    }
    let waarde: unknown;
    try {
      waarde = JSON.parse(body);
    } catch {
      return 'geen geldige JSON';
    }
    if (valideer(waarde)) return null;
    return (valideer.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('; ');
  }
}

/** A copy without `$id`s: the document's component schemas keep the ids they were registered with, which Ajv would see twice. */
function zonderId(waarde: unknown): unknown {
  if (Array.isArray(waarde)) return waarde.map(zonderId);
  if (waarde === null || typeof waarde !== 'object') return waarde;
  return Object.fromEntries(Object.entries(waarde).filter(([k]) => k !== '$id').map(([k, v]) => [k, zonderId(v)]));
}
