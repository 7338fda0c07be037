/**
 * The suppression pattern of the three-year figures of municipalities (docs/openbaarmaking.md,
 * "Driejaarscijfer"), one per window of three consecutive final count runs, computed after the
 * count that completes the window and kept, as the runs' own patterns are (016_publicatie).
 * `runs` names the window ('12,13,14', oldest first): a window with another run in it (a
 * recount) is another window. `vingerafdruk` names the three publication tables it was computed
 * for. Only what is withheld on top of DUO's rule is stored.
 */
export default /* sql */ `
CREATE TABLE driejaar_patroon (
  runs          text PRIMARY KEY,
  vingerafdruk  text NOT NULL,
  -- 'vsv:GM0344' withheld (x); '~GM0344' not published at all (niet uitgesplitst)
  afgeschermd   jsonb NOT NULL,
  -- values the pattern could not protect ([] when it did its work)
  onbeschermd   jsonb NOT NULL,
  rondes        integer NOT NULL,
  berekend_op   timestamptz NOT NULL DEFAULT now()
);
`;
