import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { Grens, Lpmodel, Lpoplosser, Lprij } from '../domain/openbaarmaking/intervallen.js';

/**
 * HiGHS (compiled to WebAssembly, `highs` on npm) as the linear-program solver of the
 * suppression check. Loaded once per process; each model is built once per component and
 * re-solved with another objective per variable (warm start), then disposed.
 */
// The package's types describe its CommonJS build; under ESM its default export is the loader.
const loadHighs = ((highsModule as unknown as { default: unknown }).default ?? highsModule) as () => Promise<Highs>;

let geladen: Promise<Highs> | null = null;

const OPTIMAAL = 7;
const ONBEGRENSD = [9, 10];

export async function highsOplosser(): Promise<Lpoplosser> {
  geladen ??= loadHighs();
  const highs = await geladen;
  const inf = (w: number) => (w === Infinity ? highs.infinity : w === -Infinity ? -highs.infinity : w);
  return {
    model(grenzen: readonly Grens[], rijen: readonly Lprij[]): Lpmodel {
      const bouw = () => {
        const n = highs.createModel();
        n.options.set({ output_flag: false });
        for (const g of grenzen) n.addVar(inf(g.onder), inf(g.boven));
        for (const r of rijen) n.addRow(inf(r.onder), inf(r.boven), { indices: [...r.kolommen], values: [...r.coef] });
        return n;
      };
      let m = bouw();
      let vorige = new Map<number, number>();
      const los = (kosten: ReadonlyMap<number, number>, richting: 1 | -1, opnieuw = false): Float64Array | null => {
        for (const k of vorige.keys()) if (!kosten.has(k)) m.changeColCost(k, 0);
        for (const [k, c] of kosten) if (vorige.get(k) !== c) m.changeColCost(k, c);
        vorige = new Map(kosten);
        m.changeObjectiveSense(richting === 1 ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize);
        const { modelStatus } = m.run();
        if (ONBEGRENSD.includes(modelStatus)) return null;
        if (modelStatus !== OPTIMAAL) {
          // A warm start can end in numerical trouble (status 15, unknown) after many re-solves
          // of one model: solve this objective once more from a fresh model before giving up.
          if (!opnieuw) {
            m.dispose();
            m = bouw();
            vorige = new Map();
            return los(kosten, richting, true);
          }
          throw new Error(`HiGHS: het model van de afscherming is niet oplosbaar (status ${modelStatus})`);
        }
        return m.getSolution().colValue;
      };
      return {
        optimaliseer: (kolom, richting) => los(new Map([[kolom, 1]]), richting),
        optimaliseerSom: los,
        sluit: () => m.dispose(),
      };
    },
  };
}
