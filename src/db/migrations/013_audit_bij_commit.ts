/**
 * The audit trail's chain head is taken when a transaction commits, not when it registers a
 * read (issue 10 item 8). Every audited request of every user passes that one row; held from
 * the register until the commit, it was also held while the server sent its next statement,
 * and twenty concurrent users queued behind it. Now a read is registered in `audit_wachtrij`
 * (no lock), and a deferred trigger moves it into the chain at commit: head locked, record
 * written with its hash (the canonical content of src/db/audit.ts, checked by
 * `controleerKeten`), its references written, the waiting row removed, all inside the
 * commit. A transaction that rolls back leaves nothing, as before.
 */
export default /* sql */ `
CREATE TABLE audit_wachtrij (
  id               bigserial PRIMARY KEY,
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
  -- the canonical content without its first (id) and last (vorige_hash) element
  middenstuk       text NOT NULL,
  referenties      text[] NOT NULL
);

CREATE FUNCTION audit_naar_keten() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE kop audit_keten%ROWTYPE; nieuw bigint;
BEGIN
  SELECT * INTO kop FROM audit_keten WHERE id = 1 FOR UPDATE;
  nieuw := kop.laatste_id + 1;
  INSERT INTO audit (id, tijdstip, account_id, weergavenaam, rol, scope, soort, handeling, parameters, doel,
    aantal_personen, personen_hash, vorige_hash, hash)
  VALUES (nieuw, NEW.tijdstip, NEW.account_id, NEW.weergavenaam, NEW.rol, NEW.scope, NEW.soort, NEW.handeling, NEW.parameters,
    NEW.doel, NEW.aantal_personen, NEW.personen_hash, kop.laatste_hash,
    encode(sha256(convert_to(kop.laatste_hash || E'\\n[' || nieuw::text || ',' || NEW.middenstuk || ',"' || kop.laatste_hash || '"]', 'UTF8')), 'hex'));
  INSERT INTO audit_persoon (audit_id, referentie) SELECT nieuw, r FROM unnest(NEW.referenties) AS r;
  DELETE FROM audit_wachtrij WHERE id = NEW.id;
  RETURN NULL;
END $$;

-- Deferred: runs at commit, in the order the reads were registered.
CREATE CONSTRAINT TRIGGER audit_wachtrij_naar_keten AFTER INSERT ON audit_wachtrij
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_naar_keten();
`;
