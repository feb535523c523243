import { withBase } from '../i18n/routes.ts';

/**
 * Absolute addresses for files read outside the site (feeds, calendar, JSON), which cannot use
 * relative links. The root is the site's address with its base path (`https://ville.fr/crise/`).
 *
 * @example
 * const root = siteRoot(new URL('https://ville.fr/'), '/crise/');   // URL https://ville.fr/crise/
 * absolute(root, '/services/etat-civil/');                          // 'https://ville.fr/crise/services/etat-civil/'
 * absolute(root, '/');                                              // 'https://ville.fr/crise/'
 */
export function siteRoot(site: URL | string, base: string): URL {
	return new URL(base.endsWith('/') ? base : `${base}/`, site);
}

/** A route path (without base, see `routes`) as an absolute URL under the site root. */
export function absolute(root: URL, path: string): string {
	return new URL(withBase(root.pathname, path), root).href;
}
