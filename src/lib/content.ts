import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { z } from 'astro/zod';
import { electionSchema, electionTranslationSchema, type Election } from '../schemas/election.ts';
import { pageSchema, pageTranslationSchema, type PageData } from '../schemas/page.ts';
import { placeSchema, placeTranslationSchema, type Place } from '../schemas/place.ts';
import { serviceSchema, serviceTranslationSchema, type Service } from '../schemas/service.ts';
import { settingsSchema, settingsTranslationSchema, type Settings } from '../schemas/settings.ts';
import { updateSchema, updateTranslationSchema, type UpdateData } from '../schemas/update.ts';
import { routes } from '../i18n/routes.ts';
import { LANGS } from '../i18n/ui.ts';
import { isoInZone, toEpoch } from './dates.ts';
import { renderMarkdown } from './markdown.ts';
import { overlay } from './overlay.ts';
import { ContentError, quoted, text, toCompleteWarnings, type Problem, type Text } from './problems.ts';
import { parseSourceFile, validate, type SourceFile } from './source-file.ts';
import { computeStatus, type StatusReport } from './status.ts';

/**
 * Reads everything staff edit under `content/`, validates it, checks every cross-reference and
 * derives the status report. Returns all problems at once, so staff fix a whole batch per build.
 *
 * @example
 * const { content, problems } = loadContent('content');
 * if (problems.some((p) => p.severity === 'error')) console.error(formatProblems(problems));
 */
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

type Parsed<T> = { id: string; file: SourceFile; data: T; en?: { file: SourceFile; data: unknown } };

const PLACE = text('un lieu de content/places/', 'a place from content/places/');
const SERVICE = text('un service de content/services/', 'a service from content/services/');
const UPDATE = text('une actualité de content/updates/', 'an update from content/updates/');

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Largest content file read: far above any real one (a body is at most 50,000 characters). */
const MAX_FILE_BYTES = 1_000_000;

/** A folder's entries by name, or undefined when it cannot be read (reported by checkTree). */
function listFolder(path: string): Dirent[] | undefined {
	try {
		return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
	} catch {
		return undefined;
	}
}

/** `lstat` without following links, or undefined when nothing is there. */
function lstatIfAny(path: string): Stats | undefined {
	try {
		return lstatSync(path);
	} catch {
		return undefined;
	}
}

export function loadContent(dir: string, options: { now?: number; cwd?: string } = {}): { content?: SiteContent; problems: Problem[] } {
	const problems: Problem[] = [];
	const cwd = options.cwd ?? process.cwd();
	const rel = (path: string) => relative(cwd, path) || path;
	const error = (file: string, line: number | undefined, field: string, expected: Text, found: Text, hint?: Text) =>
		problems.push({ severity: 'error', file, line, field, expected, found, hint });

	/** Ids with a French file, valid or not: a broken file is reported once, not again by every file naming it. */
	const known = new Map<string, Set<string>>();
	function collection<S extends z.ZodType, TS extends z.ZodType>(folder: string, ext: 'yaml' | 'md', schema: S, translation: TS): Parsed<z.output<S>>[] {
		const path = join(dir, folder);
		known.set(folder, new Set());
		if (!lstatIfAny(path)?.isDirectory()) return [];
		const byId = new Map<string, { fr?: SourceFile; en?: SourceFile }>();
		for (const entry of listFolder(path) ?? []) {
			const name = entry.name;
			if (name.startsWith('.') || name === 'README.md') continue;
			const match = new RegExp(`^(.+?)(\\.en)?\\.(${ext === 'yaml' ? 'ya?ml' : 'md'})$`).exec(name);
			const filePath = rel(join(path, name));
			if (!entry.isFile()) {
				// Links and special files are reported once by checkTree; a folder here is misplaced.
				if (entry.isDirectory()) error(filePath, undefined, '', text(`un fichier .${ext}`, `a .${ext} file`), text('un dossier', 'a folder'));
				continue;
			}
			if (!match) {
				error(filePath, undefined, '', text(`un fichier .${ext}`, `a .${ext} file`), quoted(name));
				continue;
			}
			const id = match[1] ?? '';
			if (!ID_PATTERN.test(id)) {
				error(filePath, undefined, '', text('un nom de fichier en minuscules, chiffres et tirets, sans accents ni espaces (ex. « etat-civil.yaml »)', 'a file name in lowercase letters, digits and dashes, without accents or spaces (e.g. "etat-civil.yaml")'), quoted(name));
				continue;
			}
			const slot = byId.get(id) ?? {};
			const lang = match[2] ? 'en' : 'fr';
			if (slot[lang]) error(filePath, undefined, '', text(`un seul fichier pour l'identifiant « ${id} »`, `one file only for the id "${id}"`), text(`aussi « ${slot[lang].path} »`, `also "${slot[lang].path}"`));
			const file = readSource(join(path, name), filePath);
			if (!file) continue;
			slot[lang] = file;
			byId.set(id, slot);
		}
		const parsed: Parsed<z.output<S>>[] = [];
		for (const [id, { fr, en }] of byId) {
			if (!fr) {
				if (!en) continue;
				error(en!.path, undefined, '', text(`le fichier français « ${id}.${ext} » à côté de cette traduction`, `the French file "${id}.${ext}" next to this translation`), text('aucun fichier français', 'no French file'));
				continue;
			}
			known.get(folder)!.add(id);
			problems.push(...fr.problems, ...(en?.problems ?? []));
			if (fr.problems.length) continue;
			const result = guarded(fr.path, () => validate(fr, schema));
			problems.push(...result.problems);
			let translated: { file: SourceFile; data: unknown } | undefined;
			if (en && !en.problems.length) {
				const tr = guarded(en.path, () => validate(en, translation));
				problems.push(...tr.problems);
				if (tr.data) translated = { file: en, data: tr.data };
			}
			if (result.data !== undefined) parsed.push({ id, file: fr, data: result.data, en: translated });
		}
		return parsed;
	}

	const localize = <T>(p: Parsed<T>): Entry<T> => ({
		id: p.id,
		file: p.file.path,
		data: { fr: p.data, en: overlay(p.data, p.en?.data), translated: p.en !== undefined },
	});
	const html = (p: Parsed<unknown>): Localized<string> => {
		const fr = renderMarkdown(p.file.body);
		const translated = p.en !== undefined && p.en.file.body.trim() !== '';
		return { fr, en: translated ? renderMarkdown(p.en!.file.body) : fr, translated };
	};
	/** Reports an unknown id, with the closest known one as a hint. */
	const checkRef = (file: SourceFile, path: (string | number)[], id: string, known: Map<string, unknown> | Set<string>, what: Text) => {
		if (known.has(id)) return;
		const names = [...known.keys()];
		const near = names.length ? closest(id, names) : undefined;
		const list = names.slice(0, 8).join(', ');
		error(file.path, file.lineOf(path), path.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '['), text(`${what.fr} (${list || 'aucun'})`, `${what.en} (${list || 'none'})`), quoted(id), near ? text(`vouliez-vous dire « ${near} » ?`, `did you mean "${near}"?`) : undefined);
	};

	/** Reports every link and special file anywhere under the content folder: none is ever read. */
	const checkTree = (folder: string) => {
		const entries = listFolder(folder);
		if (!entries) error(rel(folder), undefined, '', text('un dossier lisible', 'a readable folder'), text('un dossier que le site ne peut pas lire (droits ?)', 'a folder the site cannot read (permissions?)'));
		for (const entry of entries ?? []) {
			const path = join(folder, entry.name);
			if (entry.isSymbolicLink()) error(rel(path), undefined, '', text('un vrai fichier ou dossier (pas de lien symbolique dans content/)', 'a real file or folder (no symbolic link in content/)'), text(`un lien vers « ${readlinkSync(path)} »`, `a link to "${readlinkSync(path)}"`), text('remplacez le lien par une copie du fichier', 'replace the link with a copy of the file'));
			else if (entry.isDirectory()) checkTree(path);
			else if (!entry.isFile()) error(rel(path), undefined, '', text('un fichier ordinaire', 'a regular file'), text('un fichier spécial (tube, socket ou périphérique)', 'a special file (pipe, socket or device)'));
		}
	};
	/**
	 * A file parsed (with a warning for each placeholder left to complete), or undefined (with a problem)
	 * when it is too big to be content; it is read only if it is a regular file.
	 */
	const readSource = (path: string, shown: string): SourceFile | undefined => {
		const stats = lstatIfAny(path);
		if (!stats?.isFile()) return undefined;
		if (stats.size > MAX_FILE_BYTES) {
			error(shown, undefined, '', text(`un fichier de moins de ${MAX_FILE_BYTES / 1_000_000} Mo`, `a file under ${MAX_FILE_BYTES / 1_000_000} MB`), text(`${(stats.size / 1_000_000).toFixed(1)} Mo`, `${(stats.size / 1_000_000).toFixed(1)} MB`));
			return undefined;
		}
		const file = guarded(shown, () => {
			const source = readFileSync(path, 'utf8');
			problems.push(...toCompleteWarnings(shown, source));
			return parseOnce(shown, source);
		});
		if ('path' in file) return file;
		problems.push(...file.problems);
		return undefined;
	};
	/** Runs one file's parsing or validation; whatever it throws becomes a problem naming the file, never a crash. */
	function guarded<R extends { problems: Problem[] }>(file: string, work: () => R): R | { problems: Problem[]; data?: undefined } {
		try {
			return work();
		} catch (thrown) {
			const message = thrown instanceof Error ? thrown.message.split('\n')[0] ?? '' : String(thrown);
			return { problems: [{ severity: 'error', file, line: undefined, field: '', expected: text('un fichier que le site sait lire', 'a file the site can read'), found: text(`une erreur : ${message}`, `an error: ${message}`) }] };
		}
	}
	if (existsSync(dir)) checkTree(dir);

	// Settings: one file, with its optional English version.
	const settingsFile = join(dir, 'settings.yaml');
	let settings: Parsed<Settings> | undefined;
	const settingsStats = lstatIfAny(settingsFile);
	const fr = settingsStats?.isFile() ? readSource(settingsFile, rel(settingsFile)) : undefined;
	if (!settingsStats) {
		error(rel(settingsFile), undefined, '', text('le fichier des réglages du site', 'the site settings file'), text('aucun fichier', 'no file'));
	} else if (settingsStats.isDirectory()) {
		error(rel(settingsFile), undefined, '', text('le fichier des réglages du site', 'the site settings file'), text('un dossier', 'a folder'));
	} else if (fr) {
		const enPath = join(dir, 'settings.en.yaml');
		const en = readSource(enPath, rel(enPath));
		problems.push(...fr.problems, ...(en?.problems ?? []));
		const result = fr.problems.length ? { problems: [] } : guarded(fr.path, () => validate(fr, settingsSchema));
		problems.push(...result.problems);
		const tr = en && !en.problems.length ? guarded(en.path, () => validate(en, settingsTranslationSchema)) : undefined;
		problems.push(...(tr?.problems ?? []));
		if (result.data) settings = { id: 'settings', file: fr, data: result.data as Settings, en: en && tr?.data ? { file: en, data: tr.data } : undefined };
	}

	const places = collection('places', 'yaml', placeSchema, placeTranslationSchema);
	const services = collection('services', 'yaml', serviceSchema, serviceTranslationSchema);
	const updates = collection('updates', 'md', updateSchema, updateTranslationSchema);
	const elections = collection('elections', 'yaml', electionSchema, electionTranslationSchema);
	const pages = collection('pages', 'md', pageSchema, pageTranslationSchema);

	// Cross-references: every id a file names must exist.
	const placeIds = known.get('places')!;
	const serviceIds = known.get('services')!;
	const updateIds = known.get('updates')!;
	const categoryIds = new Set<string>();
	settings?.data.categories.forEach((c, i) => {
		if (categoryIds.has(c.id)) error(settings.file.path, settings.file.lineOf(['categories', i, 'id']), `categories[${i}].id`, text('des identifiants de catégorie différents', 'a different id for each category'), text(`« ${c.id} » en double`, `"${c.id}" twice`));
		categoryIds.add(c.id);
	});
	for (const s of services) {
		if (settings) checkRef(s.file, ['category'], s.data.category, categoryIds, text('une catégorie déclarée dans settings.yaml', 'a category declared in settings.yaml'));
		s.data.alternative?.places.forEach((id, i) => checkRef(s.file, ['alternative', 'places', i], id, placeIds, PLACE));
	}
	for (const u of updates) {
		u.data.services.forEach((id, i) => checkRef(u.file, ['services', i], id, serviceIds, SERVICE));
		const changed = new Set<string>();
		u.data.changes.forEach(({ service }, i) => {
			checkRef(u.file, ['changes', i, 'service'], service, serviceIds, SERVICE);
			if (changed.has(service)) error(u.file.path, u.file.lineOf(['changes', i, 'service']), `changes[${i}].service`, text('chaque service une seule fois', 'each service once'), text(`« ${service} » en double`, `"${service}" twice`));
			changed.add(service);
		});
		if (u.data.corrects) checkRef(u.file, ['corrects'], u.data.corrects, updateIds, UPDATE);
		if (u.data.corrects === u.id) error(u.file.path, u.file.lineOf(['corrects']), 'corrects', text('une autre actualité que celle-ci', 'another update than this one'), quoted(u.id));
		u.data.elections.forEach((id, i) => checkRef(u.file, ['elections', i], id, known.get('elections')!, text('une élection de content/elections/', 'an election from content/elections/')));
	}
	for (const e of elections) {
		const numbers = new Set<number>();
		e.data.stations.forEach((st, i) => {
			checkRef(e.file, ['stations', i, 'place'], st.place, placeIds, PLACE);
			if (numbers.has(st.number)) error(e.file.path, e.file.lineOf(['stations', i, 'number']), `stations[${i}].number`, text('un numéro de bureau différent pour chaque bureau', 'a different number for each polling station'), text(`le numéro ${st.number} en double`, `number ${st.number} twice`));
			numbers.add(st.number);
		});
	}

	const builtIn = builtInSegments();
	for (const p of pages) {
		if (builtIn.has(p.id)) error(p.file.path, undefined, '', text(`un nom de page libre (pas ${[...builtIn].map((x) => `« ${x} »`).join(', ')})`, `a page name not used by the site (not ${[...builtIn].map((x) => `"${x}"`).join(', ')})`), text(`« ${p.id} », déjà l'adresse d'une page du site`, `"${p.id}", already the address of a site page`));
	}
	for (const u of updates) {
		if (u.data.kind === 'resolution' && u.data.changes.length === 0) {
			problems.push({ severity: 'warning', file: u.file.path, line: u.file.lineOf(['kind']), field: 'changes', expected: text('le service rétabli, ex. « changes: [{ service: standard, status: operational }] »', 'the restored service, e.g. "changes: [{ service: standard, status: operational }]"'), found: text("aucun changement d'état : aucun service ne sera affiché comme rétabli", 'no status change: no service will show as restored') });
		}
	}

	if (!settings || problems.some((p) => p.severity === 'error')) return { problems };

	const now = options.now ?? (settings.data.replayAt ? toEpoch(settings.data.replayAt) : Date.now());
	const dated = updates.map((u) => ({ ...u, date: toEpoch(u.data.date) }));
	for (const u of dated) {
		if (u.date > now) problems.push({ severity: 'warning', file: u.file.path, line: u.file.lineOf(['date']), field: 'date', expected: text('une date passée', 'a date in the past'), found: text(`« ${u.data.date} » (dans le futur : l'actualité ne sera publiée qu'après cette date)`, `"${u.data.date}" (in the future: the update will only be published after that date)`) });
	}
	if (settings.data.nextUpdate && toEpoch(settings.data.nextUpdate) < now) {
		problems.push({ severity: 'warning', file: settings.file.path, line: settings.file.lineOf(['nextUpdate']), field: 'nextUpdate', expected: text('une date à venir', 'a date to come'), found: text(`« ${settings.data.nextUpdate} », déjà passée`, `"${settings.data.nextUpdate}", already past`) });
	}
	const status = computeStatus({
		services: services.map((s) => ({ id: s.id, initialStatus: s.data.initialStatus, checked: s.data.checked ? toEpoch(s.data.checked) : undefined })),
		updates: dated.map((u) => ({ id: u.id, date: u.date, kind: u.data.kind, services: u.data.services, changes: u.data.changes })),
		incidentStart: settings.data.incidentStart ? toEpoch(settings.data.incidentStart) : undefined,
		now,
		confirmWindowHours: settings.data.confirmWindowHours,
	});
	for (const s of services) {
		const state = status.services.get(s.id);
		if (!state) continue;
		if ((state.status === 'down' || state.status === 'paper') && !s.data.alternative) {
			problems.push({ severity: 'warning', file: s.file.path, line: s.file.lineOf([]), field: 'alternative', expected: text('une solution de remplacement pour un service interrompu ou sur papier', 'an alternative for a service that is down or on paper'), found: text(`aucune, alors que l'état est « ${state.status} »`, `none, while its status is "${state.status}"`) });
		}
		if (state.stale) {
			const hours = settings.data.confirmWindowHours;
			const last = isoInZone(state.lastConfirmed, settings.data.timezone);
			problems.push({ severity: 'warning', file: s.file.path, line: s.file.lineOf(['checked']), field: 'checked', expected: text(`une confirmation de l'état depuis moins de ${hours} h (champ « checked » ou une actualité qui cite le service)`, `the status confirmed within ${hours} h (the "checked" field or an update naming the service)`), found: text(`dernière confirmation le ${last} : le site affichera « à confirmer »`, `last confirmed on ${last}: the site will show "to be confirmed"`) });
		}
	}

	const categoryOrder = new Map(settings.data.categories.map((c, i) => [c.id, i]));
	const sortedServices = services
		.map(localize)
		.sort((a, b) => (categoryOrder.get(a.data.fr.category) ?? 0) - (categoryOrder.get(b.data.fr.category) ?? 0) || a.data.fr.order - b.data.fr.order || a.data.fr.name.localeCompare(b.data.fr.name, 'fr'));

	const published = dated
		.filter((u) => u.date <= now)
		.sort((a, b) => b.date - a.date || b.id.localeCompare(a.id))
		.map((u): UpdateEntry => ({ ...localize(u), date: u.date, html: html(u) }));
	const correctionsOf = new Map<string, string[]>();
	for (const u of [...published].reverse()) {
		const target = u.data.fr.corrects;
		if (target) correctionsOf.set(target, [...(correctionsOf.get(target) ?? []), u.id]);
	}

	return {
		problems,
		content: {
			settings: localize(settings),
			places: new Map(places.map((p) => [p.id, localize(p)])),
			services: sortedServices,
			updates: published,
			serviceById: new Map(sortedServices.map((s) => [s.id, s])),
			updateById: new Map(published.map((u) => [u.id, u])),
			correctionsOf,
			elections: elections.map(localize),
			pages: pages.map((p) => ({ ...localize(p), html: html(p) })).sort((a, b) => a.data.fr.order - b.data.fr.order),
			status,
			now,
		},
	};
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

// The build loads content in astro.config.mjs and again in the bundle that renders pages, two copies
// of this module in one process: a cache on globalThis lets both share one load.
const CACHE = Symbol.for('town-status-site.content');
type Loaded = { dir: string; result: ReturnType<typeof loadContent> };

// The live preview reads the whole folder again after each change: a file whose text did not change
// is not parsed again (a pure function of its path and text; markdown.ts keeps rendered markdown the
// same way). Kept on globalThis too: the config's copy of this module loads first, the pages' copy reloads.
const PARSED = Symbol.for('town-status-site.parsed-files');
const parsedFiles = ((globalThis as { [PARSED]?: Map<string, { source: string; file: SourceFile }> })[PARSED] ??= new Map());

function parseOnce(path: string, source: string): SourceFile {
	const known = parsedFiles.get(path);
	if (known?.source === source) return known.file;
	const file = parseSourceFile(path, source);
	parsedFiles.set(path, { source, file });
	return file;
}

/**
 * `loadContent`, done once per process and folder, until `forgetContent()`: the build reads the
 * content once, and the live preview once per change instead of on every request.
 */
export function loadContentOnce(dir: string): ReturnType<typeof loadContent> {
	const store = globalThis as { [CACHE]?: Loaded };
	const cached = store[CACHE];
	if (cached && cached.dir === dir) return cached.result;
	const result = loadContent(dir);
	store[CACHE] = { dir, result };
	return result;
}

/** Makes the next `loadContentOnce` read the content folder again; the live preview calls it when a file there changes. */
export function forgetContent(): void {
	delete (globalThis as { [CACHE]?: Loaded })[CACHE];
}

/**
 * The content for pages, from `CONTENT_DIR` (default `content`). Throws a ContentError listing every
 * problem if any is an error, so no page is built from bad content.
 */
export function getContent(): SiteContent {
	const { content, problems } = loadContentOnce(process.env.CONTENT_DIR ?? 'content');
	if (!content || problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
	return content;
}
