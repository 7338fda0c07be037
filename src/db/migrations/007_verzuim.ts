/**
 * Absence reports (verzuimmeldingen, issue 10): the report with its routing and timeliness,
 * the actions of the municipality, and every status change. Person data: the report names a
 * persoon_id; reads of it are audited by the services that show it, never logged.
 */
export default /* sql */ `
CREATE TABLE verzuimmelding (
  id                          serial PRIMARY KEY,
  bron                        text NOT NULL CHECK (bron IN ('school', 'duo-verzuimloket')),
  soort                       text NOT NULL CHECK (soort IN ('16u4w', 'lrv', 'rmc', 'luxe', 'overig')),
  persoon_id                  text NOT NULL,
  brin                        text NOT NULL,
  vestiging                   text NOT NULL,
  lesplaats                   text NOT NULL,
  meldingsdatum               date NOT NULL,
  startdatum                  date NOT NULL,
  einddatum                   date,
  verzuim_dagen               numeric(6, 2) NOT NULL,
  verzuim_uren                numeric(6, 2) NOT NULL,
  alle_lessen_gemist          boolean NOT NULL,
  vermoedelijke_reden         text NOT NULL,
  ondernomen_actie            text NOT NULL,
  gemeente_gevraagd           boolean NOT NULL,
  reden_niet_handelen         text,
  melder_naam                 text NOT NULL,
  melder_functie              text NOT NULL,
  melder_telefoon             text NOT NULL,
  melder_email                text NOT NULL,
  telefoon_leerling_of_ouder  text,
  verblijfadres               text,
  verblijf_gemeente_code      text,
  -- routing: who handles it
  behandelaar                 text NOT NULL CHECK (behandelaar IN ('leerplicht', 'rmc')),
  gemeente_code               text NOT NULL,
  rmc_code                    text,
  -- timeliness (docs/rules/verzuim-tijdigheid.md)
  tijdigheid                  text NOT NULL CHECK (tijdigheid IN ('tijdig', 'te-laat', 'onbekend', 'niet-van-toepassing')),
  uiterlijke_meldingsdatum    date,
  -- handling by the municipality (the current state; the history is verzuimstatus)
  status                      text NOT NULL CHECK (status IN ('in-behandeling', 'afgesloten', 'ter-kennisneming-aangenomen')),
  contactpersoon              text,
  afsluitreden                text,
  afsluitopmerking            text,
  ingediend_op                timestamptz NOT NULL DEFAULT now(),
  -- one import of a bulk file: links the rows filed together
  import_id                   text NOT NULL,
  CHECK (status <> 'afgesloten' OR (afsluitreden IS NOT NULL AND afsluitopmerking IS NOT NULL))
);
CREATE INDEX verzuimmelding_persoon ON verzuimmelding (persoon_id, soort);
CREATE INDEX verzuimmelding_brin ON verzuimmelding (brin);
CREATE INDEX verzuimmelding_gemeente ON verzuimmelding (gemeente_code, status);
CREATE INDEX verzuimmelding_import ON verzuimmelding (import_id);

CREATE TABLE verzuimactie (
  id             serial PRIMARY KEY,
  melding_id     integer NOT NULL REFERENCES verzuimmelding(id),
  soort          text NOT NULL CHECK (soort IN ('gesprek-leerling-en-ouders', 'waarschuwing', 'halt', 'proces-verbaal', 'verwijzing-zorg')),
  datum          date NOT NULL,
  medewerker     text NOT NULL,
  toelichting    text,
  vastgelegd_op  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verzuimactie_melding ON verzuimactie (melding_id);

CREATE TABLE verzuimstatus (
  id            serial PRIMARY KEY,
  melding_id    integer NOT NULL REFERENCES verzuimmelding(id),
  status        text NOT NULL,
  afsluitreden  text,
  opmerking     text,
  door          text NOT NULL,
  tijdstip      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verzuimstatus_melding ON verzuimstatus (melding_id, id);
`;
