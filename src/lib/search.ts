import { getContent } from './content.ts';
import { routes } from '../i18n/routes.ts';
import type { Lang } from '../i18n/ui.ts';

const cache = new Map<Lang, Set<string>>();

/**
 * The pages whose `<main>` goes into the search index (paths without the base): services, updates,
 * elections and the content pages (in English, only those translated). Summaries and lists (home, update archive, poster) and the
 * search and 404 pages stay out, so a search lands on the page that holds the information.
 *
 * @example
 * searchablePaths('fr').has('/services/etat-civil/'); // true
 * searchablePaths('fr').has('/actualites/');          // false
 */
export function searchablePaths(lang: Lang): Set<string> {
	let paths = cache.get(lang);
	if (!paths) {
		const content = getContent();
		const r = routes(lang);
		// An English page without an English version shows the French text: it stays out of the
		// English index, which then holds English text only (and costs half as much to build).
		const inLang = (entry: { data: { translated: boolean } }) => lang === 'fr' || entry.data.translated;
		paths = new Set([
			...content.services.filter(inLang).map((s) => r.service(s.id)),
			...content.updates.filter((u) => lang === 'fr' || u.html.translated).map((u) => r.update(u.id)),
			...content.pages.filter((p) => lang === 'fr' || p.html.translated).map((p) => r.page(p.id)),
			...(content.elections.some(inLang) ? [r.elections] : []),
			r.channels,
		]);
		cache.set(lang, paths);
	}
	return paths;
}
