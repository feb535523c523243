import type { Catalogue, TownAnswers } from '../../src/lib/init-site.ts';
import { t, type Lang } from '../../src/i18n/ui.ts';
import type { Ask } from './interview.ts';

/** Whether `value` is an http(s) address. */
export function isWebAddress(value: string): boolean {
	return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/**
 * Asks what `npm run init` needs and flags did not give, in French (or English), with the catalogue's
 * services all ticked by default.
 */
export async function initInterview(ask: Ask, catalogue: Catalogue, given: Partial<TownAnswers>, lang: Lang = 'fr'): Promise<TownAnswers> {
	const required = (v: string) => v.trim().length > 0 || t(lang, 'init.ask.required');
	const web = (v: string) => isWebAddress(v.trim()) || t(lang, 'init.ask.url');
	const town = given.town ?? (await ask.input({ message: t(lang, 'init.ask.town'), validate: required })).trim();
	const phone = given.phone ?? (await ask.input({ message: t(lang, 'init.ask.phone'), validate: required })).trim();
	const email = given.email ?? (await ask.input({ message: t(lang, 'init.ask.email'), validate: required })).trim();
	const address = given.address ?? (await ask.input({ message: t(lang, 'init.ask.address'), validate: required })).trim();
	const site = given.site ?? (await ask.input({ message: t(lang, 'init.ask.site'), validate: web })).trim();
	const website = given.website ?? (await ask.input({ message: t(lang, 'init.ask.website'), default: site, validate: web })).trim();
	const mirrors =
		given.mirrors ??
		splitList(await ask.input({ message: t(lang, 'init.ask.mirrors'), default: '', validate: (v) => splitList(v).every(isWebAddress) || t(lang, 'init.ask.url') }));
	const services =
		given.services ??
		(await ask.checkbox({ message: t(lang, 'init.ask.services'), choices: [...catalogue.services].map(([value, s]) => ({ value, name: s.data.name, checked: true })) }));
	const key = given.key ?? (await ask.input({ message: t(lang, 'init.ask.key'), default: '~/.ssh/site-mairie-signature', validate: required })).trim();
	return { town, phone, email, address, site, website, mirrors, services, key };
}

/** `a, b,,c` → `['a', 'b', 'c']`. */
export function splitList(value: string): string[] {
	return value.split(',').map((v) => v.trim()).filter(Boolean);
}
