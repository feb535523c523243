import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { describeIssue, pathToField, text, type Problem } from './problems.ts';

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
			return { path, data: undefined, body: source, problems, lineOf: () => undefined };
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
	return { path, data: doc.errors.length ? undefined : doc.toJS(), body, problems, lineOf };
}

/** Validates a parsed file against a schema; on failure returns one problem per zod issue. */
export function validate<S extends z.ZodType>(file: SourceFile, schema: S): { data?: z.output<S>; problems: Problem[] } {
	const result = schema.safeParse(file.data ?? {});
	if (result.success) return { data: result.data, problems: [] };
	const problems = result.error.issues.map((issue): Problem => {
		const { path, expected, found } = describeIssue(issue, file.data);
		return { severity: 'error', file: file.path, line: file.lineOf(path), field: pathToField(path), expected, found };
	});
	return { problems };
}

/** Line of the deepest existing node on the path (a missing field points at its parent). */
function findLine(doc: Document, counter: LineCounter, path: readonly PropertyKey[], offset: number): number | undefined {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
		if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + offset;
	}
	return undefined;
}
