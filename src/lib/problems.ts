import type { z } from 'astro/zod';

/**
 * One thing wrong in the content, said so that staff can fix it without reading code:
 * which file, which line and field, what was expected and what was found.
 *
 * @example
 * formatProblem({ severity: 'error', file: 'content/services/cantine.yaml', line: 3, field: 'category',
 *   expected: 'une catégorie déclarée dans settings.yaml (famille, demarches)', found: '« famile »' })
 * // → 'content/services/cantine.yaml:3 — « category » : attendu une catégorie … ; trouvé « famile »'
 */
export interface Problem {
	/** `error` stops the build; `warning` is printed and the build goes on. */
	severity: 'error' | 'warning';
	/** Path of the file, relative to the project. */
	file: string;
	/** 1-based line in the file, when known. */
	line?: number;
	/** Dotted path of the field (`alternative.places[0]`), or empty for the whole file. */
	field: string;
	expected: string;
	found: string;
	/** A suggestion, e.g. the closest known id. */
	hint?: string;
}

export function formatProblem(problem: Problem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const field = problem.field ? ` — champ « ${problem.field} »` : '';
	const hint = problem.hint ? ` (${problem.hint})` : '';
	return `${where}${field} : attendu ${problem.expected} ; trouvé ${problem.found}${hint}`;
}

export function formatProblems(problems: Problem[]): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const warnings = problems.filter((p) => p.severity === 'warning');
	const lines: string[] = [];
	if (errors.length) lines.push(`${errors.length} erreur(s) dans le contenu :`, ...errors.map((p) => `  ✗ ${formatProblem(p)}`));
	if (warnings.length) lines.push(`${warnings.length} avertissement(s) :`, ...warnings.map((p) => `  ! ${formatProblem(p)}`));
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
export function describeValue(value: unknown): string {
	if (value === undefined) return 'rien (champ absent)';
	if (value === null) return 'une valeur vide';
	if (typeof value === 'string') return `« ${value.length > 80 ? `${value.slice(0, 77)}…` : value} »`;
	if (Array.isArray(value)) return `une liste de ${value.length} élément(s)`;
	if (typeof value === 'object') return 'un groupe de champs';
	return `« ${String(value)} »`;
}

const TYPE_NAMES: Record<string, string> = {
	string: 'un texte',
	number: 'un nombre',
	int: 'un nombre entier',
	boolean: 'true ou false',
	array: 'une liste',
	object: 'un groupe de champs',
	record: 'un groupe de champs « id: valeur »',
};

export function pathToField(path: readonly PropertyKey[]): string {
	return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Turns one zod issue into what was expected and what was found, in French. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): { path: PropertyKey[]; expected: string; found: string } {
	const path = [...issue.path];
	const found = describeValue(valueAt(input, path));
	switch (issue.code) {
		case 'invalid_type':
			return { path, expected: TYPE_NAMES[issue.expected] ?? issue.expected, found };
		case 'invalid_value':
			return { path, expected: `une de ces valeurs : ${issue.values.map(String).join(', ')}`, found };
		case 'unrecognized_keys':
			return {
				path: [...path, issue.keys[0] ?? ''],
				expected: 'uniquement les champs prévus (voir le guide de rédaction)',
				found: `le(s) champ(s) inconnu(s) ${issue.keys.map((k) => `« ${k} »`).join(', ')}`,
			};
		case 'too_small':
			return { path, expected: issue.origin === 'array' ? `au moins ${issue.minimum} élément(s)` : issue.origin === 'string' ? 'un texte non vide' : `au moins ${issue.minimum}`, found };
		case 'too_big':
			return { path, expected: issue.origin === 'string' ? `au plus ${issue.maximum} caractères` : `au plus ${issue.maximum}`, found: typeof valueAt(input, path) === 'string' ? `${String(valueAt(input, path)).length} caractères` : found };
		default:
			return { path, expected: issue.message, found };
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
