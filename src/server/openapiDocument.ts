import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECTMAP, gedeeldeMap } from '../config.js';
import type { Db } from '../db/database.js';
import { bouwApp } from './app.js';

/**
 * The OpenAPI document exactly as the server publishes it, made without a database (making
 * it reads none), and the Spectral ruleset to lint it with: the official API Design Rules
 * ruleset of the shared folder (tools/adr/linter.yaml), or without that folder the small
 * committed ruleset with the core rules (src/server/lint/adr-kern.yaml).
 */
const geenDatabase: Db = new Proxy({} as Db, {
  get: () => {
    throw new Error('het OpenAPI-document wordt zonder database gemaakt');
  },
});

export async function openapiDocument(): Promise<unknown> {
  const app = await bouwApp({ db: geenDatabase, publiek: geenDatabase, webMap: null, geoMap: '' });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc;
}

export function ruleset(): string {
  const gedeeld = join(gedeeldeMap(), 'tools', 'adr', 'linter.yaml');
  return existsSync(gedeeld) ? gedeeld : join(PROJECTMAP, 'src', 'server', 'lint', 'adr-kern.yaml');
}
