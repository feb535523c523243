import type { Catalogue, TownAnswers } from '../../src/lib/init-site.ts';
import type { Ask } from './interview.ts';

type Lang = 'fr' | 'en';

const Q = {
	fr: {
		town: 'Nom de la commune :',
		phone: 'Numéro de téléphone que les habitants appellent (standard) :',
		email: 'Adresse électronique de la mairie :',
		address: 'Adresse postale de la mairie (sur une ligne) :',
		site: 'Adresse de ce site d’information (https://…) :',
		website: 'Site habituel de la ville :',
		mirrors: 'Copies de secours du site (adresses séparées par des virgules, ou rien) :',
		services: 'Services de la commune (espace pour cocher ou décocher, entrée pour valider) :',
		key: 'Où enregistrer la clé privée de signature (hors du dossier content/) :',
		required: 'Une réponse est nécessaire.',
		url: 'Une adresse qui commence par https:// ou http://',
	},
	en: {
		town: 'Name of the town:',
		phone: 'Phone number residents call (switchboard):',
		email: 'Town hall email address:',
		address: 'Postal address of the town hall (one line):',
		site: 'Address of this information site (https://…):',
		website: 'The town’s usual website:',
		mirrors: 'Backup copies of the site (addresses separated by commas, or nothing):',
		services: 'The town’s services (space to tick or untick, enter to confirm):',
		key: 'Where to save the private signing key (outside the content/ folder):',
		required: 'An answer is needed.',
		url: 'An address starting with https:// or http://',
	},
} satisfies Record<Lang, Record<string, string>>;

/** Whether `value` is an http(s) address. */
export function isWebAddress(value: string): boolean {
	return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/**
 * Asks what `npm run init` needs and flags did not give, in French (or English), with the catalogue's
 * services all ticked by default.
 */
export async function initInterview(ask: Ask, catalogue: Catalogue, given: Partial<TownAnswers>, lang: Lang = 'fr'): Promise<TownAnswers> {
	const q = Q[lang];
	const required = (v: string) => v.trim().length > 0 || q.required;
	const web = (v: string) => isWebAddress(v.trim()) || q.url;
	const town = given.town ?? (await ask.input({ message: q.town, validate: required })).trim();
	const phone = given.phone ?? (await ask.input({ message: q.phone, validate: required })).trim();
	const email = given.email ?? (await ask.input({ message: q.email, validate: required })).trim();
	const address = given.address ?? (await ask.input({ message: q.address, validate: required })).trim();
	const site = given.site ?? (await ask.input({ message: q.site, validate: web })).trim();
	const website = given.website ?? (await ask.input({ message: q.website, default: site, validate: web })).trim();
	const mirrors =
		given.mirrors ??
		splitList(await ask.input({ message: q.mirrors, default: '', validate: (v) => splitList(v).every(isWebAddress) || q.url }));
	const services =
		given.services ??
		(await ask.checkbox({ message: q.services, choices: [...catalogue.services].map(([value, s]) => ({ value, name: s.data.name, checked: true })) }));
	const key = given.key ?? (await ask.input({ message: q.key, default: '~/.ssh/site-mairie-signature', validate: required })).trim();
	return { town, phone, email, address, site, website, mirrors, services, key };
}

/** `a, b,,c` → `['a', 'b', 'c']`. */
export function splitList(value: string): string[] {
	return value.split(',').map((v) => v.trim()).filter(Boolean);
}
