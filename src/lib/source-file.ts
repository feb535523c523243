import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { markdownProblem, MARKDOWN_MAX_CHARS } from './markdown.ts';
import type { StaffKey } from '../i18n/staff.ts';
import { describeIssue, message, pathToField, type Problem } from './problems.ts';

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
			problems.push({ severity: 'error', file: path, line: 1, field: '', expected: message('expected.frontMatter'), found: message('found.noFrontMatter') });
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
			expected: message('expected.yaml'),
			found: message('found.yamlSyntax', { error: error.message.split('\n')[0] ?? '' }),
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
			const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
			problems.push({ severity: 'error', file: path, line: aliasLine, field: '', expected: message('expected.yamlAliases'), found: message('found.error', { error: reason }) });
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

const CHARACTER_NAMES: Record<string, StaffKey> = {
	'\u0000': 'character.null',
	'\u000B': 'character.manualLineBreak',
	'\u000C': 'character.pageBreak',
};

/** The problem for a text holding a forbidden character, or undefined. */
function forbiddenCharacter(file: SourceFile, value: string, field: string, line: number | undefined): Problem | undefined {
	const match = FORBIDDEN_CHARACTER.exec(value);
	if (!match) return undefined;
	const char = match[0];
	const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
	const bidi = /[\u202A-\u202E\u2066-\u2069]/.test(char);
	const name = CHARACTER_NAMES[char] ?? (bidi ? 'character.bidi' : 'character.control');
	return {
		severity: 'error',
		file: file.path,
		line,
		field,
		expected: message('expected.noControlCharacter'),
		found: message('found.controlCharacter', { code, name: message(name), position: match.index + 1 }),
		hint: message('hint.controlCharacter'),
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
	if (problem === 'size') problems.push({ severity: 'error', file: file.path, line: file.bodyLine, field: 'body', expected: message('expected.bodySize', { n: MARKDOWN_MAX_CHARS }), found: message('found.characters', { n: file.body.length }), hint: message('hint.splitBody') });
	if (problem === 'nesting') problems.push({ severity: 'error', file: file.path, line: file.bodyLine, field: 'body', expected: message('expected.markdownNesting'), found: message('found.tooNested') });
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
