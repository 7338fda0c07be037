import { parseSchooljaar } from '../domain/schooljaar.js';
import { ongeldig, type InvalidParam } from './problems.js';

/**
 * Checks the path and query parameters of a request against the route's schema, all at
 * once: the API Design Rules ask a 400 to name every invalid parameter, while Fastify's own
 * validation stops at the first part (path, then query) that fails. Reasons are in Dutch
 * and say what a valid value looks like. Runs before Fastify's validation, which then only
 * converts types.
 */
interface ParamSchema {
  type?: string;
  pattern?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
}

interface ObjectSchema {
  properties?: Record<string, ParamSchema>;
  required?: string[];
}

/** Checks a pattern cannot express: the second year of a school year follows the first. */
const EXTRA: Record<string, (waarde: string) => string | null> = {
  schooljaar: (w) => (parseSchooljaar(w) ? null : `'${w}' is geen schooljaar: het tweede jaar moet direct op het eerste volgen, bijv. 2019-2020`),
};

function controleerWaarde(naam: string, ruw: unknown, s: ParamSchema): InvalidParam | null {
  if (Array.isArray(ruw)) return { name: naam, code: 'repeated', reason: 'mag maar één keer voorkomen' };
  const w = String(ruw);
  const fout = (code: string, reason: string): InvalidParam => ({ name: naam, code, reason });
  if (s.type === 'integer' || s.type === 'number') {
    const getal = Number(w);
    if (w.trim() === '' || !Number.isFinite(getal) || (s.type === 'integer' && !/^-?\d+$/.test(w.trim()))) {
      return fout('type', `'${w}' is geen ${s.type === 'integer' ? 'geheel getal' : 'getal'}`);
    }
    if (s.minimum !== undefined && getal < s.minimum) return fout('minimum', `moet minstens ${s.minimum} zijn`);
    if (s.maximum !== undefined && getal > s.maximum) return fout('maximum', `mag hoogstens ${s.maximum} zijn`);
    return null;
  }
  if (s.type === 'boolean') return w === 'true' || w === 'false' ? null : fout('type', 'kies true of false');
  if (s.enum && !s.enum.includes(w)) return fout('enum', `'${w}' is niet toegestaan; kies uit: ${s.enum.join(', ')}`);
  if (s.minLength !== undefined && w.length < s.minLength) return fout('minLength', `moet minstens ${s.minLength} teken(s) lang zijn`);
  if (s.maxLength !== undefined && w.length > s.maxLength) return fout('maxLength', `mag hoogstens ${s.maxLength} tekens lang zijn`);
  if (s.pattern && !new RegExp(s.pattern, 'u').test(w)) {
    return fout('pattern', `'${w}' heeft niet de juiste vorm${s.example !== undefined ? `, bijvoorbeeld ${String(s.example)}` : ''}`);
  }
  const extra = EXTRA[naam]?.(w);
  return extra ? fout('invalid', extra) : null;
}

export function controleerObject(waarden: Record<string, unknown>, schema: ObjectSchema | undefined, strikt: boolean): InvalidParam[] {
  const props = schema?.properties ?? {};
  const fouten: InvalidParam[] = [];
  for (const naam of schema?.required ?? []) {
    if (waarden[naam] === undefined || waarden[naam] === '') fouten.push({ name: naam, code: 'required', reason: 'is verplicht' });
  }
  for (const [naam, waarde] of Object.entries(waarden)) {
    const s = props[naam];
    if (!s) {
      if (strikt) {
        const bekend = Object.keys(props);
        fouten.push({ name: naam, code: 'unknown', reason: bekend.length ? `onbekende parameter; bekend zijn: ${bekend.join(', ')}` : 'deze bron kent geen parameters' });
      }
      continue;
    }
    if (waarde === undefined || (waarde === '' && !(schema?.required ?? []).includes(naam))) continue;
    const f = controleerWaarde(naam, waarde, s);
    if (f) fouten.push(f);
  }
  return fouten;
}

export function controleerParameters(
  schema: { params?: unknown; querystring?: unknown } | undefined,
  params: Record<string, unknown>, query: Record<string, unknown>,
): void {
  if (!schema) return;
  const fouten = [
    ...controleerObject(params, schema.params as ObjectSchema | undefined, false),
    ...controleerObject(query, schema.querystring as ObjectSchema | undefined, true),
  ];
  if (fouten.length > 0) throw ongeldig(fouten);
}
