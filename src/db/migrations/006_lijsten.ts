/**
 * The monthly lists (lijsten.md): each computation of a month is a `lijst_run`, recorded with
 * the deliveries and the stored counts it was computed from, like a count run.
 *
 * `startset` is the start population of a stored count: its persons are not copied every
 * month but read from `telling_persoon` of the run the list names; `lijst_startset` keeps, once
 * per count run, the kind of education of the primary enrolment (the count stores only its
 * category), so that the list stays the same when an enrolment is corrected later.
 */
export default /* sql */ `
-- The lists' candidates are the enrolments that ended in the lijstjaar so far (src/db/lijsten.ts):
-- a small range of end dates, read by index instead of a scan of every enrolment.
CREATE INDEX inschrijving_einddatum ON inschrijving (einddatum);

CREATE TABLE lijst_run (
  id               serial PRIMARY KEY,
  maand            text NOT NULL,
  lijstjaar        text NOT NULL,
  definitieversie  text NOT NULL,
  -- the count whose start population is the startset; null when no count of the lijstjaar was stored
  startset_run_id  integer REFERENCES telling_run(id),
  -- the previous lijstjaar's definitive count (verlate-startkwalificatie); null when none was stored
  vorige_run_id    integer REFERENCES telling_run(id),
  gestart_op       timestamptz NOT NULL,
  gereed_op        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lijst_run_maand ON lijst_run (maand, id);

CREATE TABLE lijst_run_levering (
  run_id       integer NOT NULL REFERENCES lijst_run(id),
  levering_id  integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (run_id, levering_id)
);

-- One row per person and list, except startset (read from the count run, see above).
CREATE TABLE lijst_persoon (
  run_id         integer NOT NULL REFERENCES lijst_run(id),
  lijst          text NOT NULL,
  persoon_id     text NOT NULL,
  gemeente_code  text NOT NULL,
  rmc_code       text NOT NULL,
  leeftijd       smallint NOT NULL,
  -- the last funded enrolment ending before d (on verlate-startkwalificatie: the count's primary enrolment)
  brin           text,
  vestiging      text,
  onderwijstype  text,
  leerjaar       smallint,
  niveau         smallint,
  einddatum      date,
  -- uitval and verlate-startkwalificatie: the category in the count
  categorie      text,
  reden          text,
  PRIMARY KEY (run_id, lijst, persoon_id)
);

CREATE TABLE lijst_startset (
  telling_run_id  integer NOT NULL REFERENCES telling_run(id),
  persoon_id      text NOT NULL,
  -- null only if the enrolment the count named is no longer stored
  onderwijstype   text,
  PRIMARY KEY (telling_run_id, persoon_id)
);

-- uitval per category of the startset (and 'totaal'), exact; disclosure control where shown
CREATE TABLE lijst_uitval_cijfer (
  run_id     integer NOT NULL REFERENCES lijst_run(id),
  categorie  text NOT NULL,
  startset   integer NOT NULL,
  uitval     integer NOT NULL,
  PRIMARY KEY (run_id, categorie)
);
`;
