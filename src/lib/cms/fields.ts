import type { z } from 'astro/zod';
import { dateSchema, dateTimeSchema, markdownSchema, timeSchema } from '../../schemas/common.ts';
import { t, type UiKey } from '../../i18n/ui.ts';
import { objectKey, type FieldDocs } from './field-docs.ts';

/** One field of a Sveltia CMS form (the subset of its options this site uses). */
export interface EditorField {
	name: string;
	label: string;
	hint?: string;
	widget: 'string' | 'text' | 'markdown' | 'number' | 'boolean' | 'select' | 'datetime' | 'relation' | 'list' | 'object';
	required?: boolean | string[];
	default?: unknown;
	/** `true`: written to the English file too; `false`: French file only. */
	i18n?: boolean;
	[option: string]: unknown;
}

/** Where an id field points: a folder collection (by file name), or the ids listed in a file collection. */
export interface Reference {
	collection: string;
	/** For a file collection: the file, and the list field holding the ids (`categories.*.id`). */
	file?: string;
	value?: string;
	display?: string;
}

export interface FieldContext {
	docs: FieldDocs;
	/** Id fields that name another entry, by path (`changes.service`); list items add no segment. */
	relations: Record<string, Reference>;
	/** Id fields that are an entry's own id, not a reference (`categories.id`). */
	ownIds: string[];
	/**
	 * Paths the English file may hold (from the translation schema), each with whether an English file
	 * must then fill it (see `translationPaths`); undefined when nothing is translated.
	 */
	translatable?: Map<string, boolean>;
	/** Display field of each collection a relation may point to (`services` → `name`). */
	displayOf: Record<string, string>;
	/** Paths deliberately left out of the editor. */
	omitted?: string[];
}

/** Dates keep their UTC offset: `Z` is day.js's `+02:00`. */
const DATE_FORMATS = new Map<unknown, Record<string, unknown>>([
	[dateTimeSchema, { format: 'YYYY-MM-DDTHH:mmZ' }],
	[dateSchema, { format: 'YYYY-MM-DD', time_format: false }],
	[timeSchema, { format: 'HH:mm', date_format: false }],
]);
/** Text formatting only: the site publishes no images, and the sanitiser drops raw HTML anyway. */
export const MARKDOWN = { widget: 'markdown', buttons: ['bold', 'italic', 'link', 'heading-three', 'bulleted-list', 'numbered-list'], editor_components: [] } as const;

/** Refined copies of the common schemas are recognised by their error key. */
const DATE_KEYS: Record<string, unknown> = { 'expected.datetime': dateTimeSchema, 'expected.date': dateSchema, 'expected.time': timeSchema };

/**
 * The editor fields of an object schema, with French labels and hints from the fields' doc comments.
 * Generic over the zod schema: any new field gets its widget from its type, and a field without a
 * `@label`, an id field that is neither a relation nor an own id, or an unknown type stops the build.
 *
 * @example
 * editorFields(pageSchema, 'pages', { docs, relations: {}, ownIds: [], displayOf: {} });
 * // → [{ name: 'title', label: 'Titre', widget: 'string', required: true, minlength: 1 }, …]
 */
export function editorFields(schema: z.ZodType, path: string, context: FieldContext): EditorField[] {
	const shape = objectShape(schema, path);
	const docs = context.docs.get(objectKey(Object.keys(shape)));
	if (!docs) throw new Error(`${path}: no documented z.strictObject with the fields ${Object.keys(shape).join(', ')} in src/schemas/`);
	return Object.entries(shape).filter(([name]) => !context.omitted?.includes(localPath(`${path}.${name}`))).map(([name, field]) => {
		const doc = docs.get(name);
		if (!doc?.label) throw new Error(`${path}.${name}: its doc comment in src/schemas/ needs a French @label (and usually a @hint)`);
		return editorField(name, field, `${path}.${name}`, context, { label: doc.label, hint: doc.hint, options: doc.options });
	});
}

function editorField(name: string, schema: z.ZodType, path: string, context: FieldContext, doc: { label: string; hint?: string; options?: string }): EditorField {
	const { inner, required, fallback } = unwrap(schema);
	const base: EditorField = { name, label: doc.label, widget: 'string', ...(doc.hint ? { hint: doc.hint } : {}) };
	const englishRequired = context.translatable?.get(localPath(path));
	// A field the French file must fill but an English file may leave out is required in French only.
	if (!required) base.required = false;
	else if (englishRequired === false) base.required = ['fr'];
	if (fallback !== undefined && !(Array.isArray(fallback) && fallback.length === 0)) base.default = fallback;
	if (context.translatable) base.i18n = englishRequired !== undefined;
	return { ...base, ...widgetFor(inner, path, context, doc) } as EditorField;
}

function widgetFor(schema: z.ZodType, path: string, context: FieldContext, doc: { options?: string }): Partial<EditorField> {
	const def = defOf(schema);
	const local = localPath(path);
	switch (def.type) {
		case 'string': {
			const dates = DATE_FORMATS.get(schema) ?? DATE_FORMATS.get(DATE_KEYS[errorKeys(schema).find((k) => k in DATE_KEYS) ?? '']);
			if (dates) return { widget: 'datetime', ...dates };
			if (schema === markdownSchema) return MARKDOWN;
			if (errorKeys(schema).includes('expected.id')) return idWidget(path, context);
			const { minLength, maxLength } = schema as unknown as { minLength: number | null; maxLength: number | null };
			return { widget: 'string', ...(def.format === 'url' ? { type: 'url' } : {}), ...(minLength ? { minlength: minLength } : {}), ...(maxLength !== null && maxLength !== undefined ? { maxlength: maxLength } : {}) };
		}
		case 'number': {
			const { minValue, maxValue, isInt } = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
			const finite = (n: number | null) => n !== null && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;
			return { widget: 'number', value_type: isInt ? 'int' : 'float', ...(finite(minValue) ? { min: minValue } : {}), ...(finite(maxValue) ? { max: maxValue } : {}) };
		}
		case 'boolean':
			return { widget: 'boolean' };
		case 'enum': {
			const values = Object.values(def.entries as Record<string, string>);
			return { widget: 'select', options: values.map((value) => ({ value, label: optionLabel(doc.options, value) })) };
		}
		case 'array': {
			const element = unwrap(def.element as z.ZodType).inner;
			const limits = lengthLimits(schema);
			const elementDef = defOf(element);
			if (elementDef.type === 'object') return { widget: 'list', ...limits, fields: editorFields(element, path, context) };
			if (elementDef.type === 'string' && errorKeys(element).includes('expected.id')) return { ...idWidget(path, context), multiple: true, ...limits };
			const item = widgetFor(element, path, context, doc);
			return { widget: 'list', ...limits, field: { name: 'item', label: 'Élément', ...item } };
		}
		case 'object':
			return { widget: 'object', fields: editorFields(schema, path, context) };
		default:
			throw new Error(`${local}: a ${def.type} field has no editor widget yet (src/lib/cms/fields.ts)`);
	}
}

function idWidget(path: string, context: FieldContext): Partial<EditorField> {
	const local = localPath(path);
	if (context.ownIds.includes(local)) return { widget: 'string', pattern: ['^[a-z0-9]+(?:-[a-z0-9]+)*$', 'Minuscules, chiffres et tirets : etat-civil'] };
	const reference = context.relations[local];
	if (!reference) throw new Error(`${local}: an id field must be declared a relation (or an own id) in src/lib/cms/config.ts`);
	if (reference.file) {
		return { widget: 'relation', collection: reference.collection, file: reference.file, value_field: reference.value, display_fields: [reference.display], search_fields: [reference.display] };
	}
	const display = context.displayOf[reference.collection] ?? 'title';
	return { widget: 'relation', collection: reference.collection, value_field: '{{slug}}', display_fields: [display], search_fields: [display] };
}

/** The path inside the collection: `updates.changes.service` → `changes.service`. */
function localPath(path: string): string {
	return path.split('.').slice(1).join('.');
}

function optionLabel(prefix: string | undefined, value: string): string {
	if (!prefix) return value;
	const key = `${prefix}.${value}` as UiKey;
	const label = t('fr', key);
	if (!label || label === key) return value;
	// The code stays visible: it is what the files and the command-line route use.
	return label.toLowerCase() === value.toLowerCase() ? label : `${label} (${value})`;
}

interface Def {
	type: string;
	[key: string]: unknown;
}

function defOf(schema: z.ZodType): Def {
	return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips optional/default wrappers: whether the field must be filled, and its default. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; fallback: unknown } {
	let inner = schema;
	let required = true;
	let fallback: unknown;
	for (;;) {
		const def = defOf(inner);
		if (def.type === 'optional' || def.type === 'nullable') required = false;
		else if (def.type === 'default' || def.type === 'prefault') {
			required = false;
			fallback ??= def.defaultValue;
		} else if (def.type === 'pipe') {
			inner = def.in as z.ZodType;
			continue;
		} else if (def.type !== 'readonly' && def.type !== 'catch') return { inner, required, fallback };
		inner = def.innerType as z.ZodType;
	}
}

function objectShape(schema: z.ZodType, path: string): Record<string, z.ZodType> {
	const def = defOf(unwrap(schema).inner);
	if (def.type !== 'object') throw new Error(`${path}: expected an object schema, found ${def.type}`);
	return def.shape as Record<string, z.ZodType>;
}

/** The error keys of a schema's checks (`expected.id`), which name what a refined string holds. */
function errorKeys(schema: z.ZodType): string[] {
	const checks = (defOf(schema).checks ?? []) as { _zod: { def: { error?: (issue: unknown) => unknown } } }[];
	const own = defOf(schema).error as ((issue: unknown) => unknown) | undefined;
	return [own, ...checks.map((c) => c._zod.def.error)].map((error) => (typeof error === 'function' ? error({}) : undefined)).filter((k): k is string => typeof k === 'string');
}

function lengthLimits(schema: z.ZodType): { min?: number; max?: number } {
	const limits: { min?: number; max?: number } = {};
	for (const check of (defOf(schema).checks ?? []) as { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[]) {
		if (check._zod.def.check === 'min_length') limits.min = check._zod.def.minimum;
		if (check._zod.def.check === 'max_length') limits.max = check._zod.def.maximum;
	}
	return limits;
}

/**
 * Every field path of an object schema (`changes.service`), list items adding no segment: what the
 * editor must cover.
 *
 * @example
 * schemaPaths(z.strictObject({ a: z.array(z.strictObject({ b: z.string() })) })); // → ['a', 'a.b']
 */
export function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
	return Object.entries(objectShape(schema, prefix || 'schema')).flatMap(([name, field]) => {
		const path = prefix ? `${prefix}.${name}` : name;
		let inner = unwrap(field).inner;
		if (defOf(inner).type === 'array') inner = unwrap(defOf(inner).element as z.ZodType).inner;
		return defOf(inner).type === 'object' ? [path, ...schemaPaths(inner, path)] : [path];
	});
}

/**
 * The paths of a translation schema, each with whether a translation file must fill it.
 *
 * @example
 * translationPaths(z.strictObject({ title: z.string(), note: z.string().optional() })); // → Map { 'title' → true, 'note' → false }
 */
export function translationPaths(schema: z.ZodType, prefix = ''): Map<string, boolean> {
	const paths = new Map<string, boolean>();
	for (const [name, field] of Object.entries(objectShape(schema, prefix || 'schema'))) {
		const path = prefix ? `${prefix}.${name}` : name;
		const { inner: outer, required } = unwrap(field);
		paths.set(path, required);
		let inner = outer;
		if (defOf(inner).type === 'array') inner = unwrap(defOf(inner).element as z.ZodType).inner;
		if (defOf(inner).type === 'object') for (const [sub, must] of translationPaths(inner, path)) paths.set(sub, must);
	}
	return paths;
}

/** Every field path of editor fields, in the same notation as `schemaPaths`. */
export function editorPaths(fields: EditorField[], prefix = ''): string[] {
	return fields.flatMap((field) => {
		const path = prefix ? `${prefix}.${field.name}` : field.name;
		const nested = field.fields as EditorField[] | undefined;
		return nested ? [path, ...editorPaths(nested, path)] : [path];
	});
}
