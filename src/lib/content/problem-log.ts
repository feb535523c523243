/**
 * The problems found while loading the content folder, shared by every loading step so that all of
 * them are reported at once, in the order the steps find them.
 * @module
 */
import { relative } from 'node:path';
import type { Message, Problem } from '../problems.ts';

/**
 * Collects problems and names files as staff see them (relative to the working folder).
 *
 * @example
 * const log = new ProblemLog('/site');
 * log.error(log.rel('/site/content/settings.yaml'), undefined, '', message('expected.settingsFile'), message('found.folder'));
 * log.problems; // [{ severity: 'error', file: 'content/settings.yaml', … }]
 */
export class ProblemLog {
	readonly problems: Problem[] = [];
	readonly #cwd: string;

	constructor(cwd: string) {
		this.#cwd = cwd;
	}

	/** A path as shown to staff: relative to the working folder when it lies inside it. */
	rel(path: string): string {
		return relative(this.#cwd, path) || path;
	}

	error(file: string, line: number | undefined, field: string, expected: Message, found: Message, hint?: Message): void {
		this.problems.push({ severity: 'error', file, line, field, expected, found, hint });
	}

	/** A problem that does not stop the build. */
	warning(file: string, line: number | undefined, field: string, expected: Message, found: Message): void {
		this.problems.push({ severity: 'warning', file, line, field, expected, found });
	}

	add(problems: readonly Problem[]): void {
		this.problems.push(...problems);
	}

	hasErrors(): boolean {
		return this.problems.some((p) => p.severity === 'error');
	}
}
