import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECTMAP } from '../../src/config.js';

/**
 * Runs the real command line, `node bin/binnenboord.js ARGS`, as a user would (the global
 * test setup rebuilds dist/ when it is older than src/). Closed stdin, TZ=UTC, and no
 * BINNENBOORD_* variables from the developer's shell unless the test passes them.
 */
export interface Uitkomst {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const BIN = join(PROJECTMAP, 'bin', 'binnenboord.js');

export function binnenboord(args: readonly string[], opties: { cwd: string; env?: Record<string, string>; /** text on stdin (else stdin is closed) */ invoer?: string }): Promise<Uitkomst> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('BINNENBOORD_')) env[k] = v;
  }
  if (process.env.BINNENBOORD_SHARED) env.BINNENBOORD_SHARED = process.env.BINNENBOORD_SHARED;
  Object.assign(env, { TZ: 'UTC', NO_COLOR: '1' }, opties.env);
  return new Promise((klaar, mis) => {
    const kind = spawn(process.execPath, [BIN, ...args], { cwd: opties.cwd, env, stdio: [opties.invoer === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (opties.invoer !== undefined) kind.stdin!.end(opties.invoer);
    let stdout = '';
    let stderr = '';
    kind.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    kind.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    kind.on('error', mis);
    kind.on('close', (status) => klaar({ status, stdout, stderr }));
  });
}
