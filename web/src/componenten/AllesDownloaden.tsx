import { downloadUrl } from '../api';

/**
 * "Alles downloaden": every table of a page in one Excel workbook (a sheet per table, and a
 * sheet that explains the withheld cells), straight from the API with the same openbaarmaking
 * control, or all tables in one CSV.
 */
export function AllesDownloaden({ url, wat }: { url: string; /** "de regio Utrecht" */ wat: string }) {
  return (
    <p className="utrecht-paragraph bb-alles-downloaden" data-testid="alles-downloaden">
      <a className="utrecht-link utrecht-link--html-a" href={downloadUrl(url, 'xlsx')} download>Alles downloaden als Excel</a>
      {' '}(alle tabellen van {wat}, een blad per tabel) of{' '}
      <a className="utrecht-link utrecht-link--html-a" href={downloadUrl(url, 'csv')} download>als één CSV<span className="visueel-verborgen"> met alle tabellen van {wat}</span></a>.
    </p>
  );
}
