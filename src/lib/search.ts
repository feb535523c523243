import { getContent } from './content.ts';
import { routes } from '../i18n/routes.ts';
import type { Lang } from '../i18n/ui.ts';

const cache = new Map<Lang, Set<string>>();

/**
 * The pages whose `<main>` goes into the search index (paths without the base): services, updates,
 * elections and the content pages, in both languages. Summaries and lists (home, update archive,
 * poster) and the search and 404 pages stay out, so a search lands on the page that holds the
 * information. An English page not translated yet is in the English index too, so that a resident
 * searching in English finds it by its French words (its text is marked `lang="fr"` on the page;
 * Pagefind files a whole page under its `<html lang>`).
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
		paths = new Set([
			...content.services.map((s) => r.service(s.id)),
			...content.updates.map((u) => r.update(u.id)),
			...content.pages.map((p) => r.page(p.id)),
			...(content.elections.length > 0 ? [r.elections] : []),
			r.channels,
		]);
		cache.set(lang, paths);
	}
	return paths;
}
