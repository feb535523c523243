import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every page path listed in the built site's sitemap, e.g. ['/', '/accessibilite/', …]. */
export function sitemapPaths(siteDir: string): string[] {
	const xml = readFileSync(join(siteDir, 'sitemap-0.xml'), 'utf8');
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
