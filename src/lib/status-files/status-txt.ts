import { t, type Lang } from '../../i18n/ui.ts';
import { formatDateTime } from '../dates.ts';
import { firstSentence } from '../excerpt.ts';
import { fit, MESSAGE_LIMITS, shortAddress } from '../messages.ts';
import { inertText } from '../plain-text.ts';
import { helpPhone } from '../status-words.ts';
import type { ServiceView, StatusView } from './view.ts';

/**
 * A few lines for a phone screen or an SMS (`/status.txt`, `/en/status.txt`). The first line is one SMS
 * on its own (at most 160 characters, see `statusSmsLine`); below it: town and date, the situation, one
 * line per disrupted service with what to do instead, the switchboard (first working phone contact) and
 * the site's address. To stay short, a service's name loses its parenthesised details and its
 * alternative is cut after its first sentence; the address leads to the rest. No tag can form in it.
 *
 * @example
 * statusText(statusView(content, 'fr', root)); // 'Testville : 2 services sur 3 fonctionnent autrement. Tél. …\n\nTestville — mise à jour : jeudi 27 juin 2024 à 11 h\n…'
 */
export function statusText(view: StatusView): string {
	const { lang, town } = view;
	const colon = t(lang, 'colon');
	const phone = helpPhone(view.contacts);
	const lines = [statusSmsLine(lang, town, view.situation, phone?.value, view.root), '', `${town} — ${t(lang, 'statusFile.updated').toLocaleLowerCase(lang)}${colon} ${formatDateTime(view.lastUpdated, lang, view.timezone)}`, view.situation];
	for (const service of view.services) if (service.state.status !== 'operational') lines.push(serviceLine(view, service));
	if (phone) lines.push(`${phone.label}${colon} ${phone.value}`);
	lines.push(view.homeUrl);
	// Plain spaces: a no-break space would push a forwarded SMS out of the GSM alphabet.
	return `${inertText(lines.join('\n')).replace(/\u00a0/g, ' ')}\n`;
}

/** `- État civil : sur papier uniquement (à confirmer). À la place : Déclarations au guichet.` */
function serviceLine(view: StatusView, service: ServiceView): string {
	const { lang } = view;
	const status = t(lang, `status.${service.state.status}`);
	const stale = service.state.stale ? ` (${t(lang, 'status.stale').toLocaleLowerCase(lang)})` : '';
	const instead = service.alternative ? `${t(lang, 'services.insteadShort')} ${firstSentence(service.alternative, lang)}` : t(lang, 'service.noAlternative');
	return `- ${shortName(service.name)}${t(lang, 'colon')} ${status.charAt(0).toLocaleLowerCase(lang)}${status.slice(1)}${stale}. ${instead}`;
}

/**
 * The situation in one SMS (at most 160 characters): town, situation, phone, short address; the phone
 * goes first, then the situation is cut, when it is too long.
 *
 * @example
 * statusSmsLine('fr', 'Ville', 'Tous les services fonctionnent normalement.', '02 00 00 00 00', new URL('https://info.ville.fr/'));
 * // 'Ville : Tous les services fonctionnent normalement. Tél. 02 00 00 00 00. info.ville.fr' (French no-break spaces)
 */
export function statusSmsLine(lang: Lang, town: string, situation: string, phone: string | undefined, root: URL): string {
	const address = shortAddress(root);
	const said = t(lang, 'statusFile.smsSituation', { town, situation });
	const withPhone = `${said}${phone ? ` ${t(lang, 'statusFile.smsPhone', { phone })}` : ''} ${address}`;
	if (withPhone.length <= MESSAGE_LIMITS.sms) return withPhone;
	return `${fit(said, MESSAGE_LIMITS.sms - address.length - 1)} ${address}`;
}

/** `État civil (naissances, mariages, décès)` → `État civil`: the clarification is on the site. */
function shortName(name: string): string {
	return name.replace(/\s*\([^)]*\)/g, '').trim() || name;
}
