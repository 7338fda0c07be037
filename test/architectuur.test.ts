import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The structure of src/ as docs/ARCHITECTURE.md describes it, checked on every import:
 *
 * (a) layers: a part of src/ imports only parts of a LOWER layer (or itself). Parts in the
 *     same layer do not import each other, so server and cli stay independent, and so do
 *     the import and the count.
 * (b) all SQL lives in src/db: no string in another folder reads like an SQL statement.
 *
 * Imports are read with the TypeScript compiler (ts.preProcessFile: static imports,
 * `export … from`, `import()` and `import type`), strings from the syntax tree, so comments
 * that mention SQL do not count.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Layer per part of src/ (a folder, or a file directly in src/): higher may import lower. */
const LAGEN: Record<string, number> = {
  domain: 0, // pure rules and value types: imports nothing else of ours
  'config.ts': 0, // settings from the environment
  db: 1, // all SQL; may use the domain's types
  importeren: 2, // the import service
  telling: 2, // the count service
  toegang: 2, // accounts, passwords and OpenID Connect (uses db and the domain's roles)
  verzuim: 3, // absence reports: import and handling (uses the import's CSV reader)
  lijsten: 3, // the monthly lists (uses the count's stored runs)
  publicatie: 3, // the suppression pattern of each run, kept after the count (uses db and the domain's openbaarmaking)
  referentie: 3, // shared reference data as a delivery (uses the import's CSV reader)
  generator: 4, // synthetic deliveries (reads the reference data)
  demo: 5, // generates, imports and counts demo data
  kalibratie: 6, // generates, imports and counts, then compares with the published figures
  server: 7, // the HTTP API: on top, nothing imports it
  cli: 7, // the command line: on top, nothing imports it
};

/**
 * Known violations, each to be removed by the owner of the file named (empty is the goal).
 * Form: 'file → imported file' for (a), 'file' for (b).
 */
const BEKENDE_UITZONDERINGEN: readonly string[] = [];

function bestanden(map: string): string[] {
  return readdirSync(map, { withFileTypes: true }).flatMap((e) => {
    const pad = join(map, e.name);
    if (e.isDirectory()) return bestanden(pad);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [pad] : [];
  });
}

/** 'domain', 'config.ts', …: the first path segment under src/. */
const deel = (bestand: string) => relative(SRC, bestand).split(/[\\/]/)[0]!;
const naam = (bestand: string) => `src/${relative(SRC, bestand).replaceAll('\\', '/')}`;

const ALLE = bestanden(SRC);

function importsVan(bestand: string): string[] {
  const info = ts.preProcessFile(readFileSync(bestand, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName).filter((f) => f.startsWith('.'))
    .map((f) => resolve(dirname(bestand), f).replace(/\.js$/, '.ts'));
}

/** String and template literal texts, with their line, outside comments. */
function teksten(bestand: string): { tekst: string; regel: number }[] {
  const bron = ts.createSourceFile(bestand, readFileSync(bestand, 'utf8'), ts.ScriptTarget.Latest, true);
  const uit: { tekst: string; regel: number }[] = [];
  const bezoek = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      uit.push({ tekst: n.text, regel: bron.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
    }
    ts.forEachChild(n, bezoek);
  };
  bezoek(bron);
  return uit;
}

/** Upper-case SQL keywords as statements start (so "DELETE" as an HTTP method is not SQL). */
const SQL = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIEW)|ALTER\s+TABLE|DROP\s+TABLE|COPY\s+[\w(])/;

describe('architectuur: lagen en SQL', { timeout: 60_000 }, () => {
  it('kent elk deel van src/ (een nieuw deel krijgt hier een laag)', () => {
    const onbekend = [...new Set(ALLE.map(deel))].filter((d) => !(d in LAGEN));
    expect(onbekend, `voeg deze delen toe aan LAGEN in test/architectuur.test.ts: ${onbekend.join(', ')}`).toEqual([]);
  });

  it('(a) geen import loopt een laag omhoog of zijwaarts', () => {
    const fouten: string[] = [];
    for (const bestand of ALLE) {
      const van = deel(bestand);
      for (const doel of importsVan(bestand)) {
        const naar = deel(doel);
        if (naar === van) continue;
        if (relative(SRC, doel).startsWith('..')) {
          fouten.push(`${naam(bestand)} → ${doel}: importeert buiten src/`);
        } else if (!(LAGEN[naar]! < LAGEN[van]!)) {
          const regel = `${naam(bestand)} → ${naam(doel)}`;
          if (!BEKENDE_UITZONDERINGEN.includes(regel)) fouten.push(`${regel}: ${van} (laag ${LAGEN[van]}) mag ${naar} (laag ${LAGEN[naar]}) niet importeren`);
        }
      }
    }
    expect(fouten, `imports tegen de lagen in:\n${fouten.join('\n')}`).toEqual([]);
  });

  it('(b) alle SQL staat in src/db', () => {
    const fouten: string[] = [];
    for (const bestand of ALLE.filter((b) => deel(b) !== 'db')) {
      if (BEKENDE_UITZONDERINGEN.includes(naam(bestand))) continue;
      for (const { tekst, regel } of teksten(bestand)) {
        const m = SQL.exec(tekst);
        if (m) fouten.push(`${naam(bestand)}:${regel}: '${m[0]}…' hoort in src/db`);
      }
    }
    expect(fouten, `SQL buiten src/db:\n${fouten.join('\n')}`).toEqual([]);
  });

  it('herkent een import omhoog en SQL in een tekst (de test zelf kan falen)', () => {
    expect(LAGEN.db! < LAGEN.server!).toBe(true);
    expect(SQL.test('SELECT reden FROM telling_persoon')).toBe(true);
    expect(SQL.test("COPY (SELECT 1) TO STDOUT")).toBe(true);
    expect(SQL.test('DELETE')).toBe(false);
    expect(SQL.test('Selecteer een jaar')).toBe(false);
    const info = ts.preProcessFile("import type { A } from '../server/app.js';\nexport { b } from './b.js';\nconst c = await import('../cli/main.js');", true, true);
    expect(info.importedFiles.map((f) => f.fileName)).toEqual(['../server/app.js', './b.js', '../cli/main.js']);
  });
});
