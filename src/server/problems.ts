import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Errors as RFC 9457 problem details (`application/problem+json`), as the API Design Rules
 * require: every error has status, title and detail; a 400 lists every invalid parameter.
 * Titles are stable per status, details say what to change.
 */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  invalidParams?: InvalidParam[];
}

const TITELS: Record<number, string> = {
  400: 'Ongeldige parameters',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  406: 'Gevraagd formaat niet beschikbaar',
  409: 'Conflict met de huidige toestand',
  415: 'Verkeerd mediatype',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Tijdelijk niet beschikbaar',
};

export class ProblemError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly invalidParams?: InvalidParam[]) {
    super(detail);
  }
}

export const nietGevonden = (detail: string) => new ProblemError(404, detail);
export const ongeldig = (invalidParams: InvalidParam[], detail = 'Een of meer parameters zijn ongeldig; zie invalidParams.') =>
  new ProblemError(400, detail, invalidParams);

export function maakProblem(status: number, detail: string, instance?: string, invalidParams?: InvalidParam[]): Problem {
  return {
    type: status === 500 ? 'about:blank' : `https://developer.overheid.nl/kennisbank/apis/problem-details#${status}`,
    title: TITELS[status] ?? 'Fout',
    status,
    detail,
    ...(instance ? { instance } : {}),
    ...(invalidParams ? { invalidParams } : {}),
  };
}

export function stuurProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  // Serialised here, not by a route's response schema: an error never takes the shape of data.
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(problem);
}

/** Fastify's own validation errors, should any get past the parameter check, in the same shape. */
function validatieNaarParams(e: FastifyError): InvalidParam[] {
  return (e.validation ?? []).map((v) => {
    const pad = v.instancePath.replace(/^\//, '');
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    return { name: missing ?? (pad || e.validationContext || 'onbekend'), code: v.keyword, reason: v.message ?? 'ongeldig' };
  });
}

export function foutafhandeling(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const instance = request.url.split('?')[0];
  if (error instanceof ProblemError) {
    return stuurProblem(reply, maakProblem(error.status, error.detail, instance, error.invalidParams));
  }
  if (error.validation) {
    return stuurProblem(reply, maakProblem(400, 'Een of meer parameters zijn ongeldig; zie invalidParams.', instance, validatieNaarParams(error)));
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'onverwachte fout');
    return stuurProblem(reply, maakProblem(500, 'Er ging iets mis bij het verwerken van het verzoek. Probeer het later opnieuw.', instance));
  }
  return stuurProblem(reply, maakProblem(status, error.message, instance));
}
