/**
 * Case work (opvolging.md, "Case work"): a dossier per person who appears on a monthly list,
 * opened, closed and reopened from the stored lists (src/lijsten/dossiers.ts), with what
 * officers record in it. The dossier's id is random and opaque: it may appear in the web
 * app's state and the API's bodies, and says nothing about the person.
 */
export default /* sql */ `
CREATE TABLE dossier (
  id               text PRIMARY KEY,
  persoon_id       text NOT NULL UNIQUE,
  -- the RMC region (18+) or the municipality of residence (under 18) on the latest list
  eigenaar_soort   text NOT NULL CHECK (eigenaar_soort IN ('rmc-regio', 'gemeente')),
  eigenaar_code    text NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'gesloten')),
  -- the month of the list it was (re)opened from, and its peildatum
  geopend_maand    text NOT NULL,
  geopend_op       date NOT NULL,
  gesloten_maand   text,
  sluitreden       text,
  volgend_contact  date,
  -- the officer working the dossier: the first who records something in it (worklists per officer)
  behandelaar_id    text,
  behandelaar_naam  text,
  CHECK ((status = 'open') = (gesloten_maand IS NULL))
);
CREATE INDEX dossier_eigenaar ON dossier (eigenaar_soort, eigenaar_code, status);

-- every opening, closing and reopening, in order (the timeline shows them)
CREATE TABLE dossier_periode (
  dossier_id      text NOT NULL REFERENCES dossier(id),
  volgnummer      integer NOT NULL,
  geopend_maand   text NOT NULL,
  gesloten_maand  text,
  sluitreden      text,
  PRIMARY KEY (dossier_id, volgnummer)
);

-- what officers record: contact attempts, first contact, intake, trajectory, outcome,
-- contact details, notes, next-contact dates (src/domain/dossier/gebeurtenis.ts checks them)
CREATE TABLE dossier_gebeurtenis (
  id              serial PRIMARY KEY,
  dossier_id      text NOT NULL REFERENCES dossier(id),
  soort           text NOT NULL,
  datum           date NOT NULL,
  gegevens        jsonb NOT NULL,
  account_id      text NOT NULL,
  weergavenaam    text NOT NULL,
  vastgelegd_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_gebeurtenis_dossier ON dossier_gebeurtenis (dossier_id, datum);

-- the list runs whose rows have opened and closed dossiers, with the month (processed in order)
CREATE TABLE dossier_lijstrun (
  lijstrun_id    integer PRIMARY KEY REFERENCES lijst_run(id),
  maand          text NOT NULL,
  verwerkt_op    timestamptz NOT NULL DEFAULT now()
);

-- a dossier's timeline reads the lists one person was on
CREATE INDEX lijst_persoon_persoon ON lijst_persoon (persoon_id);

-- a region's settings for case work: the interval of periodic contact with old vsv'ers
CREATE TABLE regio_instelling (
  rmc_code                  text PRIMARY KEY,
  contactinterval_maanden   integer NOT NULL CHECK (contactinterval_maanden BETWEEN 1 AND 60)
);
`;
