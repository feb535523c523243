import type { PageInline } from './headers.ts';

// The middleware records pages from Astro's page bundle and the integration reads them from the
// config: two copies of this module in one build process, so the record lives on globalThis.
const STORE = Symbol.for('town-status-site.rendered-pages');

/**
 * The inline elements of every page rendered by this build, by path, for the site-wide headers.
 *
 * @example
 * renderedPages().set('/services/etat-civil/', inlineElements(html));
 * sitePolicy(renderedPages()); // once every page is rendered
 */
export function renderedPages(): Map<string, PageInline> {
	const store = globalThis as { [STORE]?: Map<string, PageInline> };
	return (store[STORE] ??= new Map());
}
