/**
 * Splits a list into pages for the archive. Page 1 always exists, even for an empty list.
 *
 * @example
 * paginate(['a', 'b', 'c'], 2);
 * // → [{ items: ['a', 'b'], currentPage: 1, lastPage: 2 }, { items: ['c'], currentPage: 2, lastPage: 2 }]
 */
export interface PageOf<T> {
	items: T[];
	currentPage: number;
	lastPage: number;
}

export function paginate<T>(list: readonly T[], size: number): PageOf<T>[] {
	const lastPage = Math.max(1, Math.ceil(list.length / size));
	return Array.from({ length: lastPage }, (_, i) => ({ items: list.slice(i * size, (i + 1) * size), currentPage: i + 1, lastPage }));
}

/** Updates per archive page: short enough for a phone on a bad network. */
export const UPDATES_PER_PAGE = 20;
