import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECTMAP } from '../../src/config.js';
import { lockPathFor } from '../../src/db/folderLock.js';
import { openDatabase } from '../../src/db/open.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { binnenboord } from '../support/cli.js';
import { metDatabase, tijdelijkeMap } from '../support/database.js';
import { momentopname, voorbeelden } from '../support/levering.js';
import { VOORBEELDEN, titel } from '../support/gedeeld.js';

/**
 * One user of an embedded database folder at a time, across real processes: the server holds
 * its folder for its whole life, so an import from the command line meanwhile is refused with
 * a message naming the server, and the database is intact afterwards. A lock left by a process
 * that no longer runs is taken over. (PGlite only: on a PostgreSQL server imports and counts
 * wait for each other instead, test/db/schrijfslot.test.ts.)
 */
describe.skipIf(!VOORBEELDEN.aanwezig)(titel('één gebruiker van een ingebedde database', VOORBEELDEN), () => {
  let locatie: string;
  let werkmap: string;
  let voor: Record<string, string[]>;

  beforeAll(async () => {
    locatie = join(await tijdelijkeMap('slot'), 'db');
    await cp(inject('pgliteSjabloon'), locatie, { recursive: true });
    werkmap = await tijdelijkeMap('cwd');
    await metDatabase(locatie, (db) => importeerLevering(db, voorbeelden().levering));
    voor = await metDatabase(locatie, momentopname);
  });

  it('terwijl de server de map open heeft: import en telling stoppen met status 1 en noemen de server; daarna is alles intact', async () => {
    const server = spawn(process.execPath, [join(PROJECTMAP, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(PROJECTMAP, 'src', 'server', 'main.ts')], {
      env: { ...process.env, BINNENBOORD_DATABASE: locatie, PORT: '0', BINNENBOORD_LOGNIVEAU: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let uitvoer = '';
    const gestopt = new Promise<number | null>((klaar) => server.on('exit', (code) => klaar(code)));
    try {
      await new Promise<void>((klaar, fout) => {
        const lees = (b: Buffer) => {
          uitvoer += String(b);
          if (uitvoer.includes('draait op')) klaar();
        };
        server.stdout.on('data', lees);
        server.stderr.on('data', lees);
        void gestopt.then(() => fout(new Error(`de server stopte: ${uitvoer}`)));
      });
      const houder = new RegExp(`^binnenboord: De ingebedde database in ${locatie} is in gebruik door een ander proces: ` +
        'binnenboord server \\(npm start\\) \\(pid (\\d+)\\), sinds \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\. ');
      const imp = await binnenboord(['import', voorbeelden().levering, '--database', locatie], { cwd: werkmap });
      expect(imp.status).toBe(1);
      expect(imp.stdout).toBe('');
      expect(imp.stderr).toMatch(houder);
      // tsx runs the server in a child of the process spawned here; either way not this test process
      expect(Number(houder.exec(imp.stderr)![1])).not.toBe(process.pid);
      expect(imp.stderr).toContain(`Slotbestand: ${locatie}.lock.`);
      const tel = await binnenboord(['telling', '--schooljaar', '2019-2020', '--database', locatie], { cwd: werkmap });
      expect(tel.status).toBe(1);
      expect(tel.stderr).toMatch(houder);
    } finally {
      server.kill('SIGTERM');
      await gestopt;
    }
    expect(await gestopt).toBe(0);
    expect(existsSync(lockPathFor(locatie))).toBe(false);
    expect(await metDatabase(locatie, momentopname)).toEqual(voor);
  });

  it('terwijl een ander proces (hier: de test zelf) de map open heeft: import status 1 met die houder; na sluiten gaat het', async () => {
    const db = await openDatabase(locatie, { command: 'binnenboord telling' });
    try {
      const u = await binnenboord(['import', voorbeelden().levering, '--database', locatie], { cwd: werkmap });
      expect(u.status).toBe(1);
      expect(u.stderr).toMatch(new RegExp(`in gebruik door een ander proces: binnenboord telling \\(pid ${process.pid}\\)`));
      expect(u.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    } finally {
      await db.close();
    }
    const u = await binnenboord(['import', voorbeelden().levering, '--database', locatie], { cwd: werkmap });
    expect(u.status).toBe(0);
    expect(u.stdout).toContain('is al ingelezen');
    expect(await metDatabase(locatie, momentopname)).toEqual(voor);
  });

  it('een verouderd slot (het proces draait niet meer) wordt overgenomen, met een melding; de opdracht slaagt', async () => {
    const dood = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(lockPathFor(locatie), `${JSON.stringify({ pid: dood, command: 'binnenboord import', host: hostname(), since: '2026-01-02T03:04:05.000Z', processStart: null })}\n`);
    const u = await binnenboord(['leveringen', '--database', locatie], { cwd: werkmap });
    expect(u.status).toBe(0);
    expect(u.stderr).toBe(`Let op: het slotbestand ${locatie}.lock was van binnenboord import (pid ${dood}, sinds 2026-01-02 03:04:05 UTC), maar dat proces draait niet meer; het slot is overgenomen.\n`);
    expect(u.stdout).toMatch(/^1\s+levering\s/m);
    expect(existsSync(lockPathFor(locatie))).toBe(false);
  });
});

describe('het slot noemt nooit de argumenten van een opdracht', () => {
  it('verklaar --persoon: het slotbestand zegt alleen "binnenboord verklaar"', async () => {
    const { describeThisProcess } = await import('../../src/db/folderLock.js');
    const argv = process.argv;
    try {
      process.argv = [argv[0]!, '/x/bin/binnenboord.js', 'verklaar', '--persoon', 'P07'];
      expect(describeThisProcess()).toBe('binnenboord verklaar');
    } finally {
      process.argv = argv;
    }
  });
});
