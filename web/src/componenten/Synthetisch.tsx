import { createContext, useContext, useEffect } from 'react';
import type { Telling } from '../api';
import { Melding } from './Melding';

/**
 * Synthetic figures must never pass for the real ones. Every component that shows where a
 * figure comes from (Bron, Tellingen) reports whether one of its runs is synthetic
 * (`telling.synthetisch`: the demo data of the first start); the page (Pagina) then shows one
 * calm notice right under its title, for as long as such a figure is on the page.
 */
type Melder = (verschil: 1 | -1) => void;

export const SynthetischContext = createContext<Melder | null>(null);

/** Reports the runs a component shows; the notice appears when one of them is synthetic. */
export function useMeldSynthetisch(tellingen: readonly (Telling | null | undefined)[]): void {
  const meld = useContext(SynthetischContext);
  const synthetisch = tellingen.some((t) => t?.synthetisch === true);
  useEffect(() => {
    if (!meld || !synthetisch) return undefined;
    meld(1);
    return () => meld(-1);
  }, [meld, synthetisch]);
}

export function SynthetischeMelding() {
  return (
    <Melding rol="note" data-testid="synthetisch">
      <p className="utrecht-paragraph">
        <strong>Synthetische demodata.</strong> Deze cijfers zijn synthetisch: gemaakt met de demodatagenerator
        {' '}en niet de echte vsv-cijfers. Ze zijn alleen bedoeld om Binnenboord te laten zien.
      </p>
    </Melding>
  );
}
