import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { schrijfUitvoer } from '../../src/telling/uitvoer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, tijdelijkeMap, verseDatabase } from '../support/database.js';
import { VOORBEELDEN } from '../support/gedeeld.js';
import { gesorteerdeCsv, leesPersonenUitvoer, leesVerwacht, voorbeelden } from '../support/levering.js';

/**
 * The worked examples of the spec (spec/voorbeelden/README.md): import the delivery into an
 * empty database, count 2019-2020, and the four output files must equal uitvoer/ exactly
 * (rows in any order), and every person must come out as verwacht.csv says.
 */
const UITVOERBESTANDEN = ['personen.csv', 'instellingen.csv', 'regios.csv', 'landelijk.csv'];

describeDatabases('rekenvoorbeelden 2019-2020', (driver) => {
  const t = verseDatabase(driver);
  let uitvoer: string;

  beforeAll(async () => {
    await importeerLevering(t.db, voorbeelden().levering);
    const run = await voerTellingUit(t.db, parseSchooljaar('2019-2020')!, { status: 'definitief', werkurenDrempel: 12 });
    uitvoer = await tijdelijkeMap('uitvoer');
    await schrijfUitvoer(t.db, run, uitvoer, { accountId: 'test', weergavenaam: 'Test', rol: 'analist', scope: { soort: 'landelijk' }, soort: 'cli' });
  });

  it.each(UITVOERBESTANDEN)('%s is gelijk aan spec/voorbeelden/uitvoer (byte voor byte, rijen gesorteerd)', async (bestand) => {
    const gekregen = await gesorteerdeCsv(join(uitvoer, bestand));
    const verwacht = await gesorteerdeCsv(join(voorbeelden().uitvoer, bestand));
    expect(gekregen.toString('utf8')).toBe(verwacht.toString('utf8'));
    expect(gekregen.equals(verwacht)).toBe(true);
  });

  it('elke persoon telt zoals verwacht.csv zegt; "-" betekent: niet in personen.csv', async () => {
    const personen = await leesPersonenUitvoer(join(uitvoer, 'personen.csv'));
    const verwacht = await leesVerwacht();
    expect(verwacht).toHaveLength(16);
    for (const v of verwacht) {
      const p = personen.get(v.persoon_id);
      if (v.vsv === '-') {
        expect(p, `${v.persoon_id} hoort niet in de startpopulatie`).toBeUndefined();
        continue;
      }
      expect(p, `${v.persoon_id} hoort in de startpopulatie`).toBeDefined();
      expect({ id: v.persoon_id, ...pick(p!) }).toEqual({
        id: v.persoon_id, vsv: v.vsv, reden: v.reden, categorie: v.categorie, sector: v.sector,
        brin: v.brin, gemeente_code: v.gemeente_code, rmc_code: v.rmc_code,
      });
    }
    expect(personen.size).toBe(verwacht.filter((v) => v.vsv !== '-').length);
  });
}, { overgeslagen: VOORBEELDEN.reden });

function pick(p: Record<string, string>) {
  return {
    vsv: p.vsv, reden: p.reden, categorie: p.categorie, sector: p.sector,
    brin: p.brin, gemeente_code: p.gemeente_code, rmc_code: p.rmc_code,
  };
}
