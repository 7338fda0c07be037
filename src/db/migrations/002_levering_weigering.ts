/**
 * levering.md: a delivery that cannot be read as the format at all is refused as a whole,
 * "with the reason per file", and changes no data. Only the refusal itself is recorded, in
 * its own table: it is no delivery, so no data row, count or data version refers to it.
 *
 * The index on `levering.controlesom` serves the check for a repeated delivery (the same
 * files, byte for byte), which runs before every import.
 */
export default /* sql */ `
CREATE TABLE levering_weigering (
  id            serial PRIMARY KEY,
  naam          text NOT NULL,
  map           text NOT NULL,
  -- sha256 of the delivery as it would have been recorded; null when a file could not be read
  controlesom   text,
  ontvangen_op  timestamptz NOT NULL DEFAULT now(),
  -- every reason for every file: [{"bestand": "personen.csv", "reden": "..."}]
  redenen       jsonb NOT NULL
);

CREATE INDEX levering_controlesom ON levering (controlesom);
`;
