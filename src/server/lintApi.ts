import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECTMAP } from '../config.js';
import { openapiDocument, ruleset } from './openapiDocument.js';

/**
 * `npm run lint:api`: writes the published OpenAPI document to dist/openapi.json and lints it
 * with Spectral; exit status 1 when there is any result of severity error.
 */
const uit = join(PROJECTMAP, 'dist', 'openapi.json');
await mkdir(join(PROJECTMAP, 'dist'), { recursive: true });
await writeFile(uit, `${JSON.stringify(await openapiDocument(), null, 2)}\n`);
const regels = ruleset();
process.stdout.write(`OpenAPI-document: ${uit}\nRegelset: ${regels}\n`);
const spectral = join(PROJECTMAP, 'node_modules', '.bin', 'spectral');
const r = spawnSync(spectral, ['lint', '--fail-severity', 'error', '-r', regels, uit], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
