/**
 * The registration data (one table per file of levering.md, with the file's key as
 * primary key), the record of deliveries with their rejected rows, the stored counts
 * and the audit trail of reads of personal data.
 *
 * Every data row carries `levering_id`: the delivery that last changed it, so that a
 * figure can be traced to the deliveries it rests on.
 */
export default /* sql */ `
CREATE TABLE levering (
  id            serial PRIMARY KEY,
  naam          text NOT NULL,
  map           text NOT NULL,
  controlesom   text NOT NULL,
  ontvangen_op  timestamptz NOT NULL DEFAULT now(),
  opmerkingen   text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE levering_bestand (
  levering_id  integer NOT NULL REFERENCES levering(id),
  bestand      text NOT NULL,
  controlesom  text NOT NULL,
  gelezen      integer NOT NULL,
  nieuw        integer NOT NULL,
  vervangen    integer NOT NULL,
  ongewijzigd  integer NOT NULL,
  afgewezen    integer NOT NULL,
  PRIMARY KEY (levering_id, bestand)
);

-- Quarantine: every rejected row with what is wrong and where; nothing delivered is lost.
CREATE TABLE afgewezen_rij (
  id           bigserial PRIMARY KEY,
  levering_id  integer NOT NULL REFERENCES levering(id),
  bestand      text NOT NULL,
  regel        integer NOT NULL,
  kolom        text,
  reden        text NOT NULL,
  inhoud       text NOT NULL
);
CREATE INDEX afgewezen_rij_levering ON afgewezen_rij (levering_id, bestand, regel);

CREATE TABLE persoon (
  persoon_id     text PRIMARY KEY,
  geboortedatum  date NOT NULL,
  geslacht       text,
  voornamen      text,
  voorvoegsel    text,
  geslachtsnaam  text,
  levering_id    integer NOT NULL REFERENCES levering(id)
);

CREATE TABLE verblijf (
  persoon_id     text NOT NULL,
  gemeente_code  text NOT NULL,
  postcode       text,
  vanaf          date NOT NULL,
  tot            date,
  levering_id    integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (persoon_id, vanaf)
);

CREATE TABLE brp_gebeurtenis (
  persoon_id   text NOT NULL,
  soort        text NOT NULL,
  datum        date NOT NULL,
  levering_id  integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (persoon_id, soort, datum)
);

CREATE TABLE instelling (
  brin           text NOT NULL,
  vestiging      text NOT NULL,
  naam           text NOT NULL,
  gemeente_code  text NOT NULL,
  soort          text NOT NULL,
  levering_id    integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (brin, vestiging)
);

CREATE TABLE inschrijving (
  inschrijving_id  text PRIMARY KEY,
  persoon_id       text NOT NULL,
  brin             text NOT NULL,
  vestiging        text NOT NULL,
  onderwijstype    text NOT NULL,
  leerjaar         smallint,
  niveau           smallint,
  leerweg          text,
  crebo            text,
  nieuwkomer       text NOT NULL,
  begindatum       date NOT NULL,
  einddatum        date,
  levering_id      integer NOT NULL REFERENCES levering(id)
);
CREATE INDEX inschrijving_persoon ON inschrijving (persoon_id);

CREATE TABLE diploma (
  persoon_id   text NOT NULL,
  soort        text NOT NULL,
  datum        date NOT NULL,
  brin         text,
  levering_id  integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (persoon_id, soort, datum)
);

CREATE TABLE vrijstelling (
  persoon_id   text NOT NULL,
  grond        text NOT NULL,
  vanaf        date NOT NULL,
  tot          date,
  levering_id  integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (persoon_id, grond, vanaf)
);

CREATE TABLE werk (
  persoon_id     text NOT NULL,
  vanaf          date NOT NULL,
  tot            date,
  uren_per_week  numeric NOT NULL,
  levering_id    integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (persoon_id, vanaf)
);

CREATE TABLE rmc_indeling (
  gemeente_code     text NOT NULL,
  gemeente_naam     text NOT NULL,
  rmc_code          text NOT NULL,
  rmc_naam          text NOT NULL,
  schooljaar_vanaf  text NOT NULL,
  schooljaar_tot    text,
  levering_id       integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (gemeente_code, schooljaar_vanaf)
);

-- A stored count: what was computed, by which definition, from which deliveries, when.
CREATE TABLE telling_run (
  id                 serial PRIMARY KEY,
  schooljaar         text NOT NULL,
  status             text NOT NULL CHECK (status IN ('definitief', 'voorlopig')),
  definitieversie    text NOT NULL,
  werkuren_drempel   numeric NOT NULL,
  gestart_op         timestamptz NOT NULL,
  gereed_op          timestamptz NOT NULL DEFAULT now(),
  startpopulatie     integer NOT NULL,
  vsv                integer NOT NULL,
  -- persons enrolled on T0 who could not be counted (for example: no date of birth delivered)
  niet_te_tellen     integer NOT NULL
);
CREATE INDEX telling_run_jaar ON telling_run (schooljaar, status, id);

CREATE TABLE telling_run_levering (
  run_id       integer NOT NULL REFERENCES telling_run(id),
  levering_id  integer NOT NULL REFERENCES levering(id),
  PRIMARY KEY (run_id, levering_id)
);

-- One row per person of the start population, under the primary enrolment.
CREATE TABLE telling_persoon (
  run_id           integer NOT NULL REFERENCES telling_run(id),
  persoon_id       text NOT NULL,
  categorie        text NOT NULL,
  sector           text NOT NULL,
  brin             text NOT NULL,
  vestiging        text NOT NULL,
  inschrijving_id  text NOT NULL,
  gemeente_code    text NOT NULL,
  rmc_code         text NOT NULL,
  leeftijd         smallint NOT NULL,
  geslacht         text,
  vsv              boolean NOT NULL,
  reden            text NOT NULL,
  PRIMARY KEY (run_id, persoon_id)
);

CREATE TABLE telling_cijfer (
  run_id          integer NOT NULL REFERENCES telling_run(id),
  niveau          text NOT NULL,
  gebied          text NOT NULL,
  dimensie        text NOT NULL,
  waarde          text NOT NULL,
  startpopulatie  integer NOT NULL,
  vsv             integer NOT NULL,
  PRIMARY KEY (run_id, niveau, gebied, dimensie, waarde)
);

-- Every read of personal data: who, what, whose, when. Kept in the database, never in a log file.
CREATE TABLE audit (
  id          bigserial PRIMARY KEY,
  tijdstip    timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  handeling   text NOT NULL,
  persoon_id  text,
  details     text
);
`;
