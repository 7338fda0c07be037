import { describe, expect, it } from 'vitest';
import { redenVanOverslaan, samenvatting } from './summaryReporter.js';

/** The closing lines CI reads: the summary, and why tests were skipped. */
describe('summaryReporter', () => {
  it('de reden van overslaan komt uit de dichtstbijzijnde titel die er een noemt', () => {
    expect(redenVanOverslaan(['rekenvoorbeelden [pglite] (OVERGESLAGEN: ../shared/spec/voorbeelden ontbreekt)', 'een test'])).toBe('../shared/spec/voorbeelden ontbreekt');
    expect(redenVanOverslaan(['afgewezen rijen [postgres] — NOT RUN: set BINNENBOORD_TEST_POSTGRES_URL', 'een test'])).toBe('NOT RUN: set BINNENBOORD_TEST_POSTGRES_URL');
    expect(redenVanOverslaan(['buiten (OVERGESLAGEN: a ontbreekt)', 'binnen (OVERGESLAGEN: b ontbreekt)', 't'])).toBe('b ontbreekt');
    expect(redenVanOverslaan(['suite', 'test'])).toBe('zonder opgegeven reden (it.skip / it.todo)');
  });

  it('de samenvatting noemt overgeslagen tests alleen als die er zijn', () => {
    expect(samenvatting(3, 0, 0)).toBe('3 passed, 0 failed');
    expect(samenvatting(3, 1, 2)).toBe('3 passed, 1 failed, 2 skipped');
  });
});
