import { matchPad } from '../../src/server/webpaden';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/**
 * Client-side routing with real URLs: every page has its own address that can be
 * bookmarked, shared and opened directly (the server answers every page URL with the app).
 * Links stay ordinary <a href> elements, so they work with keyboard, middle click and
 * "open in new tab".
 */
interface Locatie {
  pad: string;
  zoek: URLSearchParams;
  /** increases on every client-side navigation, so pages can move focus to their heading */
  navigaties: number;
}

interface Router extends Locatie {
  /**
   * vervang: replace the history entry instead of adding one; stil: the same page in another
   * state (a table's sort): no scroll to the top, no focus move to the heading.
   */
  navigeer(href: string, opties?: { vervang?: boolean; stil?: boolean }): void;
}

const RouterContext = createContext<Router | null>(null);

function huidige(navigaties: number): Locatie {
  return { pad: window.location.pathname, zoek: new URLSearchParams(window.location.search), navigaties };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [locatie, zetLocatie] = useState<Locatie>(() => huidige(0));

  useEffect(() => {
    // A jump link (#kop-…) on the same page fires popstate too: that is no new page, so focus stays where the browser puts it.
    const terug = () => zetLocatie((l) => {
      const nieuw = huidige(l.navigaties);
      if (nieuw.pad === l.pad && nieuw.zoek.toString() === l.zoek.toString()) return l;
      return huidige(l.navigaties + 1);
    });
    window.addEventListener('popstate', terug);
    return () => window.removeEventListener('popstate', terug);
  }, []);

  const navigeer = useCallback((href: string, opties: { vervang?: boolean; stil?: boolean } = {}) => {
    const url = new URL(href, window.location.href);
    if (opties.vervang) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    if (opties.stil) {
      zetLocatie((l) => huidige(l.navigaties));
      return;
    }
    window.scrollTo(0, 0);
    zetLocatie((l) => huidige(l.navigaties + 1));
  }, []);

  const waarde = useMemo(() => ({ ...locatie, navigeer }), [locatie, navigeer]);
  return <RouterContext.Provider value={waarde}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const r = useContext(RouterContext);
  if (!r) throw new Error('useRouter buiten RouterProvider');
  return r;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; /** mark the link to the current page (menus) */ menu?: boolean };

/** An <a href> that navigates inside the app on a plain left click, and like any link otherwise. */
export function Link({ href, onClick, className, menu, ...rest }: LinkProps) {
  const { navigeer, pad } = useRouter();
  const klik = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/') || rest.download !== undefined) return;
    e.preventDefault();
    navigeer(url.pathname + url.search + url.hash);
  };
  const huidig = menu && new URL(href, window.location.href).pathname === pad;
  return <a href={href} onClick={klik} className={className ?? 'utrecht-link utrecht-link--html-a'} aria-current={huidig ? 'page' : undefined} {...rest} />;
}

/** Matches `/regio/:code` style patterns; returns the parameters or null (shared with the server, webpaden.ts). */
export const match = matchPad;
