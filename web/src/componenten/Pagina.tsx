import { useEffect, useRef, type ReactNode } from 'react';
import { useRouter } from '../router';

/**
 * A page: its title in the browser tab and one h1. After a navigation inside the app focus
 * moves to the h1, so keyboard and screen-reader users start at the new content (on the
 * first load focus stays at the top, where the skip link is).
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
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1} ref={h1}>{kop ?? titel}</h1>
      {children}
    </>
  );
}
