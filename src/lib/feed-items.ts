import { routes, type Routes } from '../i18n/routes.ts';
import { t, type Lang } from '../i18n/ui.ts';
import type { SiteContent, UpdateEntry } from './content.ts';
import { concernedServices } from './concerned.ts';
import { formatDateTime } from './dates.ts';
import { sections } from './sections.ts';
import { absolutizeHtml, escapeHtml, inertText } from './plain-text.ts';
import { absolute } from './site-url.ts';

/**
 * RSS feed items, computed once per language from the content, then picked by each feed (all updates,
 * one service, the elections). Pure: no Astro, no file system; the `*.xml.ts` routes only hand the
 * result to `@astrojs/rss`.
 *
 * Each item stands on its own in a reader: its title names the service(s) and the new status when the
 * update changes one (`État civil : sur papier uniquement — L'état civil passe au papier`), its
 * description is the update as rendered on the site (marked + sanitize-html) with absolute links, and
 * its link — also its guid — is the update's permanent address, so an edited update is not announced
 * again. A correction is an item of its own that links to the update it corrects.
 *
 * @example
 * const root = new URL('https://ville.fr/crise/');
 * const items = feedItems(content, 'fr', root);               // every published update, once
 * const feed = feedFor(content, 'fr', root, { kind: 'service', id: 'etat-civil' }, items);
 * feed.items[0].title;  // 'État civil : sur papier uniquement — L'état civil passe au papier'
 * feed.items[0].link;   // 'https://ville.fr/crise/actualites/2024-06-25-etat-civil-papier/'
 * feedList(content, 'fr').map((f) => f.path); // ['/rss.xml', '/elections/rss.xml', '/services/etat-civil/rss.xml', …]
 */
export interface FeedItem {
	/** The update's id. */
	id: string;
	title: string;
	/** Absolute permanent address of the update; used as the guid too. */
	link: string;
	pubDate: Date;
	/** The full update as sanitised HTML with absolute links. */
	description: string;
	/** The kind of update, then the services and elections it concerns. */
	categories: string[];
}

export type FeedScope = { kind: 'all' } | { kind: 'service'; id: string } | { kind: 'elections' };

export interface Feed {
	title: string;
	description: string;
	/** The page the feed follows (home, service or elections page), absolute. */
	link: string;
	/** The feed's own absolute address. */
	self: string;
	language: Lang;
	/** Date of the newest item, or of the latest update of the site if the feed is empty. */
	lastBuildDate: Date;
	/** Newest first, at most `FEED_LIMIT`. */
	items: FeedItem[];
}

/** Items per feed: readers poll often and on bad networks; older updates stay in the site's archive. */
export const FEED_LIMIT = 50;

/** Every published update as a feed item, by id, in the content's order (newest first). */
export function feedItems(content: SiteContent, lang: Lang, root: URL): Map<string, FeedItem> {
	const r = routes(lang);
	return new Map(content.updates.map((u) => [u.id, item(content, lang, root, r, u)]));
}

function item(content: SiteContent, lang: Lang, root: URL, r: Routes, u: UpdateEntry): FeedItem {
	const data = u.data[lang];
	const colon = t(lang, 'colon');
	const link = absolute(root, r.update(u.id));
	const serviceName = (id: string) => content.serviceById.get(id)?.data[lang].name ?? id;
	const serviceLink = (id: string) => `<a href="${escapeHtml(absolute(root, r.service(id)))}">${escapeHtml(serviceName(id))}</a>`;
	const updateLink = (target: UpdateEntry) => `<a href="${escapeHtml(absolute(root, r.update(target.id)))}">${escapeHtml(target.data[lang].title)}</a>`;
	const changes = data.changes;
	const concerned = concernedServices(data);

	// Title: the status change first, so that a reader's list of titles says what changed.
	const kindLabel = t(lang, `kind.${data.kind}`);
	let title = data.title;
	if (data.kind === 'correction' && !title.toLocaleLowerCase(lang).startsWith(kindLabel.toLocaleLowerCase(lang))) title = `${kindLabel}${colon} ${title}`;
	if (changes.length > 0) {
		const what =
			changes.length <= 3
				? changes.map(({ service, status }) => `${serviceName(service)}${colon} ${lowerFirst(t(lang, `status.${status}`), lang)}`).join(t(lang, 'semicolon'))
				: t(lang, 'feed.manyChanges', { n: changes.length });
		title = `${what} — ${title}`;
	}

	// Description: what it corrects, the body, the status changes and services concerned, its corrections.
	const parts: string[] = [];
	const corrected = data.corrects ? content.updateById.get(data.corrects) : undefined;
	if (corrected) parts.push(`<p><strong>${escapeHtml(kindLabel)}</strong> — ${escapeHtml(t(lang, 'updates.corrects'))}${escapeHtml(colon)} ${updateLink(corrected)}</p>`);
	const untranslated = lang === 'en' && !u.html.translated;
	if (untranslated) parts.push(`<p><em>${escapeHtml(t(lang, 'notTranslated'))}</em></p>`);
	const body = absolutizeHtml(u.html[lang], link);
	parts.push(untranslated ? `<div lang="fr">${body}</div>` : body);
	if (changes.length > 0) {
		parts.push(`<p><strong>${escapeHtml(t(lang, 'updates.changes'))}${escapeHtml(colon)}</strong></p>`);
		parts.push(`<ul>${changes.map(({ service, status }) => `<li>${serviceLink(service)}${escapeHtml(colon)} ${escapeHtml(t(lang, `status.${status}`))}</li>`).join('')}</ul>`);
	}
	const others = concerned.filter((id) => !changes.some((c) => c.service === id));
	if (others.length > 0) parts.push(`<p><strong>${escapeHtml(t(lang, 'updates.concerns'))}${escapeHtml(colon)}</strong> ${others.map(serviceLink).join(', ')}</p>`);
	const corrections = (content.correctionsOf.get(u.id) ?? []).map((id) => content.updateById.get(id)).filter((c) => c !== undefined);
	if (corrections.length > 0) {
		const tz = content.settings.data.fr.timezone;
		parts.push(`<p>${escapeHtml(t(lang, 'updates.correctedBy'))}</p><ul>${corrections.map((c) => `<li>${updateLink(c)} (${escapeHtml(formatDateTime(c.date, lang, tz))})</li>`).join('')}</ul>`);
	}

	const electionTitles = data.elections.map((id) => content.elections.find((e) => e.id === id)?.data[lang].title ?? id);
	return {
		id: u.id,
		title: inertText(title),
		link,
		pubDate: new Date(u.date),
		description: parts.join('\n'),
		categories: [kindLabel, ...concerned.map(serviceName), ...electionTitles].map(inertText),
	};
}

function lowerFirst(text: string, lang: Lang): string {
	return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}

/** The updates a feed holds, newest first. */
function updatesIn(content: SiteContent, scope: FeedScope): UpdateEntry[] {
	if (scope.kind === 'all') return content.updates;
	if (scope.kind === 'elections') return content.updates.filter((u) => u.data.fr.elections.length > 0);
	const ids = new Set(content.status.services.get(scope.id)?.updateIds ?? []);
	return content.updates.filter((u) => ids.has(u.id));
}

/** One feed: its channel data and its items, picked from `feedItems` (pass them to compute them once). */
export function feedFor(content: SiteContent, lang: Lang, root: URL, scope: FeedScope, items: Map<string, FeedItem> = feedItems(content, lang, root)): Feed {
	const r = routes(lang);
	const picked = updatesIn(content, scope)
		.slice(0, FEED_LIMIT)
		.map((u) => items.get(u.id))
		.filter((i) => i !== undefined);
	const lastBuildDate = picked[0]?.pubDate ?? new Date(content.status.lastUpdated);
	const meta = describe(content, lang, scope);
	const page = scope.kind === 'all' ? r.home : scope.kind === 'elections' ? r.elections : r.service(scope.id);
	return { title: inertText(meta.title), description: inertText(meta.description), link: absolute(root, page), self: absolute(root, meta.path), language: lang, lastBuildDate, items: picked };
}

/** Title, description and path of a feed, for the feed itself and for the pages that list it. */
function describe(content: SiteContent, lang: Lang, scope: FeedScope): { title: string; description: string; path: string } {
	const r = routes(lang);
	const town = content.settings.data[lang].town;
	if (scope.kind === 'all') return { title: t(lang, 'feed.all', { town }), description: t(lang, 'feed.allDescription', { town }), path: r.rss };
	if (scope.kind === 'elections') return { title: t(lang, 'feed.elections', { town }), description: t(lang, 'feed.electionsDescription', { town }), path: r.electionsRss };
	const service = content.serviceById.get(scope.id)?.data[lang].name ?? scope.id;
	return { title: t(lang, 'feed.service', { service, town }), description: t(lang, 'feed.serviceDescription', { service, town }), path: r.serviceRss(scope.id) };
}

/** Every feed of a language, for the subscribe page and `<link rel="alternate">`: all, elections (if any), then one per service. */
export function feedList(content: SiteContent, lang: Lang): { scope: FeedScope; title: string; path: string }[] {
	const elections: FeedScope[] = sections(content).elections ? [{ kind: 'elections' }] : [];
	const scopes: FeedScope[] = [{ kind: 'all' }, ...elections, ...content.services.map((s): FeedScope => ({ kind: 'service', id: s.id }))];
	return scopes.map((scope) => {
		const { title, path } = describe(content, lang, scope);
		return { scope, title, path };
	});
}
