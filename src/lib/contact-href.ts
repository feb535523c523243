import type { Contact } from '../schemas/settings.ts';
import { telHref } from './typography.ts';

/**
 * Where a contact channel leads when tapped: a phone number dials, an email address opens a new
 * message, a web or social address opens; a counter or a postal address leads nowhere.
 *
 * @example
 * contactHref({ kind: 'phone', value: '02 38 71 93 93' });   // 'tel:+33238719393'
 * contactHref({ kind: 'email', value: 'mairie@ville.fr' });  // 'mailto:mairie@ville.fr'
 * contactHref({ kind: 'counter', value: 'Hôtel de ville' }); // undefined
 */
export function contactHref(contact: Pick<Contact, 'kind' | 'value'>): string | undefined {
	switch (contact.kind) {
		case 'phone':
			return telHref(contact.value);
		case 'email':
			return `mailto:${contact.value}`;
		case 'web':
		case 'social':
			return contact.value;
		default:
			return undefined;
	}
}
