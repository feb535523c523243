import { formatDate, formatDateTime, isoInZone } from '../lib/dates.ts';
import { getContent } from '../lib/content.ts';
import { routes, withBase } from './routes.ts';
import { t, type Lang, type UiKey } from './ui.ts';

/**
 * What every component needs to speak one language: the content, the strings, links with the
 * site's base path, and dates in the town's time zone.
 *
 * @example
 * const { t, href, r, alt, dateTime } = useLang('fr');
 * href(r.service('etat-civil')); // '/services/etat-civil/' (or '/ville/services/etat-civil/' under a base)
 * alt.service('etat-civil');     // '/en/services/etat-civil/': the same page in English
 */
export function useLang(lang: Lang) {
	const content = getContent();
	const tz = content.settings.data.fr.timezone;
	return {
		lang,
		content,
		tz,
		r: routes(lang),
		/** The same routes in the other language: where the language switch leads (`alternate={c.alt.poster}`). */
		alt: routes(lang === 'fr' ? 'en' : 'fr'),
		t: (key: UiKey, params?: Record<string, string | number>) => t(lang, key, params),
		href: (path: string) => withBase(import.meta.env.BASE_URL, path),
		dateTime: (epoch: number) => formatDateTime(epoch, lang, tz),
		date: (epoch: number) => formatDate(epoch, lang, tz),
		iso: (epoch: number) => isoInZone(epoch, tz),
	};
}

export type LangContext = ReturnType<typeof useLang>;
