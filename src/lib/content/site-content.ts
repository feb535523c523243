/**
 * From validated data to what pages read: each entry in French and English (typeset, markdown
 * rendered), services and updates in display order, the status report and the lookups pages use.
 * @module
 */
import { toEpoch } from '../dates.ts';
import { renderMarkdown } from '../markdown.ts';
import { overlay } from '../overlay.ts';
import { computeStatus, type StatusReport } from '../status.ts';
import { typesetAll } from '../typography.ts';
import type { Election } from '../../schemas/election.ts';
import type { PageData } from '../../schemas/page.ts';
import type { Place } from '../../schemas/place.ts';
import type { Service } from '../../schemas/service.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { UpdateData } from '../../schemas/update.ts';
import type { Parsed } from './collection.ts';

export interface Localized<T> {
	fr: T;
	en: T;
	/** Whether an English file exists; if not, English pages show the French text with a note. */
	translated: boolean;
}

export interface Entry<T> {
	id: string;
	file: string;
	data: Localized<T>;
}

export interface UpdateEntry extends Entry<UpdateData> {
	date: number;
	html: Localized<string>;
}

export interface PageEntry extends Entry<PageData> {
	html: Localized<string>;
}

export interface SiteContent {
	settings: Entry<Settings>;
	places: Map<string, Entry<Place>>;
	/** Sorted by category (settings order), then `order`, then name. */
	services: Entry<Service>[];
	/** Updates in force, newest first. */
	updates: UpdateEntry[];
	elections: Entry<Election>[];
	pages: PageEntry[];
	status: StatusReport;
	/** Lookups built once, so that no page scans every update. */
	serviceById: Map<string, Entry<Service>>;
	updateById: Map<string, UpdateEntry>;
	/** Ids of the corrections of each corrected update, oldest first. */
	correctionsOf: Map<string, string[]>;
	/** The moment the site is built for: `replayAt` if set, else the build time. */
	now: number;
}

/** An update with its date as epoch milliseconds. */
export type DatedUpdate = Parsed<UpdateData> & { date: number };

/** Valid content, free of errors, ready to be indexed for pages. */
export interface ValidContent {
	settings: Parsed<Settings>;
	places: Parsed<Place>[];
	services: Parsed<Service>[];
	updates: DatedUpdate[];
	elections: Parsed<Election>[];
	pages: Parsed<PageData>[];
	now: number;
}

/**
 * Each service's status at `now`, from the services' initial states and the updates.
 *
 * @example
 * statusAt(settings, services, updates, Date.now()).services.get('etat-civil')?.status; // 'paper'
 */
export function statusAt(settings: Settings, services: Parsed<Service>[], updates: DatedUpdate[], now: number): StatusReport {
	return computeStatus({
		services: services.map(({ id, data }) => ({
			id,
			initialStatus: data.initialStatus,
			checked: data.checked ? toEpoch(data.checked) : undefined,
		})),
		updates: updates.map((u) => ({ id: u.id, date: u.date, kind: u.data.kind, services: u.data.services, changes: u.data.changes })),
		incidentStart: settings.incidentStart ? toEpoch(settings.incidentStart) : undefined,
		now,
		confirmWindowHours: settings.confirmWindowHours,
	});
}

/**
 * The content as pages read it: updates published by `now` only, everything sorted and indexed.
 *
 * @example
 * const content = indexContent(valid, statusAt(valid.settings.data, valid.services, valid.updates, valid.now));
 * content.updates[0]; // the newest update in force, with its html in both languages
 */
export function indexContent(valid: ValidContent, status: StatusReport): SiteContent {
	const services = sortServices(valid.settings.data, valid.services.map(localize));
	const updates = valid.updates
		.filter((u) => u.date <= valid.now)
		.sort((a, b) => b.date - a.date || b.id.localeCompare(a.id))
		.map((u): UpdateEntry => ({ ...localize(u), date: u.date, html: html(u) }));
	return {
		settings: localize(valid.settings),
		places: new Map(valid.places.map((p) => [p.id, localize(p)])),
		services,
		updates,
		serviceById: new Map(services.map((s) => [s.id, s])),
		updateById: new Map(updates.map((u) => [u.id, u])),
		correctionsOf: correctionsOf(updates),
		elections: valid.elections.map(localize),
		pages: valid.pages.map((p) => ({ ...localize(p), html: html(p) })).sort((a, b) => a.data.fr.order - b.data.fr.order),
		status,
		now: valid.now,
	};
}

/** French data typeset, and the English overlay laid over it. */
function localize<T>(p: Parsed<T>): Entry<T> {
	return {
		id: p.id,
		file: p.file.path,
		data: { fr: typesetAll(p.data), en: typesetAll(overlay(p.data, p.en?.data)), translated: p.en !== undefined },
	};
}

/** The markdown body in both languages; English shows the French body when its own is empty. */
function html(p: Parsed<unknown>): Localized<string> {
	const fr = renderMarkdown(p.file.body);
	const en = p.en?.file.body;
	const translated = en !== undefined && en.trim() !== '';
	return { fr, en: translated ? renderMarkdown(en) : fr, translated };
}

/** Services by category (in the settings' order), then `order`, then French name. */
function sortServices(settings: Settings, services: Entry<Service>[]): Entry<Service>[] {
	const categoryOrder = new Map(settings.categories.map((c, i) => [c.id, i]));
	const rank = (s: Entry<Service>) => categoryOrder.get(s.data.fr.category) ?? 0;
	return services.sort(
		(a, b) => rank(a) - rank(b) || a.data.fr.order - b.data.fr.order || a.data.fr.name.localeCompare(b.data.fr.name, 'fr'),
	);
}

/** Ids of the corrections of each corrected update, oldest first, from updates sorted newest first. */
function correctionsOf(updates: UpdateEntry[]): Map<string, string[]> {
	const corrections = new Map<string, string[]>();
	for (const u of [...updates].reverse()) {
		const target = u.data.fr.corrects;
		if (target) corrections.set(target, [...(corrections.get(target) ?? []), u.id]);
	}
	return corrections;
}
