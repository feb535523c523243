/**
 * Checks that every id a content file names exists (categories, places, services, updates,
 * elections), that no list names the same thing twice, and that no page takes a site address.
 * @module
 */
import { closest } from 'fastest-levenshtein';
import { routes } from '../../i18n/routes.ts';
import { LANGS } from '../../i18n/ui.ts';
import type { StaffKey } from '../../i18n/staff.ts';
import { message, quoted } from '../problems.ts';
import type { SourceFile } from '../source-file.ts';
import type { Election } from '../../schemas/election.ts';
import type { PageData } from '../../schemas/page.ts';
import type { Place } from '../../schemas/place.ts';
import type { Service } from '../../schemas/service.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { UpdateData } from '../../schemas/update.ts';
import type { Collection, Parsed } from './collection.ts';
import type { ProblemLog } from './problem-log.ts';

/** Every collection, as loaded, with the settings if they are valid. */
export interface LoadedCollections {
	settings?: Parsed<Settings>;
	places: Collection<Place>;
	services: Collection<Service>;
	updates: Collection<UpdateData>;
	elections: Collection<Election>;
	pages: Collection<PageData>;
}


/**
 * Reports every unknown id, repeated id and page name taken by the site, in file order.
 *
 * @example
 * checkCrossReferences(log, { settings, places, services, updates, elections, pages });
 */
export function checkCrossReferences(log: ProblemLog, loaded: LoadedCollections): void {
	const categoryIds = checkCategories(log, loaded.settings);
	for (const s of loaded.services.entries) {
		if (loaded.settings) {
			checkRef(log, s.file, ['category'], s.data.category, categoryIds, 'expected.known.category');
		}
		s.data.alternative?.places.forEach((id, i) => checkRef(log, s.file, ['alternative', 'places', i], id, loaded.places.ids, 'expected.known.place'));
	}
	for (const u of loaded.updates.entries) checkUpdate(log, u, loaded);
	for (const e of loaded.elections.entries) checkElection(log, e, loaded.places.ids);
	checkPageNames(log, loaded.pages.entries);
}

/** The settings' category ids, reporting any declared twice. */
function checkCategories(log: ProblemLog, settings: Parsed<Settings> | undefined): Set<string> {
	const categoryIds = new Set<string>();
	settings?.data.categories.forEach((c, i) => {
		if (categoryIds.has(c.id)) {
			log.error(settings.file.path, settings.file.lineOf(['categories', i, 'id']), `categories[${i}].id`, message('expected.distinctCategories'), message('found.twice', { id: c.id }));
		}
		categoryIds.add(c.id);
	});
	return categoryIds;
}

function checkUpdate(log: ProblemLog, u: Parsed<UpdateData>, loaded: LoadedCollections): void {
	const services = loaded.services.ids;
	u.data.services.forEach((id, i) => checkRef(log, u.file, ['services', i], id, services, 'expected.known.service'));
	const changed = new Set<string>();
	u.data.changes.forEach(({ service }, i) => {
		checkRef(log, u.file, ['changes', i, 'service'], service, services, 'expected.known.service');
		if (changed.has(service)) {
			log.error(u.file.path, u.file.lineOf(['changes', i, 'service']), `changes[${i}].service`, message('expected.eachServiceOnce'), message('found.twice', { id: service }));
		}
		changed.add(service);
	});
	if (u.data.corrects) checkRef(log, u.file, ['corrects'], u.data.corrects, loaded.updates.ids, 'expected.known.update');
	if (u.data.corrects === u.id) {
		log.error(u.file.path, u.file.lineOf(['corrects']), 'corrects', message('expected.otherUpdate'), quoted(u.id));
	}
	u.data.elections.forEach((id, i) => checkRef(log, u.file, ['elections', i], id, loaded.elections.ids, 'expected.known.election'));
}

function checkElection(log: ProblemLog, e: Parsed<Election>, placeIds: Set<string>): void {
	const numbers = new Set<number>();
	e.data.stations.forEach((st, i) => {
		checkRef(log, e.file, ['stations', i, 'place'], st.place, placeIds, 'expected.known.place');
		if (numbers.has(st.number)) {
			log.error(e.file.path, e.file.lineOf(['stations', i, 'number']), `stations[${i}].number`, message('expected.distinctStations'), message('found.numberTwice', { n: st.number }));
		}
		numbers.add(st.number);
	});
}

function checkPageNames(log: ProblemLog, pages: Parsed<PageData>[]): void {
	const builtIn = builtInSegments();
	const expected = message('expected.freePageName', { names: [...builtIn].map(quoted) });
	for (const p of pages) {
		if (builtIn.has(p.id)) log.error(p.file.path, undefined, '', expected, message('found.pageNameTaken', { id: p.id }));
	}
}

/** Reports an unknown id, with the closest known one as a hint. */
function checkRef(log: ProblemLog, file: SourceFile, path: (string | number)[], id: string, known: Set<string>, what: StaffKey & `expected.known.${string}`): void {
	if (known.has(id)) return;
	const names = [...known];
	const near = names.length ? closest(id, names) : undefined;
	const list = names.slice(0, 8).join(', ');
	const field = path.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '[');
	const hint = near ? message('hint.didYouMean', { id: near }) : undefined;
	const expected = message('expected.known', { what: message(what), known: list || message('expected.known.none') });
	log.error(file.path, file.lineOf(path), field, expected, quoted(id), hint);
}

/** First path segments the site itself uses (in both languages); a content page cannot take them. */
function builtInSegments(): Set<string> {
	// Besides the routes: English pages, the search index, the JSON API, the signed manifest, hosting
	// files and the town's public signing key (`signing/`, copied by the publish integration).
	const segments = new Set(['en', 'pagefind', 'api', 'signature', 'signing', '_hosting']);
	for (const lang of LANGS) {
		for (const route of Object.values(routes(lang))) {
			const path = typeof route === 'function' ? (route as (param: string) => string)('x') : route;
			const segment = path.replace(/^\/(en\/)?/, '').split('/')[0] ?? '';
			if (segment && segment !== 'x' && !segment.includes('.')) segments.add(segment);
		}
	}
	return segments;
}
