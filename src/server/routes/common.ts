import { Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Gegevens } from '../gegevens.js';
import { SECUNDAIR_AFGESCHERMD, type Aantal, type GepubliceerdCijfer } from '../../domain/openbaarmaking.js';
import type { Status } from '../../domain/telling/uitsluitingen.js';
import type { Celwaarde, CsvTabel } from '../csv.js';
import type { TellingInfo } from '../runs.js';
import { FormaatParam, StatusParam, SchooljaarParam, StringEnum, type Categoriecijfer } from '../schemas.js';

/** What every route module gets: the database and where the boundary files are. */
export interface ApiContext {
  /** the public door (src/db/publiek.ts): figures and reference data, never person data */
  db: Db;
  geoMap: string;
  gegevens: Gegevens;
}

/** Makes the published response into CSV tables; runs on the response after openbaarmaking. */
// The payload is the published JSON of the route; its shape is the route's response schema.
export type CsvMaker = (gepubliceerd: any) => CsvTabel[];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The tables of this route as CSV, if it offers them. */
    csv?: CsvMaker;
  }
}

/** Query parameters of a figure route: the caller's own, plus formaat and (for CSV) tabel. */
export function figuurQuery<P extends TProperties>(eigen: P, tabellen: readonly string[]) {
  return Type.Object({
    ...eigen,
    formaat: Type.Optional(FormaatParam),
    tabel: Type.Optional(StringEnum(tabellen, { description: 'Alleen deze tabel in de CSV; zonder: alle tabellen onder elkaar, met een kolom tabel.' })),
  }, { additionalProperties: false });
}

export const JaarEnStatus = {
  schooljaar: Type.Optional(SchooljaarParam),
  status: Type.Optional(StatusParam),
};

export interface JaarEnStatusQuery {
  schooljaar?: string;
  status?: Status;
}

export function query<T>(request: FastifyRequest): T {
  return request.query as T;
}

export function params<T>(request: FastifyRequest): T {
  return request.params as T;
}

// ----------------------------------------------------------------------------- CSV columns

export const TELLINGKOLOMMEN = ['schooljaar', 'status', 'definitieversie', 'runId'] as const;
export const CIJFERKOLOMMEN = ['startpopulatie', 'vsv', 'percentage'] as const;

export function tellingCellen(t: TellingInfo): Record<string, Celwaarde> {
  return { schooljaar: t.schooljaar, status: t.status, definitieversie: t.definitieversie, runId: t.runId };
}

export function cijferCellen(c: GepubliceerdCijfer | null, voorvoegsel = ''): Record<string, Celwaarde> {
  const naam = (k: string) => (voorvoegsel ? `${voorvoegsel}${k[0]!.toUpperCase()}${k.slice(1)}` : k);
  // A count withheld by secondary suppression is null in JSON (with afschermingsreden); an
  // empty CSV cell would read as missing, so the cell says why instead.
  const aantal = (a: Aantal | null | undefined) => (a === null ? (c?.afschermingsreden ?? SECUNDAIR_AFGESCHERMD) : a);
  return { [naam('startpopulatie')]: aantal(c?.startpopulatie), [naam('vsv')]: aantal(c?.vsv), [naam('percentage')]: c?.percentage };
}

/** The columns of a figure judged against a norm: the figure, the norm, whose norm it is, the judgement. */
export const NORMKOLOMMEN = [...CIJFERKOLOMMEN, 'norm', 'normjaar', 'vastgesteld', 'normoordeel'] as const;
export const NORMSAMENVATTINGKOLOMMEN = ['aantalBovenNorm', 'aantalBinnenNorm', 'aantalAfgeschermd'] as const;

export function normCellen(c: Static<typeof Categoriecijfer>): Record<string, Celwaarde> {
  return { ...cijferCellen(c.cijfer), norm: c.cijfer.norm, normjaar: c.normjaar, vastgesteld: c.vastgesteld, normoordeel: c.cijfer.normoordeel };
}

export function tabel(naam: string, kolommen: readonly string[], rijen: Record<string, Celwaarde>[]): CsvTabel {
  return { naam, kolommen, rijen };
}

export const ok = <T extends TSchema>(schema: T, description: string) => ({ 200: { description, ...schema } });

export const UITSPLITSINGSTABELLEN = ['totaal', 'sector', 'categorie', 'leerweg', 'leeftijdsgroep', 'geslacht'] as const;
