import { getContent } from './content.ts';
import { routes } from '../i18n/routes.ts';
import type { Lang } from '../i18n/ui.ts';

const cache = new Map<Lang, Set<string>>();

/**
 * The pages whose `<main>` goes into the search index (paths without the base): services, updates,
 * elections and the content pages. Summaries and lists (home, update archive, poster) and the
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
		paths = new Set([
			...content.services.map((s) => r.service(s.id)),
			...content.updates.map((u) => r.update(u.id)),
			...content.pages.map((p) => r.page(p.id)),
			r.elections,
			r.channels,
		]);
		cache.set(lang, paths);
	}
	return paths;
}
