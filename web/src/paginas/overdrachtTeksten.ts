import type { Oorzaak, Overdrachtstatus } from '../../../src/domain/dossier/overdracht';

/** Dutch names of a handover's cause, status and parts (Overdrachten and Dossier pages). */
export const OORZAAKNAAM: Record<Oorzaak, string> = { verhuizing: 'verhuizing', meerderjarig: '18 geworden (van leerplicht naar RMC)' };
export const STATUSNAAM: Record<Overdrachtstatus, string> = {
  voorgesteld: 'voorgesteld, nog niet verzonden', verzonden: 'verzonden, wacht op aanvaarding', aanvaard: 'aanvaard', geweigerd: 'geweigerd', vervallen: 'vervallen',
};
