import { useEffect, useState, type FormEvent } from 'react';
import { useApi, type Schooljaren } from '../api';
import { useRouter } from '../router';

/**
 * Choosing the school year and status of the figures on a page. A plain GET form: the
 * choice ends up in the page URL, so it can be bookmarked and shared. "Alleen definitief"
 * and "Alleen voorlopig" are offered only for a school year that has such a count (for
 * "Laatste schooljaar": when any year has one); a choice from the URL that does not exist
 * stays visible, marked as not available, so the page's message about it makes sense.
 */
const STATUSSEN = [['definitief', 'Alleen definitief', 'definitieve'], ['voorlopig', 'Alleen voorlopig', 'voorlopige']] as const;
export function Jaarkeuze({ metJaar = true }: { metJaar?: boolean }) {
  const { pad, zoek, navigeer } = useRouter();
  const jaren = useApi<Schooljaren>('/api/v1/schooljaren');
  const [jaar, zetJaar] = useState(zoek.get('schooljaar') ?? '');
  const [status, zetStatus] = useState(zoek.get('status') ?? '');
  useEffect(() => {
    zetJaar(zoek.get('schooljaar') ?? '');
    zetStatus(zoek.get('status') ?? '');
  }, [zoek]);

  const jaarKeuzes = jaren.status === 'klaar' ? jaren.data.schooljaren : [];
  const beschikbaar = (s: string, j: string) => jaren.status !== 'klaar'
    || jaarKeuzes.some((x) => (!j || x.schooljaar === j) && x.tellingen.some((t) => t.status === s));
  const kiesJaar = (j: string) => {
    zetJaar(j);
    // a status the new year does not have would only lead to "no such count"
    if (status && !beschikbaar(status, j)) zetStatus('');
  };

  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams(zoek);
    for (const [k, v] of [['schooljaar', jaar], ['status', status]] as const) {
      if (v) q.set(k, v);
      else q.delete(k);
    }
    const s = q.toString();
    navigeer(`${pad}${s ? `?${s}` : ''}`);
  };

  const opties = jaren.status === 'klaar' ? [...jaren.data.schooljaren].reverse() : [];
  return (
    <form method="get" action={pad} onSubmit={verstuur} className="bb-formulier" aria-label="Schooljaar en status kiezen">
      {[...zoek.entries()].filter(([k]) => k !== 'schooljaar' && k !== 'status').map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {metJaar && (
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="keuze-schooljaar">Schooljaar</label></div>
          <div className="utrecht-form-field__input">
            <select id="keuze-schooljaar" name="schooljaar" className="utrecht-select utrecht-select--html-select" value={jaar} onChange={(e) => kiesJaar(e.target.value)}>
              <option value="">Laatste schooljaar</option>
              {opties.map((j) => <option key={j.schooljaar} value={j.schooljaar}>{j.schooljaar}</option>)}
            </select>
          </div>
        </div>
      )}
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor="keuze-status">Status</label></div>
        <div className="utrecht-form-field__input">
          <select id="keuze-status" name="status" className="utrecht-select utrecht-select--html-select" value={status} onChange={(e) => zetStatus(e.target.value)}>
            <option value="">Definitief, anders voorlopig</option>
            {STATUSSEN.map(([s, tekst, bijvoeglijk]) => (beschikbaar(s, jaar)
              ? <option key={s} value={s}>{tekst}</option>
              : s === status && <option key={s} value={s} disabled>{tekst} (geen {bijvoeglijk} telling{jaar ? ` van ${jaar}` : ''})</option>))}
          </select>
        </div>
      </div>
      <button type="submit" className="utrecht-button utrecht-button--primary-action">Toon cijfers</button>
    </form>
  );
}
