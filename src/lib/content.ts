/**
 * The one path from the files staff edit under `content/` to what pages read: each step lives in
 * `content/` (reading files safely, validating each collection, cross-references, warnings,
 * indexing); this module chains them and caches the result for the build and the live preview.
 * @module
 */
import { existsSync } from 'node:fs';
import { electionSchema, electionTranslationSchema } from '../schemas/election.ts';
import { pageSchema, pageTranslationSchema } from '../schemas/page.ts';
import { placeSchema, placeTranslationSchema } from '../schemas/place.ts';
import { serviceSchema, serviceTranslationSchema } from '../schemas/service.ts';
import { settingsSchema, settingsTranslationSchema } from '../schemas/settings.ts';
import { updateSchema, updateTranslationSchema } from '../schemas/update.ts';
import { toEpoch } from './dates.ts';
import { ContentError, type Problem } from './problems.ts';
import { loadCollection, loadSettings } from './content/collection.ts';
import { checkCrossReferences, type LoadedCollections } from './content/cross-references.ts';
import { checkTree } from './content/files.ts';
import { ProblemLog } from './content/problem-log.ts';
import { indexContent, statusAt, type SiteContent } from './content/site-content.ts';
import { warnDates, warnResolutionsWithoutChange, warnServices } from './content/warnings.ts';

export type { Entry, Localized, PageEntry, SiteContent, UpdateEntry } from './content/site-content.ts';

/**
 * Reads everything staff edit under `content/`, validates it, checks every cross-reference and
 * derives the status report. Returns all problems at once, so staff fix a whole batch per build;
 * `content` is there only when no problem is an error.
 *
 * @example
 * const { content, problems } = loadContent('content');
 * if (problems.some((p) => p.severity === 'error')) console.error(formatProblems(problems));
 */
export function loadContent(dir: string, options: { now?: number; cwd?: string } = {}): { content?: SiteContent; problems: Problem[]; siteUrl?: string } {
	const log = new ProblemLog(options.cwd ?? process.cwd());
	if (existsSync(dir)) checkTree(log, dir);
	const loaded = loadCollections(log, dir);
	checkCrossReferences(log, loaded);
	warnResolutionsWithoutChange(log, loaded.updates.entries);
	const { settings } = loaded;
	// The site's address, when the settings are valid, even if another file is not: the live preview
	// still serves under the right sub-path while it shows the problems.
	if (!settings || log.hasErrors()) return { problems: log.problems, siteUrl: settings?.data.siteUrl };

	const now = options.now ?? (settings.data.replayAt ? toEpoch(settings.data.replayAt) : Date.now());
	const updates = loaded.updates.entries.map((u) => ({ ...u, date: toEpoch(u.data.date) }));
	warnDates(log, settings, updates, now);
	const services = loaded.services.entries;
	const status = statusAt(settings.data, services, updates, now);
	warnServices(log, settings.data, services, status);
	const { places, elections, pages } = loaded;
	const valid = { settings, places: places.entries, services, updates, elections: elections.entries, pages: pages.entries, now };
	return { problems: log.problems, content: indexContent(valid, status) };
}

/** The settings and every collection, each validated against its French schema and English overlay schema. */
function loadCollections(log: ProblemLog, dir: string): LoadedCollections {
	return {
		settings: loadSettings(log, dir, { schema: settingsSchema, translation: settingsTranslationSchema }),
		places: loadCollection(log, dir, 'places', 'yaml', { schema: placeSchema, translation: placeTranslationSchema }),
		services: loadCollection(log, dir, 'services', 'yaml', { schema: serviceSchema, translation: serviceTranslationSchema }),
		updates: loadCollection(log, dir, 'updates', 'md', { schema: updateSchema, translation: updateTranslationSchema }),
		elections: loadCollection(log, dir, 'elections', 'yaml', { schema: electionSchema, translation: electionTranslationSchema }),
		pages: loadCollection(log, dir, 'pages', 'md', { schema: pageSchema, translation: pageTranslationSchema }),
	};
}

// The build loads content in astro.config.mjs and again in the bundle that renders pages, two copies
// of this module in one process: a cache on globalThis lets both share one load.
const CACHE = Symbol.for('town-status-site.content');
/** The current load (none after `forgetContent`) and the last one without errors. */
type Loaded = { dir: string; result?: ReturnType<typeof loadContent>; lastValid?: SiteContent };

/**
 * `loadContent`, done once per process and folder, until `forgetContent()`: the build reads the
 * content once, and the live preview once per change instead of on every request.
 */
export function loadContentOnce(dir: string): ReturnType<typeof loadContent> {
	const store = globalThis as { [CACHE]?: Loaded };
	const cached = store[CACHE]?.dir === dir ? store[CACHE] : undefined;
	if (cached?.result) return cached.result;
	const result = loadContent(dir);
	store[CACHE] = { dir, result, lastValid: result.content ?? cached?.lastValid };
	return result;
}

/** Makes the next `loadContentOnce` read the content folder again; the live preview calls it when a file there changes. */
export function forgetContent(): void {
	const store = globalThis as { [CACHE]?: Loaded };
	if (store[CACHE]) store[CACHE] = { dir: store[CACHE].dir, lastValid: store[CACHE].lastValid };
}

/**
 * The last content read without errors, if any: while a saved file breaks the content, the live
 * preview still knows which pages exist (and shows the problems on them, src/middleware.ts).
 */
export function lastValidContent(): SiteContent | undefined {
	return (globalThis as { [CACHE]?: Loaded })[CACHE]?.lastValid;
}

const REPORTED = Symbol.for('town-status-site.reported');

/**
 * True the first time it is asked about one load of the content, in this process: the config prints
 * the problems when the live preview starts, its middleware when a file changes, never both for the same.
 */
export function firstReport(loaded: ReturnType<typeof loadContent>): boolean {
	const reported = ((globalThis as { [REPORTED]?: WeakSet<object> })[REPORTED] ??= new WeakSet());
	if (reported.has(loaded)) return false;
	reported.add(loaded);
	return true;
}

/** Whether the content from `CONTENT_DIR` has errors (the live preview then shows them instead of pages). */
export function contentHasErrors(): boolean {
	return !loadContentOnce(process.env.CONTENT_DIR ?? 'content').content;
}

/**
 * The content for pages, from `CONTENT_DIR` (default `content`). Throws a ContentError listing every
 * problem if any is an error, so no page is built from bad content.
 */
export function getContent(): SiteContent {
	const { content, problems } = loadContentOnce(process.env.CONTENT_DIR ?? 'content');
	if (!content) throw new ContentError(problems);
	return content;
}
