import type { Lang } from './ui.ts';

/**
 * Every page's path, per language, without the site's base path (see `withBase`). Pages ask here
 * for links so that French and English slugs, and the language switch, stay in one place.
 *
 * @example
 * routes('fr').service('etat-civil'); // '/services/etat-civil/'
 * routes('en').updates(2);             // '/en/updates/page/2/'
 */
const SLUGS = {
	fr: { prefix: '/', updates: 'actualites', elections: 'elections', poster: 'affiche', channels: 'canaux-officiels', search: 'recherche', subscribe: 'sabonner', calendar: 'calendrier.ics' },
	en: { prefix: '/en/', updates: 'updates', elections: 'elections', poster: 'poster', channels: 'official-channels', search: 'search', subscribe: 'subscribe', calendar: 'calendar.ics' },
} as const;

export function routes(lang: Lang) {
	const s = SLUGS[lang];
	return {
		home: s.prefix,
		service: (id: string) => `${s.prefix}services/${id}/`,
		update: (id: string) => `${s.prefix}${s.updates}/${id}/`,
		updates: (page = 1) => (page === 1 ? `${s.prefix}${s.updates}/` : `${s.prefix}${s.updates}/page/${page}/`),
		elections: `${s.prefix}${s.elections}/`,
		poster: `${s.prefix}${s.poster}/`,
		channels: `${s.prefix}${s.channels}/`,
		search: `${s.prefix}${s.search}/`,
		page: (id: string) => `${s.prefix}${id}/`,
		rss: `${s.prefix}rss.xml`,
		/** How to follow the site: feeds, calendar, status files (`/sabonner/`, `/en/subscribe/`). */
		subscribe: `${s.prefix}${s.subscribe}/`,
		/** One service's own RSS feed. */
		serviceRss: (id: string) => `${s.prefix}services/${id}/rss.xml`,
		/** Updates about the elections. */
		electionsRss: `${s.prefix}${s.elections}/rss.xml`,
		/** Election rounds and dated deadlines, in iCalendar format. */
		calendar: `${s.prefix}${s.calendar}`,
		/** Current state, for programs (documented in docs/endpoints.md). */
		statusJson: `${s.prefix}status.json`,
		/** Current state as short plain text, to read on a phone or send by SMS. */
		statusTxt: `${s.prefix}status.txt`,
		/** The current state in the shape of Atlassian Statuspage's public API (one language: French). */
		statuspage: '/api/v2/summary.json',
	};
}

export type Routes = ReturnType<typeof routes>;

/** Prefixes a site path with the base the site is served under (`/` or `/sub/path/`). */
export function withBase(base: string, path: string): string {
	return `${base.replace(/\/$/, '')}${path}`;
}
