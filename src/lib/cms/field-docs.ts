import ts from 'typescript';

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
 * `z.object`/`z.strictObject` literal in the given schema sources (by file name) (with the TypeScript compiler API,
 * at build time: comments do not exist at run time). Spreads of a local `const` object are followed.
 *
 * @example
 * // src/schemas/page.ts: title: /** Page title. @label Titre *\/ z.string()
 * readFieldDocs({ 'src/schemas/page.ts': readFileSync('src/schemas/page.ts', 'utf8') }).get('description,order,title')?.get('title');
 * // → { label: 'Titre' }
 */
export function readFieldDocs(sources: Record<string, string>): FieldDocs {
	const docs: FieldDocs = new Map();
	for (const [file, text] of Object.entries(sources)) {
		const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		const locals = new Map<string, ts.ObjectLiteralExpression>();
		source.forEachChild((node) => {
			if (!ts.isVariableStatement(node)) return;
			for (const d of node.declarationList.declarations) {
				if (ts.isIdentifier(d.name) && d.initializer && ts.isObjectLiteralExpression(d.initializer)) locals.set(d.name.text, d.initializer);
			}
		});
		const visit = (node: ts.Node): void => {
			if (ts.isCallExpression(node) && isObjectCall(node.expression) && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
				const fields = fieldsOf(node.arguments[0], locals);
				// Objects without any tag (the publishing targets) are not edited through their own form.
				if ([...fields.values()].every((doc) => Object.keys(doc).length === 0)) return node.forEachChild(visit);
				const key = objectKey(fields.keys());
				const known = docs.get(key);
				if (known && !sameDocs(known, fields)) throw new Error(`${file}: two object schemas have the fields ${key} but different doc comments; make them one schema`);
				docs.set(key, fields);
			}
			node.forEachChild(visit);
		};
		visit(source);
	}
	return docs;
}

function isObjectCall(callee: ts.Expression): boolean {
	return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'z' && ['object', 'strictObject'].includes(callee.name.text);
}

function fieldsOf(literal: ts.ObjectLiteralExpression, locals: Map<string, ts.ObjectLiteralExpression>): Map<string, Partial<FieldDoc>> {
	const fields = new Map<string, Partial<FieldDoc>>();
	for (const property of literal.properties) {
		if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression)) {
			const spread = locals.get(property.expression.text);
			if (spread) for (const [name, doc] of fieldsOf(spread, locals)) fields.set(name, doc);
			continue;
		}
		if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
		fields.set(property.name.text, tagsOf(property));
	}
	return fields;
}

function tagsOf(node: ts.Node): Partial<FieldDoc> {
	const doc: Partial<FieldDoc> = {};
	for (const tag of ts.getJSDocTags(node)) {
		const name = tag.tagName.text;
		const value = ts.getTextOfJSDocComment(tag.comment)?.replace(/\s+/g, ' ').trim();
		if (value && (name === 'label' || name === 'hint' || name === 'options')) doc[name] = value;
	}
	return doc;
}

function sameDocs(a: Map<string, Partial<FieldDoc>>, b: Map<string, Partial<FieldDoc>>): boolean {
	return [...a].every(([name, doc]) => JSON.stringify(doc) === JSON.stringify(b.get(name)));
}
