import { z } from 'astro/zod';

/**
 * Which fields of an object schema an English file may translate: `true` takes the French field as
 * it is; a nested list of names picks within an object, or within each item of a list.
 */
export type Translatable = { readonly [field: string]: true | Translatable };

/**
 * The schema of an English overlay file, derived from its French schema so that the two never drift:
 * only the named fields, each optional and without its French default (a field the English file
 * leaves out keeps the French value, even a list the French file leaves empty). Within an object the
 * picked fields are optional too; within list items they are as required as in French (a translated
 * deadline gives both its title and its text), since the overlay merges lists item by item.
 * With `complete`, the English file must give every named field, as required as in French (an
 * update's English file exists to give its title).
 *
 * @example
 * translationOf(placeSchema, { name: true, hours: true });
 * // → z.strictObject({ name: z.string().min(1).optional(), hours: z.array(openingHoursSchema).optional() })
 */
export function translationOf(schema: z.ZodType, fields: Translatable, { complete = false } = {}): z.ZodObject {
	const picked = pick(schema, fields);
	return complete ? picked : picked.partial();
}

/** The named fields of an object schema, defaults removed, nested names picked within. */
function pick(schema: z.ZodType, fields: Translatable): z.ZodObject {
	const shape = (schema as z.ZodObject).shape;
	const picked: Record<string, z.ZodType> = {};
	for (const [name, nested] of Object.entries(fields)) {
		const field = shape[name];
		if (!field) throw new Error(`translationOf: no field "${name}" in the French schema`);
		const { inner, optional } = withoutDefault(field as z.ZodType);
		const translated = nested === true ? inner : within(inner, nested);
		picked[name] = optional ? translated.optional() : translated;
	}
	return z.strictObject(picked);
}

/** Nested names picked within an object (each optional) or within each item of a list. */
function within(schema: z.ZodType, fields: Translatable): z.ZodType {
	if (schema instanceof z.ZodArray) return z.array(pick(schema.element as z.ZodType, fields));
	return translationOf(schema, fields);
}

/** A field's schema without its default or optional wrapper, and whether the French file may leave it out. */
function withoutDefault(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
	if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) {
		return { inner: withoutDefault(schema.unwrap() as z.ZodType).inner, optional: true };
	}
	return { inner: schema, optional: false };
}
