/**
 * Public absence figures (issue 10 item 5; docs/rules/verzuim-cijfers.md, "Openbare
 * verzuimcijfers"): counts only, national and per RMC region, per school year, written by the
 * privileged side (`binnenboord verzuim publiceren`, the demo data, daily in the server) and
 * read by the public door, which cannot read the reports themselves. Raw counts: disclosure
 * control is applied when they are published (src/server/openbaarmaking.ts).
 */
export default /* sql */ `
CREATE TABLE verzuim_cijfer (
  schooljaar  text NOT NULL,
  niveau      text NOT NULL CHECK (niveau IN ('landelijk', 'regio')),
  gebied      text NOT NULL,
  dimensie    text NOT NULL,
  waarde      text NOT NULL,
  aantal      integer NOT NULL CHECK (aantal >= 0),
  PRIMARY KEY (schooljaar, niveau, gebied, dimensie, waarde)
);

-- When a school year's figures were computed, and from which count the share of vsv'ers comes.
CREATE TABLE verzuim_cijfer_berekening (
  schooljaar      text PRIMARY KEY,
  berekend_op     timestamptz NOT NULL,
  telling_status  text CHECK (telling_status IN ('definitief', 'voorlopig'))
);
`;
