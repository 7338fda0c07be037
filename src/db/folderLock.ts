import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, resolve } from 'node:path';

/**
 * One writer at a time for an embedded database folder. PGlite assumes it is the only user
 * of its folder: a second process opening it (an import while the server runs) corrupts it.
 * So whoever opens a folder first creates `<folder>.lock` beside it, atomically (`open` with
 * `wx`), holding who it is: pid, command, host, start time. A second opener is refused with
 * a message naming that holder. The file is removed on close, and on process exit.
 *
 * A lock is stale when its holder is gone: same host, and no process with that pid runs (or
 * one does, but it started at another time than the holder: the pid was reused). A stale
 * lock is taken over, with a message. Taking over goes through a second exclusive file
 * (`<lock>.overname`) and re-reads the lock under it, so two processes that both found the
 * same stale lock cannot both take it. A lock from another host is never taken over: its
 * holder cannot be checked from here.
 *
 * Why not proper-lockfile: it keeps a lock alive by touching it on a timer and calls it stale
 * when the timer stops, which a long synchronous import step (or a paused laptop) would trip;
 * and its lock holds no holder to name.
 */
export class DatabaseInUse extends Error {}

export interface LockHolder {
  readonly pid: number;
  readonly command: string;
  readonly host: string;
  /** ISO time the lock was taken */
  readonly since: string;
  /** Linux: the process start time from /proc (clock ticks since boot), to recognise a reused pid */
  readonly processStart: string | null;
}

export interface FolderLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

/** A file that is still empty (or half written) this long after it was made was left by a crash. */
const HALF_WRITTEN_MS = 2000;
/** A takeover file older than this was left by a process that died while taking over. */
const TAKEOVER_STALE_MS = 10_000;
const ATTEMPTS = 100;

const held = new Map<string, string>();
let exitHandler = false;

export function lockPathFor(folder: string): string {
  return `${resolve(folder)}.lock`;
}

/** What a lock says about its process: the program and its subcommand, never its other arguments (they may name a person). */
export function describeThisProcess(): string {
  const script = basename(process.argv[1] ?? 'node').replace(/\.(c|m)?[jt]s$/, '');
  const sub = process.argv[2];
  return sub && /^[a-z][a-z-]*$/.test(sub) ? `${script} ${sub}` : script;
}

export function acquireFolderLock(folder: string, command: string, notify: (message: string) => void): FolderLock {
  const path = lockPathFor(folder);
  const holder: LockHolder = {
    pid: process.pid, command, host: hostname(), since: new Date().toISOString(), processStart: processStart(process.pid),
  };
  const content = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (createExclusive(path, content)) return remember(path, holder, content);
    const existing = readLock(path);
    if (existing === null) continue; // released meanwhile: try again
    if (existing.holder === null) {
      // Created but not yet written by its owner, or left empty by a crash right after creating.
      if (Date.now() - existing.mtimeMs < HALF_WRITTEN_MS) {
        sleep(20);
        continue;
      }
      if (takeOver(path, existing.raw, content)) {
        notify(`Let op: het slotbestand ${path} was leeg of onleesbaar (achtergelaten door een afgebroken proces) en is overgenomen.`);
        return remember(path, holder, content);
      }
      continue;
    }
    if (!isStale(path, existing.holder)) throw new DatabaseInUse(inUseMessage(folder, path, existing.holder));
    if (takeOver(path, existing.raw, content)) {
      const h = existing.holder;
      notify(`Let op: het slotbestand ${path} was van ${h.command} (pid ${h.pid}, sinds ${formatTime(h.since)}), ` +
        'maar dat proces draait niet meer; het slot is overgenomen.');
      return remember(path, holder, content);
    }
  }
  throw new DatabaseInUse(`Het slotbestand ${path} kon niet worden genomen: het verandert steeds (meerdere processen tegelijk?). Probeer het opnieuw.`);
}

function remember(path: string, holder: LockHolder, content: string): FolderLock {
  held.set(path, content);
  if (!exitHandler) {
    exitHandler = true;
    // A process that exits without closing (process.exit on a signal) leaves no lock behind.
    process.on('exit', () => {
      for (const [p, c] of held) releaseIfOurs(p, c);
    });
  }
  return { path, holder, release: () => releaseIfOurs(path, content) };
}

function releaseIfOurs(path: string, content: string): void {
  if (held.get(path) !== content) return;
  held.delete(path);
  try {
    if (readFileSync(path, 'utf8') === content) unlinkSync(path);
  } catch {
    // already gone
  }
}

function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new DatabaseInUse(`Het slotbestand ${path} kan niet worden gemaakt: ${(e as Error).message}`);
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(path: string): { raw: string; holder: LockHolder | null; mtimeMs: number } | null {
  try {
    const mtimeMs = statSync(path).mtimeMs;
    const raw = readFileSync(path, 'utf8');
    return { raw, holder: parseHolder(raw), mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function parseHolder(raw: string): LockHolder | null {
  if (!raw.endsWith('\n')) return null; // not completely written yet
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string' || typeof h.since !== 'string') return null;
    return { pid: h.pid, command: String(h.command ?? 'onbekend'), host: h.host, since: h.since, processStart: h.processStart ?? null };
  } catch {
    return null;
  }
}

function isStale(path: string, h: LockHolder): boolean {
  if (h.host !== hostname()) return false;
  // Our own pid: held by this process (then it is in use), or left by an earlier process that
  // had the same pid (as pid 1 in a container after a restart).
  if (h.pid === process.pid) return !held.has(path);
  if (!isAlive(h.pid)) return true;
  const start = processStart(h.pid);
  return h.processStart !== null && start !== null && start !== h.processStart;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/PID/stat (after the command name, which may itself hold spaces and parentheses). */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function takeOver(path: string, staleRaw: string, content: string): boolean {
  const guard = `${path}.overname`;
  if (!createExclusive(guard, `${process.pid}\n`)) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > TAKEOVER_STALE_MS) unlinkSync(guard);
    } catch {
      // gone meanwhile
    }
    sleep(20);
    return false;
  }
  try {
    let now: string;
    try {
      now = readFileSync(path, 'utf8');
    } catch {
      return false; // removed meanwhile: the caller tries a plain create again
    }
    if (now !== staleRaw) return false; // someone else took it meanwhile
    unlinkSync(path);
    return createExclusive(path, content);
  } finally {
    try {
      unlinkSync(guard);
    } catch {
      // ignore
    }
  }
}

function inUseMessage(folder: string, path: string, h: LockHolder): string {
  const waar = h.host === hostname() ? '' : ` op computer ${h.host}`;
  const eigen = h.pid === process.pid && h.host === hostname() ? ' (dit proces zelf)' : '';
  return `De ingebedde database in ${folder} is in gebruik door een ander proces: ${h.command} (pid ${h.pid}${waar}${eigen}), ` +
    `sinds ${formatTime(h.since)}. Eén proces tegelijk kan deze database openen; wacht tot dat proces klaar is of stop het ` +
    `(de server: Ctrl+C) en probeer het dan opnieuw. Slotbestand: ${path}` +
    (waar ? ' (het proces op die computer kan van hieruit niet worden gecontroleerd: draait het daar niet meer, verwijder dan dit bestand).' : '.');
}

function formatTime(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : iso;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
