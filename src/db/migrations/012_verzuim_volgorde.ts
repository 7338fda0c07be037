/**
 * The open-reports page (issue 10 item 8): a scope's reports newest first, a page at a time.
 * These indexes hold each scope's reports in the page's order, so a page reads its 50 rows
 * from the index instead of sorting the scope, and carry what the page's counts need
 * (status, school, timeliness), so counting a scope reads only the index. They replace the
 * indexes on brin and on (gemeente_code, status), which they begin with.
 */
export default /* sql */ `
CREATE INDEX verzuimmelding_gemeente_volgorde ON verzuimmelding (gemeente_code, behandelaar, meldingsdatum DESC, id DESC)
  INCLUDE (status, brin, tijdigheid);
CREATE INDEX verzuimmelding_rmc_volgorde ON verzuimmelding (rmc_code, behandelaar, meldingsdatum DESC, id DESC)
  INCLUDE (status, brin, tijdigheid);
CREATE INDEX verzuimmelding_brin_volgorde ON verzuimmelding (brin, meldingsdatum DESC, id DESC)
  INCLUDE (status, tijdigheid);
DROP INDEX verzuimmelding_brin;
DROP INDEX verzuimmelding_gemeente;
`;
