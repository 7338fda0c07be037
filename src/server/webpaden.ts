/**
 * The page addresses of the web app, shared by the app's router (web/src/App.tsx) and the
 * server's fallback (web.ts): the server answers such a path with the app and 200, any
 * other path with the app and 404 (the app then shows its "Pagina niet gevonden"), so a
 * mistyped or stale link is a 404 for crawlers, link checkers and monitoring too. A new page
 * gets its pattern here. Plain TypeScript without imports: the browser bundle uses it too.
 */
export const WEBPADEN = [
  '/',
  '/kaart',
  '/regio/:code',
  '/gemeente/:code',
  '/instellingen',
  '/instelling/:brin',
  '/vergelijken',
  '/over-deze-cijfers',
  // after logging in (issue 8)
  '/inloggen',
  '/beheer',
  '/personen',
  '/audit',
  // absence reports (issue 10)
  '/verzuim/melden',
  '/verzuim/mijn-meldingen',
  '/verzuim/meldingen',
  '/verzuim/cijfers',
  // case work (issue 9)
  '/maandlijsten',
  '/dossier/:id',
  '/werklijst',
  '/overdrachten',
  '/effectrapportage',
] as const;

export type Webpad = (typeof WEBPADEN)[number];

/** Matches `/regio/:code` style patterns; the parameters, or null. A trailing slash is allowed. */
export function matchPad(patroon: string, pad: string): Record<string, string> | null {
  if (patroon === '/') return pad === '/' ? {} : null;
  const delen = patroon.split('/');
  const padDelen = pad.replace(/\/+$/, '').split('/');
  if (delen.length !== padDelen.length) return null;
  const uit: Record<string, string> = {};
  for (let i = 0; i < delen.length; i += 1) {
    const d = delen[i]!;
    const p = padDelen[i]!;
    if (d.startsWith(':')) {
      if (p === '') return null;
      try {
        uit[d.slice(1)] = decodeURIComponent(p);
      } catch {
        return null; // a broken %-escape is no address of the app
      }
    } else if (d !== p) return null;
  }
  return uit;
}

export function isWebpad(pad: string): boolean {
  return WEBPADEN.some((p) => matchPad(p, pad) !== null);
}
