import type { SiteContent } from './content.ts';

/**
 * Which optional parts of the site the content calls for. A town without elections gets no elections
 * page, feed, navigation entry or calendar wording about them; a calendar exists only when it has
 * something to hold (an election round or a dated deadline). Astro's config adds the optional routes
 * from this, and every link to them asks here, so no link ever leads to a page that does not exist.
 *
 * @example
 * sections(content); // { elections: false, calendar: true } for a town with dated deadlines and no election
 */
export interface Sections {
	elections: boolean;
	calendar: boolean;
}

export function sections(content: Pick<SiteContent, 'elections' | 'services'>): Sections {
	const elections = content.elections.length > 0;
	const deadlines = content.services.some((s) => s.data.fr.deadlines.some((d) => d.date));
	return { elections, calendar: elections || deadlines };
}

/** Every optional section: the live preview has all their routes, whatever the content. */
export const ALL_SECTIONS: Sections = { elections: true, calendar: true };

/**
 * Whether a route is an optional one that the content does not call for (the live preview answers it 404).
 *
 * @example
 * absentRoute('/elections', { elections: false, calendar: true }); // → true
 * absentRoute('/services/[id]', { elections: false, calendar: false }); // → false
 */
export function absentRoute(pattern: string, s: Sections): boolean {
	const is = (routes: { pattern: string }[]) => routes.some((route) => route.pattern === pattern);
	return is(optionalRoutes(ALL_SECTIONS)) && !is(optionalRoutes(s));
}

/** The routes that exist only when `sections` says so: Astro route pattern → entry point. */
export function optionalRoutes(s: Sections): { pattern: string; entrypoint: string }[] {
	const dir = './src/optional-routes';
	return [
		...(s.elections
			? [
					{ pattern: '/elections', entrypoint: `${dir}/elections.fr.astro` },
					{ pattern: '/elections/rss.xml', entrypoint: `${dir}/elections-rss.fr.ts` },
					{ pattern: '/en/elections', entrypoint: `${dir}/elections.en.astro` },
					{ pattern: '/en/elections/rss.xml', entrypoint: `${dir}/elections-rss.en.ts` },
				]
			: []),
		...(s.calendar
			? [
					{ pattern: '/calendrier.ics', entrypoint: `${dir}/calendar.fr.ts` },
					{ pattern: '/en/calendar.ics', entrypoint: `${dir}/calendar.en.ts` },
				]
			: []),
	];
}
