import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { DatabaseInUse, acquireFolderLock, lockPathFor } from '../../src/db/folderLock.js';
import { openDatabase } from '../../src/db/open.js';
import { tijdelijkeMap } from '../support/database.js';

/**
 * The lock beside an embedded database folder (src/db/folderLock.ts): one user of a folder at
 * a time, the holder named, a stale lock taken over. Across real processes: test/cli/slot.test.ts.
 */

/** The pid of a process that has exited (and whose pid no process now has, barring reuse within this test). */
function pidVanGestoptProces(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('het slot van een ingebedde database', () => {
  let map: string;
  let meldingen: string[];
  const meld = (m: string) => meldingen.push(m);

  beforeEach(async () => {
    map = join(await tijdelijkeMap('slot'), 'db');
    meldingen = [];
  });

  it('het slotbestand ligt naast de map en noemt pid, opdracht, computer en begintijd; sluiten haalt het weg', () => {
    const slot = acquireFolderLock(map, 'binnenboord import', meld);
    expect(slot.path).toBe(`${map}.lock`);
    expect(JSON.parse(readFileSync(slot.path, 'utf8'))).toEqual({
      pid: process.pid, command: 'binnenboord import', host: hostname(), since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      processStart: expect.anything(),
    });
    slot.release();
    expect(existsSync(slot.path)).toBe(false);
    expect(meldingen).toEqual([]);
  });

  it('een tweede opener wordt geweigerd met een melding die de houder noemt', () => {
    const slot = acquireFolderLock(map, 'binnenboord server (npm start)', meld);
    try {
      expect(() => acquireFolderLock(map, 'binnenboord import', meld)).toThrow(DatabaseInUse);
      expect(() => acquireFolderLock(map, 'binnenboord import', meld)).toThrow(new RegExp(
        `^De ingebedde database in ${map} is in gebruik door een ander proces: binnenboord server \\(npm start\\) \\(pid ${process.pid} \\(dit proces zelf\\)\\), ` +
        'sinds \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\. Eén proces tegelijk'));
      expect(readFileSync(slot.path, 'utf8')).toContain('binnenboord server');
    } finally {
      slot.release();
    }
    acquireFolderLock(map, 'binnenboord import', meld).release();
  });

  it('een verouderd slot (dat proces draait niet meer) wordt overgenomen, met een melding', () => {
    const dood = pidVanGestoptProces();
    writeFileSync(lockPathFor(map), `${JSON.stringify({ pid: dood, command: 'binnenboord import', host: hostname(), since: '2026-01-02T03:04:05.000Z', processStart: null })}\n`);
    const slot = acquireFolderLock(map, 'binnenboord telling', meld);
    expect(JSON.parse(readFileSync(slot.path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'binnenboord telling' });
    expect(meldingen).toEqual([`Let op: het slotbestand ${slot.path} was van binnenboord import (pid ${dood}, sinds 2026-01-02 03:04:05 UTC), maar dat proces draait niet meer; het slot is overgenomen.`]);
    expect(existsSync(`${slot.path}.overname`)).toBe(false);
    slot.release();
  });

  it('een pid die nu van een ander proces is (andere starttijd) geldt als verouderd', () => {
    // pid 1 runs, but its start time in /proc is a number, never 'nooit'.
    expect(existsSync('/proc/1/stat')).toBe(true);
    writeFileSync(lockPathFor(map), `${JSON.stringify({ pid: 1, command: 'binnenboord import', host: hostname(), since: '2026-01-02T03:04:05.000Z', processStart: 'nooit' })}\n`);
    const slot = acquireFolderLock(map, 'binnenboord telling', meld);
    expect(meldingen).toHaveLength(1);
    slot.release();
  });

  it('een slot van een levend proces wordt nooit overgenomen', () => {
    writeFileSync(lockPathFor(map), `${JSON.stringify({ pid: 1, command: 'binnenboord server (npm start)', host: hostname(), since: '2026-01-02T03:04:05.000Z', processStart: null })}\n`);
    expect(() => acquireFolderLock(map, 'binnenboord import', meld)).toThrow(/in gebruik door een ander proces: binnenboord server \(npm start\) \(pid 1\)/);
    expect(readFileSync(lockPathFor(map), 'utf8')).toContain('"pid":1');
  });

  it('een slot van een andere computer wordt niet overgenomen: het noemt die computer', () => {
    writeFileSync(lockPathFor(map), `${JSON.stringify({ pid: pidVanGestoptProces(), command: 'binnenboord import', host: 'elders.example', since: '2026-01-02T03:04:05.000Z', processStart: null })}\n`);
    expect(() => acquireFolderLock(map, 'binnenboord import', meld)).toThrow(/op computer elders\.example.*verwijder dan dit bestand/);
  });

  it('een leeg slotbestand, ouder dan een paar seconden (afgebroken proces), wordt overgenomen; een vers leeg bestand niet meteen', () => {
    writeFileSync(lockPathFor(map), '');
    const oud = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(map), oud, oud);
    const slot = acquireFolderLock(map, 'binnenboord import', meld);
    expect(meldingen).toEqual([expect.stringContaining('was leeg of onleesbaar')]);
    slot.release();
  });

  it('openDatabase neemt het slot en sluiten geeft het vrij; een tweede openDatabase op dezelfde map wordt geweigerd', async () => {
    await cp(inject('pgliteSjabloon'), map, { recursive: true });
    const db = await openDatabase(map, { command: 'test-houder' });
    try {
      expect(existsSync(lockPathFor(map))).toBe(true);
      await expect(openDatabase(map)).rejects.toThrow(/in gebruik door een ander proces: test-houder/);
    } finally {
      await db.close();
    }
    expect(existsSync(lockPathFor(map))).toBe(false);
    const weer = await openDatabase(map);
    expect(await weer.query('SELECT count(*)::int AS n FROM schema_migration')).toEqual([{ n: 15 }]);
    await weer.close();
  });
});
