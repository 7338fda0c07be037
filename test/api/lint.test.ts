import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECTMAP } from '../../src/config.js';
import { openapiDocument, ruleset } from '../../src/server/openapiDocument.js';
import { ADR_REGELSET, titel } from '../support/gedeeld.js';

/** `npm run lint:api`: the published OpenAPI document passes the API Design Rules ruleset, and the fallback ruleset. */
function lint(regels: string, document: string): { status: number | null; uitvoer: string } {
  const r = spawnSync(join(PROJECTMAP, 'node_modules', '.bin', 'spectral'), ['lint', '--fail-severity', 'error', '-r', regels, document], { encoding: 'utf8' });
  return { status: r.status, uitvoer: `${r.stdout}${r.stderr}` };
}

async function documentBestand(): Promise<string> {
  const map = await mkdtemp(join(tmpdir(), 'binnenboord-lint-'));
  const document = join(map, 'openapi.json');
  await writeFile(document, JSON.stringify(await openapiDocument()));
  return document;
}

describe.skipIf(!ADR_REGELSET.aanwezig)(titel('API Design Rules (Spectral): de officiële regelset van Logius', ADR_REGELSET), () => {
  it('het OpenAPI-document heeft geen fouten volgens tools/adr/linter.yaml, en npm run lint:api gebruikt die', async () => {
    // With the shared folder present, lint:api must use the official ruleset, not the fallback.
    expect(ruleset()).toBe(ADR_REGELSET.pad);
    const r = lint(ADR_REGELSET.pad, await documentBestand());
    expect(r.uitvoer).toContain("No results with a severity of 'error' found!");
    expect(r.status).toBe(0);
  });
});

describe('API Design Rules (Spectral)', () => {
  it('het OpenAPI-document heeft geen fouten volgens de eigen kernregels', async () => {
    const regels = join(PROJECTMAP, 'src', 'server', 'lint', 'adr-kern.yaml');
    const r = lint(regels, await documentBestand());
    expect(r.uitvoer, regels).toContain("No results with a severity of 'error' found!");
    expect(r.status, regels).toBe(0);
  });

  it('de eigen kernregels vinden wel fouten in een document dat de regels breekt', async () => {
    const map = await mkdtemp(join(tmpdir(), 'binnenboord-lint-'));
    const document = join(map, 'openapi.json');
    await writeFile(document, JSON.stringify({
      openapi: '3.0.3', info: { title: 't', version: '1.2' }, servers: [{ url: '/api' }],
      paths: { '/camelCase': { get: { parameters: [{ name: 'snake_case', in: 'query', schema: { type: 'string' } }],
        responses: { 200: { description: 'ok' }, 404: { description: 'x', content: { 'application/json': { schema: { type: 'object' } } } } } } } },
    }));
    const r = lint(join(PROJECTMAP, 'src', 'server', 'lint', 'adr-kern.yaml'), document);
    expect(r.status).toBe(1);
    for (const regel of ['adr:semver', 'adr:contact', 'adr:major-version-in-uri', 'adr:paths-kebab-case', 'adr:query-keys-camel-case',
      'adr:version-header', 'adr:problem-details', 'adr:invalid-input']) expect(r.uitvoer).toContain(regel);
  });
});
