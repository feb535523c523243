import { isoInZone } from './dates.ts';

/**
 * Items grouped by calendar day in the town's time zone, keeping their order, as Statuspage groups its
 * incident history: one heading a day, the day's items beneath.
 *
 * @example
 * groupByDay([{ date: t1 }, { date: t2 }], (u) => u.date, 'Europe/Paris');
 * // [{ day: '2024-06-28', epoch: t1, items: [{ date: t1 }, { date: t2 }] }]   (t1, t2 on the same day)
 */
export function groupByDay<T>(items: readonly T[], dateOf: (item: T) => number, timeZone: string): { day: string; epoch: number; items: T[] }[] {
	const groups: { day: string; epoch: number; items: T[] }[] = [];
	for (const item of items) {
		const epoch = dateOf(item);
		const day = isoInZone(epoch, timeZone).slice(0, 10);
		const last = groups.at(-1);
		if (last?.day === day) last.items.push(item);
		else groups.push({ day, epoch, items: [item] });
	}
	return groups;
}
