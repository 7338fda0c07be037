/**
 * A list page reads one scope's rows of one list (issue 9 item 9): the RMC region's werkvoorraad,
 * the municipality's, a school's former pupils. Without these, a page read every row of the
 * list nationwide (the primary key begins with run and list) and kept its region's tenth.
 */
export default /* sql */ `
CREATE INDEX lijst_persoon_rmc ON lijst_persoon (run_id, lijst, rmc_code);
CREATE INDEX lijst_persoon_gemeente ON lijst_persoon (run_id, lijst, gemeente_code);
CREATE INDEX lijst_persoon_brin ON lijst_persoon (run_id, lijst, brin);
`;
