/**
 * The warm handover of dossiers (issue 9 item 4; src/domain/dossier/overdracht.ts): a proposal
 * when a month's lists give another owner than the holder, what the sender passed on and why,
 * and the receiver's decision. Every step is kept (`dossier_overdracht_stap`), so both sides
 * keep a record. The id is random and opaque, like a dossier's: a receiver learns the
 * dossier's id only on acceptance.
 */
export default /* sql */ `
CREATE TABLE dossier_overdracht (
  id                 text PRIMARY KEY,
  dossier_id         text NOT NULL REFERENCES dossier(id),
  van_soort          text NOT NULL CHECK (van_soort IN ('rmc-regio', 'gemeente')),
  van_code           text NOT NULL,
  naar_soort         text NOT NULL CHECK (naar_soort IN ('rmc-regio', 'gemeente')),
  naar_code          text NOT NULL,
  oorzaak            text NOT NULL CHECK (oorzaak IN ('verhuizing', 'meerderjarig')),
  status             text NOT NULL CHECK (status IN ('voorgesteld', 'verzonden', 'aanvaard', 'geweigerd', 'vervallen')),
  -- the month whose lists proposed it, and its peildatum
  voorgesteld_maand  text NOT NULL,
  voorgesteld_op     date NOT NULL,
  -- the sender's choice (src/domain/dossier/overdracht.ts DELEN) and reason, from sending on
  delen              text[],
  reden              text,
  verzonden_op       timestamptz,
  verzonden_door     text,
  -- the receiver's decision
  besloten_op        timestamptz,
  besloten_door      text,
  weigerreden        text,
  -- on acceptance: the last recorded event then; older events show only if their part was passed on
  grens_gebeurtenis  integer,
  vervallen_maand    text,
  CHECK ((status = 'aanvaard') = (grens_gebeurtenis IS NOT NULL)),
  CHECK (status IN ('voorgesteld', 'vervallen') OR verzonden_op IS NOT NULL)
);
-- at most one undecided handover per dossier: the same month twice never proposes twice
CREATE UNIQUE INDEX dossier_overdracht_lopend ON dossier_overdracht (dossier_id) WHERE status IN ('voorgesteld', 'verzonden', 'geweigerd');
CREATE INDEX dossier_overdracht_dossier ON dossier_overdracht (dossier_id, status);
CREATE INDEX dossier_overdracht_naar ON dossier_overdracht (naar_soort, naar_code);
CREATE INDEX dossier_overdracht_van ON dossier_overdracht (van_soort, van_code);

-- every step of a handover, in order: who (null: the monthly processing), when, reason, parts
CREATE TABLE dossier_overdracht_stap (
  id             serial PRIMARY KEY,
  overdracht_id  text NOT NULL REFERENCES dossier_overdracht(id),
  status         text NOT NULL,
  op             timestamptz NOT NULL DEFAULT now(),
  account_id     text,
  weergavenaam   text,
  reden          text,
  delen          text[]
);
CREATE INDEX dossier_overdracht_stap_overdracht ON dossier_overdracht_stap (overdracht_id, id);

-- what the current holder may see of what was recorded: an event recorded before an accepted
-- handover only if its part (its kind; a note: 'notitie:' || its purpose) was passed on in it,
-- and in every later one. The SQL twin of zichtbaarNaOverdrachten (src/domain/dossier/
-- overdracht.ts), for the worklist and the effect report; test/api/overdrachten.test.ts
-- checks that both agree.
CREATE VIEW dossier_gebeurtenis_zichtbaar AS
SELECT g.* FROM dossier_gebeurtenis g
WHERE NOT EXISTS (
  SELECT 1 FROM dossier_overdracht o
  WHERE o.dossier_id = g.dossier_id AND o.status = 'aanvaard' AND o.grens_gebeurtenis >= g.id
    AND NOT ((CASE WHEN g.soort = 'notitie' THEN 'notitie:' || (g.gegevens->>'doel') ELSE g.soort END) = ANY(o.delen))
);
`;
