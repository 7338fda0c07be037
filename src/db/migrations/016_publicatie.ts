/**
 * The suppression pattern of each count run (docs/openbaarmaking.md), computed once after the
 * count and kept, so that no request waits for it and every answer cuts from the same one.
 * Only what is withheld on top of DUO's rule is stored (the `<5` cells follow from the
 * figures); `vingerafdruk` names the publication table it was computed for, so a pattern for
 * another table (more locations delivered since, a newer algorithm) is never used.
 */
export default /* sql */ `
CREATE TABLE publicatie_patroon (
  run_id                    integer PRIMARY KEY REFERENCES telling_run(id),
  vingerafdruk              text NOT NULL,
  secundair_startpopulatie  jsonb NOT NULL,
  secundair_vsv             jsonb NOT NULL,
  -- values the pattern could not protect ([] when it did its work), as 'count:cell key'
  onbeschermd               jsonb NOT NULL,
  rondes                    integer NOT NULL,
  berekend_op               timestamptz NOT NULL DEFAULT now()
);
`;
