/**
 * Reading the content folder safely: no link or special file is ever read, no file too big to be
 * content is parsed, and whatever a parser throws becomes a problem naming the file.
 * @module
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { message, toCompleteWarnings, type Problem } from '../problems.ts';
import { parseSourceFile, type SourceFile } from '../source-file.ts';
import type { ProblemLog } from './problem-log.ts';

/** Largest content file read: far above any real one (a body is at most 50,000 characters). */
const MAX_FILE_BYTES = 1_000_000;

/** A folder's entries by name, or undefined when it cannot be read (reported by checkTree). */
export function listFolder(path: string): Dirent[] | undefined {
	try {
		return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
	} catch {
		return undefined;
	}
}

/** `lstat` without following links, or undefined when nothing is there. */
export function lstatIfAny(path: string): Stats | undefined {
	try {
		return lstatSync(path);
	} catch {
		return undefined;
	}
}

/** Reports every link and special file anywhere under the content folder: none is ever read. */
export function checkTree(log: ProblemLog, folder: string): void {
	const entries = listFolder(folder);
	if (!entries) {
		log.error(log.rel(folder), undefined, '', message('expected.readableFolder'), message('found.unreadableFolder'));
	}
	for (const entry of entries ?? []) {
		const path = join(folder, entry.name);
		if (entry.isSymbolicLink()) {
			const target = readlinkSync(path);
			log.error(log.rel(path), undefined, '', message('expected.noLink'), message('found.link', { target }), message('hint.copyInsteadOfLink'));
		} else if (entry.isDirectory()) checkTree(log, path);
		else if (!entry.isFile()) {
			log.error(log.rel(path), undefined, '', message('expected.regularFile'), message('found.specialFile'));
		}
	}
}

/**
 * A file parsed (with a warning for each placeholder left to complete), or undefined (with a problem)
 * when it is too big to be content; it is read only if it is a regular file.
 */
export function readSource(log: ProblemLog, path: string, shown: string): SourceFile | undefined {
	const stats = lstatIfAny(path);
	if (!stats?.isFile()) return undefined;
	if (stats.size > MAX_FILE_BYTES) {
		const size = (stats.size / 1_000_000).toFixed(1);
		const max = MAX_FILE_BYTES / 1_000_000;
		log.error(shown, undefined, '', message('expected.smallFile', { max }), message('found.megabytes', { size }));
		return undefined;
	}
	const file = guarded(shown, () => {
		const source = readFileSync(path, 'utf8');
		log.add(toCompleteWarnings(shown, source));
		return parseOnce(shown, source);
	});
	if ('path' in file) return file;
	log.add(file.problems);
	return undefined;
}

/** Runs one file's parsing or validation; whatever it throws becomes a problem naming the file, never a crash. */
export function guarded<R extends { problems: Problem[] }>(file: string, work: () => R): R | { problems: Problem[]; data?: undefined } {
	try {
		return work();
	} catch (thrown) {
		const error = thrown instanceof Error ? (thrown.message.split('\n')[0] ?? '') : String(thrown);
		return { problems: [{ severity: 'error', file, line: undefined, field: '', expected: message('expected.readableFile'), found: message('found.error', { error }) }] };
	}
}

// The live preview reads the whole folder again after each change: a file whose text did not change
// is not parsed again (a pure function of its path and text; markdown.ts keeps rendered markdown the
// same way). Kept on globalThis: the config's copy of this module loads first, the pages' copy reloads.
const PARSED = Symbol.for('town-status-site.parsed-files');
const parsedFiles = ((globalThis as { [PARSED]?: Map<string, { source: string; file: SourceFile }> })[PARSED] ??= new Map());

/** `parseSourceFile`, reusing the last result for the same path and text. */
function parseOnce(path: string, source: string): SourceFile {
	const known = parsedFiles.get(path);
	if (known?.source === source) return known.file;
	const file = parseSourceFile(path, source);
	parsedFiles.set(path, { source, file });
	return file;
}
