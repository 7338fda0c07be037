import { Link } from '../router';

/** Where this page sits, as a breadcrumb navigation landmark. */
export function Kruimelpad({ stappen }: { stappen: { href: string; tekst: string }[] }) {
  return (
    <nav className="bb-kruimel" aria-label="Kruimelpad">
      <ol>{stappen.map((s) => <li key={s.href}><Link href={s.href}>{s.tekst}</Link></li>)}</ol>
    </nav>
  );
}
