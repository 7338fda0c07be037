import type { ReactNode } from 'react';
import type { Toestand } from '../api';

/** Notices (NL Design System alert) and the states of loading data. */
export function Melding({ soort = 'info', rol, children, 'data-testid': testId }: {
  soort?: 'info' | 'warning' | 'error';
  /** default: alert for an error, status otherwise; 'note' for a standing remark that is no change of state */
  rol?: 'alert' | 'status' | 'note';
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${soort}`} role={rol ?? (soort === 'error' ? 'alert' : 'status')} data-testid={testId}>
      <div className="utrecht-alert__content"><div className="utrecht-alert__message">{children}</div></div>
    </div>
  );
}

export function Laden({ wat = 'de cijfers' }: { wat?: string }) {
  return <p className="bb-laden" role="status">Bezig met laden van {wat}…</p>;
}

/** Renders `klaar` with the data, or a loading line, or the API's explanation of what went wrong. */
export function Toon<T>({ toestand, wat, klaar }: { toestand: Toestand<T>; wat?: string; klaar: (data: T) => ReactNode }) {
  if (toestand.status === 'laden') return <Laden wat={wat} />;
  if (toestand.status === 'fout') {
    const { fout } = toestand;
    return (
      <Melding soort={fout.status === 404 ? 'warning' : 'error'}>
        <p className="utrecht-paragraph">{fout.message}</p>
        {fout.redenen.length > 0 && <ul data-testid="redenen">{fout.redenen.map((r) => <li key={r}>{r}</li>)}</ul>}
      </Melding>
    );
  }
  return <>{klaar(toestand.data)}</>;
}
