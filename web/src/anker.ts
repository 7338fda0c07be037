import { useEffect } from 'react';
import { useRouter } from './router';

/**
 * A link to a part of a page (`/regio/19#kop-gemeenten`): the browser looks for the anchor
 * when the page opens, but the sections appear only when the figures have arrived. So after
 * every page change the anchor is looked for again whenever the page grows, and scrolled to;
 * also once more when charts drawn above it move it down. This stops as soon as the reader
 * scrolls, clicks or types, and after ten seconds.
 */
const STOP_NA_MS = 10_000;

export function useNaarAnker(): void {
  const { pad, zoek } = useRouter();
  useEffect(() => {
    const id = (() => {
      try {
        return decodeURIComponent(window.location.hash.slice(1));
      } catch {
        return '';
      }
    })();
    if (!id) return undefined;
    const probeer = () => {
      const el = document.getElementById(id);
      if (el && Math.abs(el.getBoundingClientRect().top) >= 2) el.scrollIntoView({ block: 'start' });
    };
    const waarnemer = new MutationObserver(probeer);
    const stop = () => {
      waarnemer.disconnect();
      for (const e of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const) window.removeEventListener(e, stop);
    };
    waarnemer.observe(document.body, { childList: true, subtree: true });
    for (const e of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const) window.addEventListener(e, stop, { passive: true });
    const klok = window.setTimeout(stop, STOP_NA_MS);
    probeer();
    return () => {
      window.clearTimeout(klok);
      stop();
    };
  }, [pad, zoek]);
}
