/**
 * Problems in the content, said so that staff can fix them without reading code: which file, which
 * line and field, what was expected and what was found, in French or English.
 * @module
 */
import type { z } from 'astro/zod';
import { counted } from '../i18n/ui.ts';

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
	expected: Text;
	found: Text;
	/** A suggestion, e.g. the closest known id. */
	hint?: Text;
}

export type Lang = 'fr' | 'en';
export type Text = Record<Lang, string>;

export const text = (fr: string, en: string): Text => ({ fr, en });

/** A value as staff wrote it: « famile » in French, "famile" in English. */
export const quoted = (value: string): Text => text(`« ${value} »`, `"${value}"`);

const FRAME = {
	fr: { field: 'champ', expected: 'attendu', found: 'trouvé', error: ['erreur', 'erreurs'], errors: 'dans le contenu :', warning: ['avertissement', 'avertissements'], warnings: ':', colon: ' :', sep: ' ; ' },
	en: { field: 'field', expected: 'expected', found: 'found', error: ['error', 'errors'], errors: 'in the content:', warning: ['warning', 'warnings'], warnings: ':', colon: ':', sep: '; ' },
} as const;

/**
 * One problem on one line: `file:line — field: expected …; found …`.
 *
 * @example
 * formatProblem({ severity: 'error', file: 'content/services/cantine.yaml', line: 3, field: 'category',
 *   expected: text('une catégorie de settings.yaml', 'a category from settings.yaml'), found: quoted('famile') });
 * // → 'content/services/cantine.yaml:3 — champ « category » : attendu une catégorie de settings.yaml ; trouvé « famile »'
 */
export function formatProblem(problem: Problem, lang: Lang = 'fr'): string {
	const f = FRAME[lang];
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const field = problem.field ? ` — ${f.field} ${lang === 'fr' ? `« ${problem.field} »` : `"${problem.field}"`}` : '';
	const hint = problem.hint ? ` (${problem.hint[lang]})` : '';
	return `${where}${field}${f.colon} ${f.expected} ${problem.expected[lang]}${f.sep}${f.found} ${problem.found[lang]}${hint}`;
}

/** Every problem, errors first then warnings, each group under a counted heading (`2 erreurs dans le contenu :`). */
export function formatProblems(problems: Problem[], lang: Lang = 'fr'): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const warnings = problems.filter((p) => p.severity === 'warning');
	const lines: string[] = [];
	const f = FRAME[lang];
	if (errors.length) lines.push(`${counted(lang, errors.length, f.error[0], f.error[1])} ${f.errors}`, ...errors.map((p) => `  ✗ ${formatProblem(p, lang)}`));
	if (warnings.length) lines.push(`${counted(lang, warnings.length, f.warning[0], f.warning[1])}${lang === 'fr' ? ' ' : ''}${f.warnings}`, ...warnings.map((p) => `  ! ${formatProblem(p, lang)}`));
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
export function describeValue(value: unknown): Text {
	if (value === undefined) return text('rien (champ absent)', 'nothing (missing field)');
	if (value === null) return text('une valeur vide', 'an empty value');
	if (typeof value === 'string') return quoted(value.length > 80 ? `${value.slice(0, 77)}…` : value);
	if (Array.isArray(value)) return text(`une liste de ${counted('fr', value.length, 'élément', 'éléments')}`, `a list of ${counted('en', value.length, 'item', 'items')}`);
	if (typeof value === 'object') return text('un groupe de champs', 'a group of fields');
	return quoted(String(value));
}

/** What a schema expects, by the key its validation message names. */
export const EXPECTED: Record<string, Text> = {
	'expected.id': text('un identifiant en minuscules, chiffres et tirets (ex. « etat-civil »)', 'an id in lowercase letters, digits and dashes (e.g. "etat-civil")'),
	'expected.datetime': text('une date et heure avec décalage horaire, ex. « 2024-06-24T08:30+02:00 »', 'a date and time with its UTC offset, e.g. "2024-06-24T08:30+02:00"'),
	'expected.date': text('une date au format AAAA-MM-JJ, ex. « 2024-06-30 »', 'a date as YYYY-MM-DD, e.g. "2024-06-30"'),
	'expected.time': text('une heure au format HH:MM, ex. « 08:00 »', 'a time as HH:MM, e.g. "08:00"'),
	'expected.url': text('une adresse web complète, ex. « https://www.ville.fr/ »', 'a full web address, e.g. "https://www.town.fr/"'),
	'expected.urlNoSpace': text('une adresse web sans espace', 'a web address without spaces'),
	'expected.urlNoCredentials': text('une adresse web sans identifiant ni mot de passe (rien avant « @ »)', 'a web address without user name or password (nothing before "@")'),
	'expected.httpsUrl': text('une adresse en https://, ex. « https://info.ville.fr/ »', 'an https:// address, e.g. "https://info.town.fr/"'),
	'expected.phone': text('un numéro de téléphone : chiffres, espaces et + . - ( ) / seulement, ex. « 02 38 00 00 00 »', 'a phone number: digits, spaces and + . - ( ) / only, e.g. "02 38 00 00 00"'),
	'expected.email': text('une adresse électronique, ex. « accueil@ville.fr » (ou « working: false » pour une adresse qui n\'est pas lue)', 'an email address, e.g. "reception@town.fr" (or "working: false" for an address nobody reads)'),
	'expected.markdownNesting': text('un texte moins imbriqué (citations, listes ou mises en forme les unes dans les autres, sur trop de niveaux pour être affichées)', 'a less nested text (quotes, lists or emphasis inside one another, too many levels deep to be shown)'),
	'expected.timezone': text('un fuseau horaire IANA, ex. « Europe/Paris »', 'an IANA time zone, e.g. "Europe/Paris"'),
	'expected.rcloneRemote': text('un remote rclone « nom:chemin »', 'an rclone remote "name:path"'),
	'expected.targetType': text('« folder », « zip », « rsync » ou « rclone »', '"folder", "zip", "rsync" or "rclone"'),
	'expected.securityContact': text('mailto:…, https://… ou tel:…', 'mailto:…, https://… or tel:…'),
	'expected.corrects': text("l'identifiant de l'actualité corrigée (obligatoire pour une correction)", 'the id of the corrected update (required for a correction)'),
};

const TYPE_NAMES: Record<string, Text> = {
	string: text('un texte', 'a text'),
	number: text('un nombre', 'a number'),
	int: text('un nombre entier', 'a whole number'),
	boolean: text('true ou false', 'true or false'),
	array: text('une liste', 'a list'),
	object: text('un groupe de champs', 'a group of fields'),
	record: text('un groupe de champs « id: valeur »', 'a group of "id: value" fields'),
};

export function pathToField(path: readonly PropertyKey[]): string {
	return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Turns one zod issue into what was expected and what was found. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): { path: PropertyKey[]; expected: Text; found: Text } {
	const path = [...issue.path];
	const value = valueAt(input, path);
	const found = describeValue(value);
	switch (issue.code) {
		case 'invalid_type':
			return { path, expected: TYPE_NAMES[issue.expected] ?? text(issue.expected, issue.expected), found };
		case 'invalid_value': {
			const values = issue.values.map(String).join(', ');
			return { path, expected: text(`une de ces valeurs : ${values}`, `one of: ${values}`), found };
		}
		case 'unrecognized_keys': {
			const keys = issue.keys;
			return {
				path: [...path, keys[0] ?? ''],
				expected: text('uniquement les champs prévus (voir le guide de rédaction)', 'only the documented fields (see the staff guide)'),
				found: text(`${keys.length > 1 ? 'les champs inconnus' : 'le champ inconnu'} ${keys.map((k) => `« ${k} »`).join(', ')}`, `${keys.length > 1 ? 'unknown fields' : 'unknown field'} ${keys.map((k) => `"${k}"`).join(', ')}`),
			};
		}
		case 'too_small': {
			const min = String(issue.minimum);
			if (issue.origin === 'array') return { path, expected: text(`au moins ${counted('fr', Number(min), 'élément', 'éléments')}`, `at least ${counted('en', Number(min), 'item', 'items')}`), found };
			if (issue.origin === 'string') return { path, expected: text('un texte non vide', 'a non-empty text'), found };
			return { path, expected: text(`au moins ${min}`, `at least ${min}`), found };
		}
		case 'too_big': {
			const max = String(issue.maximum);
			if (issue.origin === 'string' && typeof value === 'string') return { path, expected: text(`au plus ${max} caractères`, `at most ${max} characters`), found: text(`${value.length} caractères`, `${value.length} characters`) };
			return { path, expected: text(`au plus ${max}`, `at most ${max}`), found };
		}
		default:
			return { path, expected: EXPECTED[issue.message] ?? text(issue.message, issue.message), found };
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
			? [{ severity: 'warning' as const, file, line: i + 1, field: '', expected: text('le texte propre à votre commune', 'your town’s own text'), found: quoted(line.trim().slice(0, 80)) }]
			: [],
	);
}
