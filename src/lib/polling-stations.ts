import type { Election } from '../schemas/election.ts';

type Station = Election['stations'][number];

/**
 * Polling stations grouped by place and area, in the order first given, so a phone shows each school
 * and its address once with the numbers of the stations it holds, not one row a station.
 *
 * @example
 * stationsByPlace([{ number: 1, place: 'ecole-a', area: 'Nord' }, { number: 2, place: 'ecole-a', area: 'Nord' }]);
 * // [{ place: 'ecole-a', area: 'Nord', numbers: [1, 2] }]
 */
export function stationsByPlace(stations: readonly Station[]): { place: string; area?: string; numbers: number[] }[] {
	const groups = new Map<string, { place: string; area?: string; numbers: number[] }>();
	for (const s of stations) {
		const key = JSON.stringify([s.place, s.area ?? null]);
		const group = groups.get(key) ?? { place: s.place, area: s.area, numbers: [] };
		group.numbers.push(s.number);
		groups.set(key, group);
	}
	return [...groups.values()];
}
