/**
 * The kind of education of each counted person's primary enrolment is stored by the count
 * itself (`telling_persoon.onderwijstype`), when it has the enrolment at hand, instead of by the
 * first monthly lists of each count run (migration 006's `lijst_startset`). That first run
 * copied the whole start population (1.3 million rows for the country), which made the first
 * month after every count three times as slow as any other (bench/lijsten.ts).
 *
 * The value stays what it was: the runs whose lists were computed keep the kinds of education
 * fixed then; the others get them from their enrolments now, as their first lists would have.
 * `lijst_startset` becomes a view with the same columns, so every reader stays as it was, and
 * its rows now go with their count's persons when those are deleted after their retention term.
 */
export default /* sql */ `
ALTER TABLE telling_persoon ADD COLUMN onderwijstype text;

UPDATE telling_persoon tp SET onderwijstype = s.onderwijstype
FROM lijst_startset s WHERE s.telling_run_id = tp.run_id AND s.persoon_id = tp.persoon_id;

UPDATE telling_persoon tp SET onderwijstype = i.onderwijstype
FROM inschrijving i
WHERE i.inschrijving_id = tp.inschrijving_id
  AND NOT EXISTS (SELECT 1 FROM lijst_startset s WHERE s.telling_run_id = tp.run_id);

DROP TABLE lijst_startset;

-- null only if the enrolment the count named was no longer stored when its kind was taken
CREATE VIEW lijst_startset AS
SELECT run_id AS telling_run_id, persoon_id, onderwijstype FROM telling_persoon;
`;
