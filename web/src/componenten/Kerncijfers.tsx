import type { ReactNode } from 'react';

/** A row of key figures, each a value with what it is. */
export function Kerncijfers({ items, label }: { items: { waarde: ReactNode; label: string }[]; label: string }) {
  return (
    <ul className="bb-kerncijfers" aria-label={label} data-testid="kerncijfers">
      {items.map((i) => (
        <li key={i.label} className="bb-kerncijfer">
          <span className="bb-kerncijfer__waarde">{i.waarde}</span>
          <span className="bb-kerncijfer__label">{i.label}</span>
        </li>
      ))}
    </ul>
  );
}
