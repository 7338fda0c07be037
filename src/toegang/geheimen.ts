import { Algorithm, hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * The secrets of logging in: passwords hashed with Argon2id (RFC 9106) at the parameters
 * OWASP recommends as a minimum (19 MiB memory, 2 passes, 1 lane), random tokens for
 * sessions, CSRF and API keys, and the hash under which a token is stored.
 */
export const ARGON2_PARAMETERS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashWachtwoord(wachtwoord: string): Promise<string> {
  return hash(wachtwoord, ARGON2_PARAMETERS);
}

/**
 * Compared against when the user name is unknown (or has no password), so that a wrong user
 * name costs the same Argon2id work as a wrong password and the answer time does not tell
 * which user names exist.
 */
let blinde: Promise<string> | null = null;
function blindeHash(): Promise<string> {
  blinde ??= hashWachtwoord(randomBytes(16).toString('base64url'));
  return blinde;
}

/** Whether the password matches the stored hash; with no hash, does the same work and says no. */
export async function controleerWachtwoordHash(opgeslagen: string | null, wachtwoord: string): Promise<boolean> {
  if (opgeslagen === null) {
    await verify(await blindeHash(), wachtwoord).catch(() => false);
    return false;
  }
  try {
    return await verify(opgeslagen, wachtwoord);
  } catch {
    return false;
  }
}

/** 256 random bits, URL-safe: session tokens, CSRF tokens, API keys, OIDC state. */
export function willekeurigToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A token is stored as its sha256: it has 256 bits of entropy, so a fast hash suffices. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function gelijk(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function nieuwId(): string {
  return randomUUID();
}

/** API keys of machine clients carry a recognisable prefix, so a leaked key is found by secret scanners. */
export const SLEUTEL_VOORVOEGSEL = 'bbk_';

export function nieuweApiSleutel(): string {
  return `${SLEUTEL_VOORVOEGSEL}${willekeurigToken()}`;
}
