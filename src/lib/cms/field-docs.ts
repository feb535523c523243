import { parse as parseComment, tokenizers } from 'comment-parser';
import { parseSync, Visitor, type Comment, type Expression, type ObjectExpression } from 'oxc-parser';

/** What the editor shows for one schema field, read from the field's doc comment. */
export interface FieldDoc {
	/** `@label` tag: the field's name in the French editor. */
	label: string;
	/** `@hint` tag: the help line under the field, in French. */
	hint?: string;
	/** `@options` tag: prefix of the `src/i18n/ui.ts` keys that name an enum's values (`status` → `status.down`). */
	options?: string;
}

/** Docs of the fields of every object schema, keyed by the object's sorted field names (see `objectKey`). */
export type FieldDocs = Map<string, Map<string, Partial<FieldDoc>>>;

/**
 * The key of an object schema in `FieldDocs`: its field names, sorted. Zod keeps no source location,
 * so an object found at run time is matched to its `z.strictObject({ … })` in the source by its fields.
 *
 * @example
 * objectKey(['title', 'date']); // → 'date,title'
 */
export function objectKey(fields: Iterable<string>): string {
	return [...fields].sort().join(',');
}

/**
 * Reads the `@label`, `@hint` and `@options` tags of the doc comments of every field of every
 * `z.object`/`z.strictObject` literal in the given schema sources (by file name), at build time:
 * comments do not exist at run time. Spreads of a local `const` object are followed. Parsed with
 * oxc-parser (Rust, loads in ≈ 20 ms; the TypeScript compiler took ≈ 400 ms to load on every build).
 *
 * @example
 * // src/schemas/page.ts: title: /** Page title. @label Titre *\/ z.string()
 * readFieldDocs({ 'src/schemas/page.ts': readFileSync('src/schemas/page.ts', 'utf8') }).get('description,order,title')?.get('title');
 * // → { label: 'Titre' }
 */
export function readFieldDocs(sources: Record<string, string>): FieldDocs {
	const docs: FieldDocs = new Map();
	for (const [file, text] of Object.entries(sources)) {
		const { program, comments, errors } = parseSync(file, text, { lang: 'ts' });
		if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
		const locals = new Map<string, ObjectExpression>();
		for (const statement of program.body) {
			const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
			if (declaration?.type !== 'VariableDeclaration') continue;
			for (const d of declaration.declarations) {
				if (d.id.type === 'Identifier' && d.init?.type === 'ObjectExpression') locals.set(d.id.name, d.init);
			}
		}
		const source = { comments, locals };
		new Visitor({
			CallExpression(node) {
				const [literal] = node.arguments;
				if (!isObjectCall(node.callee) || literal?.type !== 'ObjectExpression') return;
				const fields = fieldsOf(literal, source);
				// Objects without any tag (the publishing targets) are not edited through their own form.
				if ([...fields.values()].every((doc) => Object.keys(doc).length === 0)) return;
				const key = objectKey(fields.keys());
				const known = docs.get(key);
				if (known && !sameDocs(known, fields)) throw new Error(`${file}: two object schemas have the fields ${key} but different doc comments; make them one schema`);
				docs.set(key, fields);
			},
		}).visit(program);
	}
	return docs;
}

interface Source {
	comments: Comment[];
	locals: Map<string, ObjectExpression>;
}

function isObjectCall(callee: Expression): boolean {
	return (
		callee.type === 'MemberExpression' &&
		callee.object.type === 'Identifier' &&
		callee.object.name === 'z' &&
		callee.property.type === 'Identifier' &&
		['object', 'strictObject'].includes(callee.property.name)
	);
}

function fieldsOf(literal: ObjectExpression, source: Source): Map<string, Partial<FieldDoc>> {
	const fields = new Map<string, Partial<FieldDoc>>();
	let previousEnd = literal.start;
	for (const property of literal.properties) {
		const after = previousEnd;
		previousEnd = property.end;
		if (property.type === 'SpreadElement') {
			const spread = property.argument.type === 'Identifier' ? source.locals.get(property.argument.name) : undefined;
			if (spread) for (const [name, doc] of fieldsOf(spread, source)) fields.set(name, doc);
			continue;
		}
		const { key } = property;
		const name = key.type === 'Identifier' ? key.name : key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
		if (name === undefined) continue;
		// The doc comments of a field are the `/** … */` blocks between the previous field and this one.
		const leading = source.comments.filter((c) => c.type === 'Block' && c.value.startsWith('*') && c.start >= after && c.end <= property.start);
		fields.set(name, tagsOf(leading));
	}
	return fields;
}

function tagsOf(comments: Comment[]): Partial<FieldDoc> {
	const doc: Partial<FieldDoc> = {};
	for (const comment of comments) {
		for (const block of parseComment(`/*${comment.value}*/`, { tokenizers: [tokenizers.tag(), tokenizers.description('compact')] })) {
			for (const { tag, description } of block.tags) {
				const value = description.replace(/\s+/g, ' ').trim();
				if (value && (tag === 'label' || tag === 'hint' || tag === 'options')) doc[tag] = value;
			}
		}
	}
	return doc;
}

function sameDocs(a: Map<string, Partial<FieldDoc>>, b: Map<string, Partial<FieldDoc>>): boolean {
	return [...a].every(([name, doc]) => JSON.stringify(doc) === JSON.stringify(b.get(name)));
}
