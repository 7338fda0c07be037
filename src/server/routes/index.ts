import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Gegevens } from '../gegevens.js';
import type { ApiContext } from './common.js';
import { gemeenteRoutes } from './gemeenten.js';
import { instellingRoutes } from './instellingen.js';
import { kaartRoutes } from './kaarten.js';
import { landelijkRoutes } from './landelijk.js';
import { lijstRoutes } from './lijsten.js';
import { dossierRoutes } from './dossiers.js';
import { overdrachtRoutes } from './overdrachten.js';
import { regioInstellingRoutes, werklijstRoutes } from './werklijst.js';
import { effectrapportageRoutes } from './effectrapportage.js';
import { auditRoutes } from './audit.js';
import { personenRoutes } from './personen.js';
import { rechtenRoutes } from './rechten.js';
import { regioRoutes } from './regios.js';
import { tellingRoutes } from './tellingen.js';
import { vergelijkingRoutes } from './vergelijking.js';
import { verzuimRoutes, type Verzuiminstellingen } from './verzuim.js';
import { verzuimPubliekRoutes } from './verzuimPubliek.js';

/** Every public route of /api/v1, on the public door. Each module maps HTTP onto reads of stored results only. */
export async function apiRoutes(app: FastifyInstance, context: ApiContext): Promise<void> {
  await tellingRoutes(app, context);
  await landelijkRoutes(app, context);
  await regioRoutes(app, context);
  await gemeenteRoutes(app, context);
  await instellingRoutes(app, context);
  await vergelijkingRoutes(app, context);
  await kaartRoutes(app, context);
  await verzuimPubliekRoutes(app, context);
  await rechtenRoutes(app);
}

/**
 * The routes with person data and the audit trail: protected by the policy, every read
 * audited, and the only ones given the full database (the public ones get the public door).
 */
export async function beschermdeRoutes(app: FastifyInstance, context: { db: Db; gegevens: Gegevens; verzuim: Verzuiminstellingen }): Promise<void> {
  await personenRoutes(app, context);
  await lijstRoutes(app, context);
  await dossierRoutes(app, context);
  await overdrachtRoutes(app, context);
  await werklijstRoutes(app, context);
  await regioInstellingRoutes(app, context);
  await effectrapportageRoutes(app, context);
  await auditRoutes(app, context);
  await verzuimRoutes(app, context);
}
