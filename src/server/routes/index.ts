import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './common.js';
import { gemeenteRoutes } from './gemeenten.js';
import { instellingRoutes } from './instellingen.js';
import { kaartRoutes } from './kaarten.js';
import { landelijkRoutes } from './landelijk.js';
import { auditRoutes } from './audit.js';
import { personenRoutes } from './personen.js';
import { rechtenRoutes } from './rechten.js';
import { regioRoutes } from './regios.js';
import { tellingRoutes } from './tellingen.js';
import { vergelijkingRoutes } from './vergelijking.js';

/** Every route of /api/v1. Each module maps HTTP onto reads of stored results only. */
export async function apiRoutes(app: FastifyInstance, context: ApiContext): Promise<void> {
  await tellingRoutes(app, context);
  await landelijkRoutes(app, context);
  await regioRoutes(app, context);
  await gemeenteRoutes(app, context);
  await instellingRoutes(app, context);
  await vergelijkingRoutes(app, context);
  await kaartRoutes(app, context);
  await rechtenRoutes(app);
  // Person data and the audit trail: protected by the policy, every read audited.
  await personenRoutes(app, context);
  await auditRoutes(app, context);
}
