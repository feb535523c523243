/**
 * Lays a translation over the French data: objects merge field by field, lists of objects merge
 * item by item (so `rounds: [{ name: 'First round' }]` keeps the French round's date), and any
 * other value in the translation replaces the French one.
 *
 * @example
 * overlay({ name: 'Mairie', hours: [{ days: 'Lundi', hours: '9 h' }] }, { hours: [{ days: 'Monday' }] })
 * // → { name: 'Mairie', hours: [{ days: 'Monday', hours: '9 h' }] }
 */
export function overlay<T>(base: T, translation: unknown): T {
	if (translation === undefined) return base;
	if (Array.isArray(base) && Array.isArray(translation) && base.some(isPlainObject)) {
		return base.map((item, index) => overlay(item, translation[index])) as T;
	}
	if (isPlainObject(base) && isPlainObject(translation)) {
		const merged: Record<string, unknown> = { ...base };
		for (const [key, value] of Object.entries(translation)) merged[key] = overlay(merged[key], value);
		return merged as T;
	}
	return translation as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
