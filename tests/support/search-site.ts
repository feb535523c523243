import { spawnSync } from 'node:child_process';

export interface SearchHit {
	/** Path with the site's base, e.g. `/crise/services/etat-civil/`. */
	url: string;
	title: string;
}

/**
 * Searches a built site's Pagefind index in one language for several queries, executing the
 * generated `pagefind.js` once in a separate Node process (see pagefind-query.ts).
 *
 * @example
 * searchSite(outDir, '/crise/', 'fr', ['naissance']); // { naissance: [{ url: '/crise/services/etat-civil/', title: 'État civil' }] }
 */
export function searchSite(outDir: string, base: string, lang: string, queries: readonly string[]): Record<string, SearchHit[]> {
	const result = spawnSync(process.execPath, ['tests/support/pagefind-query.ts', outDir, base, lang, ...queries], { encoding: 'utf8', timeout: 60_000 });
	if (result.status !== 0) throw new Error(`Pagefind search failed (${result.status}):\n${result.stderr}`);
	return JSON.parse(result.stdout) as Record<string, SearchHit[]>;
}
