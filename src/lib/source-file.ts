import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { markdownProblem, MARKDOWN_MAX_CHARS } from './markdown.ts';
import { describeIssue, EXPECTED, pathToField, text, type Problem } from './problems.ts';

const EXPECTED_NESTING = EXPECTED['expected.markdownNesting']!;

/**
 * A content file parsed for validation: its YAML data (the whole file, or a markdown file's front
 * matter), its markdown body, and a way to find the line of any field for error messages.
 *
 * @example
 * const file = parseSourceFile('content/updates/a.md', '---\ntitle: Bonjour\n---\nTexte');
 * file.data; // { title: 'Bonjour' }
 * file.body; // 'Texte'
 */
export interface SourceFile {
	/** Path relative to the project, as shown to staff. */
	path: string;
	data: unknown;
	body: string;
	/** 1-based line where the markdown body starts. */
	bodyLine: number;
	problems: Problem[];
	lineOf(path: readonly PropertyKey[]): number | undefined;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseSourceFile(path: string, source: string): SourceFile {
	const isMarkdown = path.endsWith('.md');
	let yamlText = source;
	let body = '';
	let lineOffset = 0;
	const problems: Problem[] = [];
	if (isMarkdown) {
		const match = FRONT_MATTER.exec(source);
		if (!match) {
			problems.push({ severity: 'error', file: path, line: 1, field: '', expected: text('un en-tête entre deux lignes « --- » en haut du fichier', 'a header between two "---" lines at the top of the file'), found: text('aucun en-tête', 'no header') });
			return { path, data: undefined, body: source, bodyLine: 1, problems, lineOf: () => undefined };
		}
		yamlText = match[1] ?? '';
		body = source.slice(match[0].length);
		lineOffset = 1;
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
	for (const error of doc.errors) {
		problems.push({
			severity: 'error',
			file: path,
			line: lineCounter.linePos(error.pos[0]).line + lineOffset,
			field: '',
			expected: text('du YAML valide', 'valid YAML'),
			found: text(`une erreur de syntaxe : ${error.message.split('\n')[0]}`, `a syntax error: ${error.message.split('\n')[0]}`),
		});
	}
	const lineOf = (fieldPath: readonly PropertyKey[]) => findLine(doc, lineCounter, fieldPath, lineOffset);
	const bodyLine = isMarkdown ? source.slice(0, source.length - body.length).split('\n').length : 1;
	let data: unknown;
	if (!doc.errors.length) {
		try {
			data = doc.toJS();
		} catch (error) {
			// yaml refuses to expand aliases beyond a limit ("billion laughs"): say where the first one is.
			let aliasLine: number | undefined;
			visit(doc, { Alias: (_, node) => { aliasLine = node.range ? lineCounter.linePos(node.range[0]).line + lineOffset : undefined; return visit.BREAK; } });
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			problems.push({ severity: 'error', file: path, line: aliasLine, field: '', expected: text('du YAML sans renvois « *nom » démultipliés', 'YAML without multiplied "*name" references'), found: text(`une erreur : ${message}`, `an error: ${message}`) });
		}
	}
	return { path, data, body, bodyLine, problems, lineOf };
}

/**
 * Characters refused in every text: control characters (NUL, Word's manual line break `\v`, page
 * break `\f`… which make feeds malformed XML), the code points XML forbids, lone surrogates, and bidi
 * controls (U+202A–U+202E, U+2066–U+2069), which can make a phone number display one way and dial another.
 * They are refused rather than stripped, so that what staff see in their file is what residents read.
 */
export const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const CHARACTER_NAMES: Record<string, { fr: string; en: string }> = {
	'\u0000': { fr: 'caractère nul', en: 'null character' },
	'\u000B': { fr: 'saut de ligne manuel de Word', en: "Word's manual line break" },
	'\u000C': { fr: 'saut de page', en: 'page break' },
};

/** The problem for a text holding a forbidden character, or undefined. */
function forbiddenCharacter(file: SourceFile, value: string, field: string, line: number | undefined): Problem | undefined {
	const match = FORBIDDEN_CHARACTER.exec(value);
	if (!match) return undefined;
	const char = match[0];
	const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
	const bidi = /[\u202A-\u202E\u2066-\u2069]/.test(char);
	const name = CHARACTER_NAMES[char] ?? (bidi ? { fr: "contrôle du sens d'écriture", en: 'bidi control' } : { fr: 'caractère de contrôle invisible', en: 'invisible control character' });
	return {
		severity: 'error',
		file: file.path,
		line,
		field,
		expected: text('un texte sans caractère de contrôle invisible', 'a text without invisible control characters'),
		found: text(`le caractère ${code} (${name.fr}) en position ${match.index + 1}`, `the character ${code} (${name.en}) at position ${match.index + 1}`),
		hint: text('effacez-le, ou remplacez-le par un retour à la ligne ou une espace', 'delete it, or replace it with a line break or a space'),
	};
}

/** Every string of the data and the body, with where it is. */
function* texts(value: unknown, path: (string | number)[] = []): Generator<{ value: string; path: (string | number)[] }> {
	if (typeof value === 'string') yield { value, path };
	else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* texts(item, [...path, i]);
	else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) {
		yield { value: key, path: [...path, key] };
		yield* texts(item, [...path, key]);
	}
}

/** Problems of the text itself, whatever the schema: forbidden characters anywhere, and a body that cannot be shown. */
function textProblems(file: SourceFile): Problem[] {
	const problems: Problem[] = [];
	for (const { value, path } of texts(file.data)) {
		const problem = forbiddenCharacter(file, value, pathToField(path), file.lineOf(path));
		if (problem) problems.push(problem);
	}
	if (!file.path.endsWith('.md')) return problems;
	const body = forbiddenCharacter(file, file.body, 'body', undefined);
	if (body) {
		body.line = file.bodyLine + file.body.slice(0, FORBIDDEN_CHARACTER.exec(file.body)!.index).split('\n').length - 1;
		return [...problems, body];
	}
	const problem = markdownProblem(file.body);
	if (problem === 'size') problems.push({ severity: 'error', file: file.path, line: file.bodyLine, field: 'body', expected: text(`un texte d'au plus ${MARKDOWN_MAX_CHARS} caractères`, `a text of at most ${MARKDOWN_MAX_CHARS} characters`), found: text(`${file.body.length} caractères`, `${file.body.length} characters`), hint: text('découpez-le en plusieurs actualités ou pages', 'split it into several updates or pages') });
	if (problem === 'nesting') problems.push({ severity: 'error', file: file.path, line: file.bodyLine, field: 'body', expected: EXPECTED_NESTING, found: text('trop de niveaux imbriqués pour être affichés', 'too many nested levels to be shown') });
	return problems;
}

/** Validates a parsed file against a schema; on failure returns one problem per zod issue. */
export function validate<S extends z.ZodType>(file: SourceFile, schema: S): { data?: z.output<S>; problems: Problem[] } {
	const textual = textProblems(file);
	const result = schema.safeParse(file.data ?? {});
	if (result.success) return textual.length ? { problems: textual } : { data: result.data, problems: [] };
	const problems = result.error.issues.map((issue): Problem => {
		const { path, expected, found } = describeIssue(issue, file.data);
		return { severity: 'error', file: file.path, line: file.lineOf(path), field: pathToField(path), expected, found };
	});
	// A forbidden character is the first thing to fix in its field: no second message about that field.
	const reported = new Set(textual.map((p) => p.field));
	return { problems: [...textual, ...problems.filter((p) => !reported.has(p.field))] };
}

/** Line of the deepest existing node on the path (a missing field points at its parent). */
function findLine(doc: Document, counter: LineCounter, path: readonly PropertyKey[], offset: number): number | undefined {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
		if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + offset;
	}
	return undefined;
}
