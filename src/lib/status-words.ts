import { t, type Lang } from '../i18n/ui.ts';
import type { Status } from '../schemas/common.ts';
import type { Contact } from '../schemas/settings.ts';
import { formatDayMonth, toEpoch } from './dates.ts';
import type { ServiceState } from './status.ts';

/**
 * What residents read about the situation, said honestly, computed once for every page, the poster
 * and the status files:
 * - a service nobody has confirmed lately never reads as plainly working ("Fonctionnait le … — à confirmer");
 * - a next update whose time has passed reads "en retard", never as a date in the past;
 * - a disrupted service without alternative says so, and who to call.
 *
 * @example
 * badgeStatus({ status: 'operational', stale: true, … });             // 'unconfirmed'
 * staleSentence({ status: 'operational', lastConfirmed: t, … }, 'fr', 'Europe/Paris');
 * // 'Fonctionnait le 24 juin — à confirmer'
 * nextUpdate('2024-06-29T10:00+02:00', now);                          // { kind: 'late' } once that time has passed
 * noAlternative(contacts, 'fr');
 * // 'Pas de solution de remplacement pour l’instant. Pour toute question : Standard de la mairie, 02 38 71 93 93.'
 */

/** The badge to show: a service working but not confirmed lately is "à confirmer", not "fonctionne". */
export function badgeStatus(state: Pick<ServiceState, 'status' | 'stale'>): Status | 'unconfirmed' {
	return state.stale && state.status === 'operational' ? 'unconfirmed' : state.status;
}

/** The status as last confirmed, with its day, for a stale service; undefined when it is fresh. */
export function staleSentence(state: Pick<ServiceState, 'status' | 'stale' | 'lastConfirmed'>, lang: Lang, timeZone: string): string | undefined {
	return state.stale ? t(lang, `status.staleAs.${state.status}`, { date: formatDayMonth(state.lastConfirmed, lang, timeZone) }) : undefined;
}

/** The status in words as the status files give it: the stale sentence when stale. */
export function statusWords(state: Pick<ServiceState, 'status' | 'stale' | 'lastConfirmed'>, lang: Lang, timeZone: string): string {
	return staleSentence(state, lang, timeZone) ?? t(lang, `status.${state.status}`);
}

export type NextUpdate = { kind: 'none' } | { kind: 'late' } | { kind: 'due'; at: number };

/** When the next update comes: not said, late (its announced time has passed at `now`), or due at a time. */
export function nextUpdate(announced: string | undefined, now: number): NextUpdate {
	if (!announced) return { kind: 'none' };
	const at = toEpoch(announced);
	return at < now ? { kind: 'late' } : { kind: 'due', at };
}

/** The first phone line that answers: who to call when nothing replaces a service. */
export function helpPhone(contacts: Contact[]): Contact | undefined {
	return contacts.find((c) => c.kind === 'phone' && c.working);
}

/** Whether a service is disrupted with nothing offered instead. */
export function lacksAlternative(state: Pick<ServiceState, 'status'>, alternative: unknown): boolean {
	return state.status !== 'operational' && !alternative;
}

/** "No alternative for now", and who to call if the settings name a working phone line. */
export function noAlternative(contacts: Contact[], lang: Lang): string {
	const phone = helpPhone(contacts);
	return [t(lang, 'service.noAlternative'), phone ? t(lang, 'service.askWho', { label: phone.label, phone: phone.value }) : ''].filter(Boolean).join(' ');
}
