/**
 * Which methods each path of the API allows, so that a known path asked with another
 * method gets 405 Method Not Allowed with an `Allow` header (RFC 9110, 15.5.6) instead of
 * 404; a path that matches no route stays 404. Filled from Fastify's onRoute hook.
 */
const VOLGORDE = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export class Padmethoden {
  private readonly paden: { patroon: RegExp; methoden: Set<string> }[] = [];

  registreer(url: string, methoden: string | readonly string[]): void {
    const bron = url.split(/(:\w+|\*)/).map((deel) => {
      if (deel === '*') return '.*';
      if (deel.startsWith(':')) return '[^/]+';
      return deel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }).join('');
    const patroon = new RegExp(`^${bron}$`);
    let pad = this.paden.find((p) => p.patroon.source === patroon.source);
    if (!pad) {
      pad = { patroon, methoden: new Set() };
      this.paden.push(pad);
    }
    for (const m of [methoden].flat()) pad.methoden.add(m.toUpperCase());
    // Fastify answers HEAD on every GET route.
    if (pad.methoden.has('GET')) pad.methoden.add('HEAD');
  }

  /** The methods allowed on this path (without query), in the usual order; empty when no route matches it. */
  toegestaan(pad: string): string[] {
    const alle = new Set<string>();
    for (const p of this.paden) if (p.patroon.test(pad)) for (const m of p.methoden) alle.add(m);
    return [...alle].sort((a, b) => (VOLGORDE.indexOf(a) + 1 || 99) - (VOLGORDE.indexOf(b) + 1 || 99) || a.localeCompare(b));
  }
}
