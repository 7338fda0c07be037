import { readFile } from 'node:fs/promises';
import type { Db } from '../src/db/database.js';

/**
 * CPU seconds (user + system) that the PostgreSQL sessions on `db`'s database have used so far,
 * read from /proc: only when the server runs on this machine (null otherwise). A session that
 * ends keeps its last reading, so only its time after that reading is missed; the bench's
 * sessions live longer than a phase (the pool keeps them open).
 */
const TIKKEN_PER_SECONDE = 100; // USER_HZ on Linux

const laatst = new Map<number, number>();

export async function serverCpu(db: Db): Promise<number | null> {
  const sessies = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  for (const { pid } of sessies) {
    try {
      if ((await readFile(`/proc/${pid}/comm`, 'utf8')).trim() !== 'postgres') return null;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // the fields after "(command)": state is the first, utime and stime the 12th and 13th
      const velden = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      laatst.set(pid, (Number(velden[11]) + Number(velden[12])) / TIKKEN_PER_SECONDE);
    } catch {
      return null;
    }
  }
  return [...laatst.values()].reduce((s, c) => s + c, 0);
}
