import type { Contact } from '../schemas/settings.ts';
import { t, type Lang } from '../i18n/ui.ts';

/**
 * The situation in one plain sentence and the number to call now, derived from the settings' contacts
 * and the status report, so the banner, `status.txt` and the home page say the same thing.
 *
 * The town hall counts as open when the settings list a counter (`kind: counter`) that is working, and
 * as closed when every counter listed is marked `working: false`; with no counter listed, the sentence
 * says nothing about opening rather than guess.
 *
 * @example
 * const s = situationOf(settings.contacts, { affected: 8, total: 10 });
 * // { open: true, affected: 8, total: 10, call: { kind: 'phone', label: 'Standard de la mairie', value: '02 38 71 93 93', … } }
 * situationSentence(s, 'fr'); // 'La mairie est ouverte. 8 services sur 10 fonctionnent autrement.'
 */
export interface Situation {
	/** Whether a counter welcomes residents; undefined when the settings list no counter. */
	open?: boolean;
	/** Services not working normally. */
	affected: number;
	total: number;
	/** The first working phone contact: the number to call now. */
	call?: Contact;
}

export function situationOf(contacts: Contact[], overall: { affected: number; total: number }): Situation {
	const counters = contacts.filter((c) => c.kind === 'counter');
	return {
		open: counters.length ? counters.some((c) => c.working) : undefined,
		affected: overall.affected,
		total: overall.total,
		call: contacts.find((c) => c.kind === 'phone' && c.working),
	};
}

export function situationSentence(situation: Situation, lang: Lang): string {
	const opening = situation.open === undefined ? [] : [t(lang, situation.open ? 'situation.open' : 'situation.closed')];
	const services = situation.affected > 0 ? t(lang, 'situation.affected', { n: situation.affected, total: situation.total }) : t(lang, 'banner.allClear');
	return [...opening, services].join(' ');
}

// One `tel:` rule for the whole site, with the phone numbers found in content (typography.ts).
export { telHref } from './typography.ts';
