import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRouter } from '../router';
import { SynthetischContext, SynthetischeMelding } from './Synthetisch';

/**
 * A page: its title in the browser tab and one h1. After a navigation inside the app focus
 * moves to the h1, so keyboard and screen-reader users start at the new content (on the
 * first load focus stays at the top, where the skip link is). When a figure on the page comes
 * from synthetic demo data, a notice says so right under the h1 (see Synthetisch).
 */
export function Pagina({ titel, kop, children }: { titel: string; kop?: ReactNode; children: ReactNode }) {
  const { navigaties } = useRouter();
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${titel} – Binnenboord`;
  }, [titel]);
  useEffect(() => {
    if (navigaties > 0) h1.current?.focus();
  }, [navigaties]);
  const [synthetisch, zetSynthetisch] = useState(0);
  const meld = useCallback((verschil: 1 | -1) => zetSynthetisch((n) => n + verschil), []);
  return (
    <SynthetischContext.Provider value={meld}>
      <h1 className="utrecht-heading-1" tabIndex={-1} ref={h1}>{kop ?? titel}</h1>
      {synthetisch > 0 && <SynthetischeMelding />}
      {children}
    </SynthetischContext.Provider>
  );
}
