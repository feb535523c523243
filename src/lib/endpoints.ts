import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { routes } from '../i18n/routes.ts';
import { t, type Lang } from '../i18n/ui.ts';
import { calendarEvents, renderCalendar } from './calendar.ts';
import { sections } from './sections.ts';
import { getContent, type SiteContent } from './content.ts';
import { feedFor, feedItems, type FeedItem, type FeedScope } from './feed-items.ts';
import { escapeXml, safeJson } from './plain-text.ts';
import { absolute, siteRoot } from './site-url.ts';
import { statusJson } from './status-files/status-json.ts';
import { statusText } from './status-files/status-txt.ts';
import { statuspageSummary } from './status-files/statuspage.ts';
import { statusView } from './status-files/view.ts';

/**
 * What the feed, calendar and status routes (`src/pages/**\/*.xml.ts`, `*.ics.ts`, `*.json.ts`,
 * `*.txt.ts`) return: each route is one line that names its language and, for feeds, its scope.
 * All the work is in the pure modules (feed-items, calendar, status-files/); this file only reads the
 * content, works out the site's absolute root (`context.site` + `BASE_URL`) and wraps the result.
 *
 * @example
 * // src/pages/services/[id]/rss.xml.ts
 * export const getStaticPaths = servicePaths;
 * export const GET: APIRoute = (context) => rssResponse(context, 'fr', { kind: 'service', id: context.params.id! });
 */
function rootOf(context: APIContext, content: SiteContent): URL {
	return siteRoot(context.site ?? content.settings.data.fr.siteUrl, import.meta.env.BASE_URL);
}

/** Feed items are computed once per language and build, then shared by every feed. */
const itemsCache = new Map<string, Map<string, FeedItem>>();

export async function rssResponse(context: APIContext, lang: Lang, scope: FeedScope): Promise<Response> {
	const content = getContent();
	const root = rootOf(context, content);
	const key = `${lang}|${root.href}`;
	let items = itemsCache.get(key);
	if (!items) {
		items = feedItems(content, lang, root);
		itemsCache.set(key, items);
	}
	const feed = feedFor(content, lang, root, scope, items);
	const response = await rss({
		title: feed.title,
		description: feed.description,
		site: feed.link,
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: [
			`<language>${lang}</language>`,
			`<lastBuildDate>${feed.lastBuildDate.toUTCString()}</lastBuildDate>`,
			`<atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
		].join(''),
		items: feed.items.map((i) => ({ title: i.title, link: i.link, pubDate: i.pubDate, description: i.description, categories: i.categories })),
	});
	return withType(response, 'application/rss+xml; charset=utf-8');
}

export function calendarResponse(context: APIContext, lang: Lang): Response {
	const content = getContent();
	const root = rootOf(context, content);
	const town = content.settings.data[lang].town;
	const ics = renderCalendar(calendarEvents(content, lang, root), {
		name: t(lang, 'calendar.name', { town }),
		description: t(lang, sections(content).elections ? 'calendar.description' : 'calendar.descriptionDeadlines', { town }),
		timezone: content.settings.data.fr.timezone,
		stamp: content.status.lastUpdated,
		url: absolute(root, routes(lang).calendar),
	});
	return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

export function statusJsonResponse(context: APIContext, lang: Lang): Response {
	const content = getContent();
	return json(statusJson(statusView(content, lang, rootOf(context, content))));
}

export function statuspageResponse(context: APIContext): Response {
	const content = getContent();
	return json(statuspageSummary(statusView(content, 'fr', rootOf(context, content))));
}

export function statusTextResponse(context: APIContext, lang: Lang): Response {
	const content = getContent();
	return new Response(statusText(statusView(content, lang, rootOf(context, content))), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

function json(value: unknown): Response {
	return new Response(safeJson(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

function withType(response: Response, type: string): Response {
	return new Response(response.body, { status: response.status, headers: { 'Content-Type': type } });
}
