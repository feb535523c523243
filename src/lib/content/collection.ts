/**
 * From files to validated data: finds each id's French file and optional English file in a
 * collection folder, and validates each pair against the French schema and its English overlay
 * schema. The settings file goes through the same validation.
 * @module
 */
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { message, quoted } from '../problems.ts';
import { validate, type SourceFile } from '../source-file.ts';
import { guarded, listFolder, lstatIfAny, readSource } from './files.ts';
import type { ProblemLog } from './problem-log.ts';

/** One id's validated French data, with its English file and overlay data when it has a valid one. */
export interface Parsed<T> {
	id: string;
	file: SourceFile;
	data: T;
	en?: { file: SourceFile; data: unknown };
}

/** A French schema and the schema of the English overlay that may translate some of its fields. */
export interface Schemas<S extends z.ZodType> {
	schema: S;
	translation: z.ZodType;
}

/** A collection's valid entries, and the ids of every French file in it, valid or not. */
export interface Collection<T> {
	entries: Parsed<T>[];
	/** A broken file is reported once, not again by every file naming its id. */
	ids: Set<string>;
}

type FilePair = { fr?: SourceFile; en?: SourceFile };

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Validates one id's French file and, if it parsed, its English file; undefined when the French data
 * is invalid. Every problem found goes to the log.
 *
 * @example
 * parsePair(log, 'settings', { fr, en }, { schema: settingsSchema, translation: settingsTranslationSchema });
 */
export function parsePair<S extends z.ZodType>(
	log: ProblemLog,
	id: string,
	pair: { fr: SourceFile; en?: SourceFile },
	{ schema, translation }: Schemas<S>,
): Parsed<z.output<S>> | undefined {
	const { fr, en } = pair;
	log.add([...fr.problems, ...(en?.problems ?? [])]);
	const result = fr.problems.length ? { problems: [] } : guarded(fr.path, () => validate(fr, schema));
	log.add(result.problems);
	const tr = en && !en.problems.length ? guarded(en.path, () => validate(en, translation)) : undefined;
	log.add(tr?.problems ?? []);
	if (result.data === undefined) return undefined;
	return { id, file: fr, data: result.data as z.output<S>, en: en && tr?.data !== undefined ? { file: en, data: tr.data } : undefined };
}

/**
 * Every valid entry of `content/<folder>/`: `<id>.<ext>` in French, `<id>.en.<ext>` in English.
 *
 * @example
 * const places = loadCollection(log, 'content', 'places', 'yaml', { schema: placeSchema, translation: placeTranslationSchema });
 * places.entries[0]; // { id: 'mairie', file, data: { name: 'Mairie', … }, en: undefined }
 */
export function loadCollection<S extends z.ZodType>(
	log: ProblemLog,
	dir: string,
	folder: string,
	ext: 'yaml' | 'md',
	schemas: Schemas<S>,
): Collection<z.output<S>> {
	const collection: Collection<z.output<S>> = { entries: [], ids: new Set() };
	const path = join(dir, folder);
	if (!lstatIfAny(path)?.isDirectory()) return collection;
	for (const [id, { fr, en }] of discoverFiles(log, path, ext)) {
		if (!fr) {
			if (en) log.error(en.path, undefined, '', message('expected.frenchFile', { file: `${id}.${ext}` }), message('found.noFrenchFile'));
			continue;
		}
		collection.ids.add(id);
		const parsed = parsePair(log, id, { fr, en }, schemas);
		if (parsed) collection.entries.push(parsed);
	}
	return collection;
}

/** Each id's French and English files in a folder, reporting misplaced or misnamed ones. */
function discoverFiles(log: ProblemLog, path: string, ext: 'yaml' | 'md'): Map<string, FilePair> {
	const byId = new Map<string, FilePair>();
	const pattern = new RegExp(`^(.+?)(\\.en)?\\.(${ext === 'yaml' ? 'ya?ml' : 'md'})$`);
	for (const entry of listFolder(path) ?? []) {
		const name = entry.name;
		if (name.startsWith('.') || name === 'README.md') continue;
		const filePath = log.rel(join(path, name));
		const match = pattern.exec(name);
		const expected = message('expected.fileType', { ext });
		// Links and special files are reported once by checkTree; a folder here is misplaced.
		if (!entry.isFile()) {
			if (entry.isDirectory()) log.error(filePath, undefined, '', expected, message('found.folder'));
			continue;
		}
		if (!match) {
			log.error(filePath, undefined, '', expected, quoted(name));
			continue;
		}
		const id = match[1] ?? '';
		if (!checkId(log, filePath, id, name)) continue;
		const slot = byId.get(id) ?? {};
		const lang = match[2] ? 'en' : 'fr';
		const other = slot[lang]?.path;
		if (other) {
			log.error(filePath, undefined, '', message('expected.oneFilePerId', { id }), message('found.alsoFile', { file: other }));
		}
		const file = readSource(log, join(path, name), filePath);
		if (!file) continue;
		slot[lang] = file;
		byId.set(id, slot);
	}
	return byId;
}

/** Whether a file name gives a usable id (reported if not). */
function checkId(log: ProblemLog, filePath: string, id: string, name: string): boolean {
	if (ID_PATTERN.test(id)) return true;
	log.error(filePath, undefined, '', message('expected.fileName'), quoted(name));
	return false;
}

/**
 * The site settings (`settings.yaml`, with its optional `settings.en.yaml`), or undefined with a
 * problem when the file is missing, a folder or invalid.
 *
 * @example
 * const settings = loadSettings(log, 'content', { schema: settingsSchema, translation: settingsTranslationSchema });
 */
export function loadSettings<S extends z.ZodType>(log: ProblemLog, dir: string, schemas: Schemas<S>): Parsed<z.output<S>> | undefined {
	const path = join(dir, 'settings.yaml');
	const stats = lstatIfAny(path);
	const expected = message('expected.settingsFile');
	if (!stats) log.error(log.rel(path), undefined, '', expected, message('found.noFile'));
	else if (stats.isDirectory()) log.error(log.rel(path), undefined, '', expected, message('found.folder'));
	const fr = stats?.isFile() ? readSource(log, path, log.rel(path)) : undefined;
	if (!fr) return undefined;
	const enPath = join(dir, 'settings.en.yaml');
	return parsePair(log, 'settings', { fr, en: readSource(log, enPath, log.rel(enPath)) }, schemas);
}
