/**
 * Access (issue 8): the audit trail rebuilt as an append-only, hash-chained record of every
 * read of person data; the key of the person references; and the deletion log of retention.
 * The public database role (two doors) is made by `src/db/publiek.ts` on a PostgreSQL
 * server, since roles belong to the server, not to one database.
 *
 * The audit trail of 001 named persons by persoon_id in clear. Its rows are kept, read-only,
 * in `audit_voor_003`, with the persoon_id replaced by the reference of the new trail.
 */
export default /* sql */ `
-- The secret of the person references (a keyed SHA-256 of the persoon_id): the same person
-- has the same reference in every audit record and API answer, and nobody without the
-- database can turn a persoon_id into a reference or back. Made once, here.
CREATE TABLE toegang_sleutel (
  id       integer PRIMARY KEY CHECK (id = 1),
  sleutel  text NOT NULL
);
INSERT INTO toegang_sleutel (id, sleutel)
  VALUES (1, encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'));

CREATE FUNCTION persoon_referentie(persoon_id text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT 'p' || substr(encode(sha256(convert_to((SELECT sleutel FROM toegang_sleutel) || ':' || persoon_id, 'UTF8')), 'hex'), 1, 20)
$$;

ALTER TABLE audit RENAME TO audit_voor_003;
UPDATE audit_voor_003 SET persoon_id = persoon_referentie(persoon_id) WHERE persoon_id IS NOT NULL;
ALTER TABLE audit_voor_003 RENAME COLUMN persoon_id TO persoon_referentie;

-- One record per read of person data. 'hash' = SHA-256 of vorige_hash and the record's
-- canonical content (src/db/audit.ts); 'personen_hash' = SHA-256 of its sorted references.
CREATE TABLE audit (
  id               bigint PRIMARY KEY,
  tijdstip         timestamptz NOT NULL,
  account_id       text NOT NULL,
  weergavenaam     text NOT NULL,
  rol              text NOT NULL,
  scope            text NOT NULL,
  soort            text NOT NULL,
  handeling        text NOT NULL,
  parameters       text NOT NULL,
  doel             text NOT NULL,
  aantal_personen  integer NOT NULL,
  personen_hash    text NOT NULL,
  vorige_hash      text NOT NULL,
  hash             text NOT NULL
);
CREATE INDEX audit_tijdstip ON audit (tijdstip);
CREATE INDEX audit_account ON audit (account_id, id);

-- Whose data each record read, by reference (never the persoon_id).
CREATE TABLE audit_persoon (
  audit_id    bigint NOT NULL REFERENCES audit(id) DEFERRABLE INITIALLY DEFERRED,
  referentie  text NOT NULL,
  PRIMARY KEY (referentie, audit_id)
);
CREATE INDEX audit_persoon_audit ON audit_persoon (audit_id);

-- The head of the chain: one row, locked by every insert, so the chain stays linear.
CREATE TABLE audit_keten (
  id            integer PRIMARY KEY CHECK (id = 1),
  laatste_id    bigint NOT NULL,
  laatste_hash  text NOT NULL
);
INSERT INTO audit_keten VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_weiger_wijziging() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'het audittrail is alleen-toevoegen: % op % is niet toegestaan', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- A new record must follow the head of the chain; the head then moves to it.
CREATE FUNCTION audit_volg_keten() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE kop audit_keten%ROWTYPE;
BEGIN
  SELECT * INTO kop FROM audit_keten WHERE id = 1 FOR UPDATE;
  IF NEW.id <> kop.laatste_id + 1 OR NEW.vorige_hash <> kop.laatste_hash THEN
    RAISE EXCEPTION 'auditrecord % sluit niet aan op de keten (verwacht id %, vorige hash %)', NEW.id, kop.laatste_id + 1, kop.laatste_hash;
  END IF;
  UPDATE audit_keten SET laatste_id = NEW.id, laatste_hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_keten_volgen BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_volg_keten();
CREATE TRIGGER audit_alleen_toevoegen BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_weiger_wijziging();
CREATE TRIGGER audit_niet_legen BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_weiger_wijziging();
CREATE TRIGGER audit_persoon_alleen_toevoegen BEFORE UPDATE OR DELETE ON audit_persoon FOR EACH ROW EXECUTE FUNCTION audit_weiger_wijziging();
CREATE TRIGGER audit_persoon_niet_legen BEFORE TRUNCATE ON audit_persoon FOR EACH STATEMENT EXECUTE FUNCTION audit_weiger_wijziging();
CREATE TRIGGER audit_keten_niet_weg BEFORE DELETE ON audit_keten FOR EACH ROW EXECUTE FUNCTION audit_weiger_wijziging();
CREATE TRIGGER audit_keten_niet_legen BEFORE TRUNCATE ON audit_keten FOR EACH STATEMENT EXECUTE FUNCTION audit_weiger_wijziging();
CREATE TRIGGER audit_oud_alleen_lezen BEFORE UPDATE OR DELETE ON audit_voor_003 FOR EACH ROW EXECUTE FUNCTION audit_weiger_wijziging();
CREATE TRIGGER audit_oud_niet_legen BEFORE TRUNCATE ON audit_voor_003 FOR EACH STATEMENT EXECUTE FUNCTION audit_weiger_wijziging();

-- Retention (docs/toegang.md): every deletion, in batches, with what, how many and why.
-- Holds no person data: counts and the rule only.
CREATE TABLE verwijdering (
  id          bigserial PRIMARY KEY,
  tijdstip    timestamptz NOT NULL DEFAULT now(),
  soort       text NOT NULL,
  regel       text NOT NULL,
  peildatum   date NOT NULL,
  aantal      integer NOT NULL
);
CREATE TRIGGER verwijdering_alleen_toevoegen BEFORE UPDATE OR DELETE ON verwijdering FOR EACH ROW EXECUTE FUNCTION audit_weiger_wijziging();

-- Minimisation: a rejected row keeps its raw line only as long as it is needed to correct the
-- delivery (then 'inhoud' is emptied and 'ingekort_op' set); file, line, column and reason stay.
ALTER TABLE afgewezen_rij ADD COLUMN ingekort_op timestamptz;
`;
