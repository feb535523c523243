import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every page path listed in the built site's sitemap, e.g. ['/', '/accessibilite/', …]. */
export function sitemapPaths(siteDir: string): string[] {
	const xml = readFileSync(join(siteDir, 'sitemap-0.xml'), 'utf8');
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

/**
 * The pages a costly browser check (axe, layout, network) visits: every template once, not every
 * page. In French, each page outside a collection (home, updates list, elections, poster, search,
 * each content page…) and, for each collection (services, updates, a paged list), its largest page
 * (longest history, tables and lists) and its smallest (the emptiest state); in English, the home
 * page, the updates list and the same two pages of each collection, since the other English pages are
 * the French templates with other words (every page is still swept without a browser, see
 * tests/browser/every-page.test.ts). The 404 page comes last: it is not in the sitemap.
 *
 * @example
 * representativePaths(dir); // ['/', '/accessibilite/', '/actualites/', '/actualites/2024-06-24-…/', …, '/404.html']
 */
export function representativePaths(siteDir: string): string[] {
	const bytes = (path: string) => statSync(join(siteDir, path, 'index.html')).size;
	const templates = new Map<string, string[]>();
	for (const path of sitemapPaths(siteDir)) {
		const key = templateOf(path);
		templates.set(key, [...(templates.get(key) ?? []), path]);
	}
	const chosen = [...templates].flatMap(([key, paths]) => {
		const english = key.startsWith('/en/');
		const collection = key.endsWith('/*/');
		if (english && !collection && !['/en/', '/en/updates/'].includes(key)) return [];
		const bySize = [...paths].sort((a, b) => bytes(b) - bytes(a));
		return [...new Set([bySize[0]!, bySize.at(-1)!])];
	});
	return [...chosen, '/404.html'];
}

/** `/services/etat-civil/` → `/services/*​/`; a page outside a collection is its own template (`/faq/`, `/en/`). */
function templateOf(path: string): string {
	const segments = path.split('/').filter(Boolean);
	const depth = segments[0] === 'en' ? segments.length - 1 : segments.length;
	return depth >= 2 ? `/${[...segments.slice(0, -1), '*'].join('/')}/` : path;
}
