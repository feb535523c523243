/**
 * Problems in the content, said so that staff can fix them without reading code: which file, which
 * line and field, what was expected and what was found, in French or English.
 * @module
 */
import type { z } from 'astro/zod';
import { isStaffKey, type StaffKey } from '../i18n/staff.ts';
import { t, type Lang } from '../i18n/ui.ts';

/** One thing wrong in the content: where it is, what was expected and what was found. */
export interface Problem {
	/** `error` stops the build; `warning` is printed and the build goes on. */
	severity: 'error' | 'warning';
	/** Path of the file, relative to the project. */
	file: string;
	/** 1-based line in the file, when known. */
	line?: number;
	/** Dotted path of the field (`alternative.places[0]`), or empty for the whole file. */
	field: string;
	expected: Message;
	found: Message;
	/** A suggestion, e.g. the closest known id. */
	hint?: Message;
}

/**
 * A message of the staff catalogue (`src/i18n/staff.ts`) with its arguments, said in a language only
 * when printed (`textIn`); an argument may itself be a message, or a list of them (joined with commas).
 */
export interface Message {
	key: StaffKey;
	params?: Record<string, string | number | Message | Message[]>;
}

/** A staff message with its arguments: `message('found.list', { n: 2 })`. */
export const message = (key: StaffKey, params?: Message['params']): Message => (params ? { key, params } : { key });

/** A value as staff wrote it: « famile » in French, "famile" in English. */
export const quoted = (value: string): Message => message('problem.quoted', { value });

/** Text that is the same in every language: an id, a zod message that names no catalogue key. */
export const verbatim = (value: string): Message => message('problem.verbatim', { text: value });

/**
 * A problem's text in one language.
 *
 * @example
 * textIn('en', message('found.list', { n: 2 })); // 'a list of 2 items'
 */
export function textIn(lang: Lang, text: Message): string {
	const params = text.params && Object.fromEntries(Object.entries(text.params).map(([name, value]) => [name, typeof value !== 'object' ? value : Array.isArray(value) ? value.map((v) => textIn(lang, v)).join(', ') : textIn(lang, value)]));
	return t(lang, text.key, params);
}

/**
 * One problem on one line: `file:line — field: expected …; found …`.
 *
 * @example
 * formatProblem({ severity: 'error', file: 'content/services/cantine.yaml', line: 3, field: 'category',
 *   expected: message('expected.type.string'), found: quoted('famile') });
 * // → 'content/services/cantine.yaml:3 — champ « category » : attendu un texte ; trouvé « famile »'
 */
export function formatProblem(problem: Problem, lang: Lang = 'fr'): string {
	return t(lang, 'problem.line', {
		where: problem.line ? `${problem.file}:${problem.line}` : problem.file,
		field: problem.field ? t(lang, 'problem.field', { field: problem.field }) : '',
		expected: textIn(lang, problem.expected),
		found: textIn(lang, problem.found),
		hint: problem.hint ? ` (${textIn(lang, problem.hint)})` : '',
	});
}

/** Every problem, errors first then warnings, each group under a counted heading (`2 erreurs dans le contenu :`). */
export function formatProblems(problems: Problem[], lang: Lang = 'fr'): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const warnings = problems.filter((p) => p.severity === 'warning');
	const lines: string[] = [];
	if (errors.length) lines.push(t(lang, 'problem.errors', { n: errors.length }), ...errors.map((p) => `  ✗ ${formatProblem(p, lang)}`));
	if (warnings.length) lines.push(t(lang, 'problem.warnings', { n: warnings.length }), ...warnings.map((p) => `  ! ${formatProblem(p, lang)}`));
	return lines.join('\n');
}

/** Thrown when content has errors: the build stops before any page is written. */
export class ContentError extends Error {
	readonly problems: Problem[];
	constructor(problems: Problem[]) {
		super(`\n${formatProblems(problems)}\n`);
		this.name = 'ContentError';
		this.problems = problems;
	}
}

/** Says a value the way staff wrote it: `« famile »`, `une liste de 2 éléments`, `rien (champ absent)`. */
export function describeValue(value: unknown): Message {
	if (value === undefined) return message('found.missing');
	if (value === null) return message('found.empty');
	if (typeof value === 'string') return quoted(value.length > 80 ? `${value.slice(0, 77)}…` : value);
	if (Array.isArray(value)) return message('found.list', { n: value.length });
	if (typeof value === 'object') return message('found.group');
	return quoted(String(value));
}

export function pathToField(path: readonly PropertyKey[]): string {
	return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Turns one zod issue into what was expected and what was found. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): { path: PropertyKey[]; expected: Message; found: Message } {
	const path = [...issue.path];
	const value = valueAt(input, path);
	const found = describeValue(value);
	switch (issue.code) {
		case 'invalid_type': {
			const key = `expected.type.${issue.expected}`;
			return { path, expected: isStaffKey(key) ? message(key) : verbatim(issue.expected), found };
		}
		case 'invalid_value':
			return { path, expected: message('expected.oneOf', { values: issue.values.map(String).join(', ') }), found };
		case 'unrecognized_keys': {
			const keys = issue.keys;
			return { path: [...path, keys[0] ?? ''], expected: message('expected.knownFields'), found: message('found.unknownFields', { n: keys.length, fields: keys.map(quoted) }) };
		}
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'array') return { path, expected: message('expected.atLeastItems', { n: min }), found };
			if (issue.origin === 'string') return { path, expected: message('expected.nonEmpty'), found };
			return { path, expected: message('expected.atLeast', { min: String(issue.minimum) }), found };
		}
		case 'too_big': {
			if (issue.origin === 'string' && typeof value === 'string') return { path, expected: message('expected.atMostCharacters', { n: Number(issue.maximum) }), found: message('found.characters', { n: value.length }) };
			return { path, expected: message('expected.atMost', { max: String(issue.maximum) }), found };
		}
		default:
			// Schemas name their expectation by a catalogue key (`expected.id`); any other message is zod's own.
			return { path, expected: issue.message.startsWith('expected.') && isStaffKey(issue.message) ? message(issue.message) : verbatim(issue.message), found };
	}
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let value = input;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

/** What `npm run init` leaves for the town to fill in; `npm run check` warns until it is gone. */
export const TO_COMPLETE = '[À COMPLÉTER';

/**
 * A warning for each line of a content file that still holds a `[À COMPLÉTER …]` mark.
 *
 * @example
 * toCompleteWarnings('content/settings.yaml', 'town: Ville\nhours: "[À COMPLÉTER : horaires]"\n'); // one warning, line 2
 */
export function toCompleteWarnings(file: string, source: string): Problem[] {
	return source.split('\n').flatMap((line, i) =>
		line.includes(TO_COMPLETE)
			? [{ severity: 'warning' as const, file, line: i + 1, field: '', expected: message('expected.ownText'), found: quoted(line.trim().slice(0, 80)) }]
			: [],
	);
}
