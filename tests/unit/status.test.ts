import { describe, expect, test } from 'vitest';
import { computeStatus, type StatusInput } from '../../src/lib/status.ts';

const H = 3_600_000;
const start = Date.UTC(2024, 5, 24, 6, 30);
const at = (hours: number) => start + hours * H;

function input(overrides: Partial<StatusInput> = {}): StatusInput {
	return {
		services: [
			{ id: 'etat-civil', initialStatus: 'down' },
			{ id: 'standard', initialStatus: 'down' },
			{ id: 'urbanisme', initialStatus: 'operational' },
		],
		updates: [],
		incidentStart: start,
		now: at(24),
		confirmWindowHours: 48,
		...overrides,
	};
}

describe('a service with no update keeps its initial status', () => {
	test('status is the initial one, since the incident start, with an empty history', () => {
		const state = computeStatus(input()).services.get('etat-civil')!;
		expect(state).toMatchObject({ status: 'down', since: start, history: [], updateIds: [] });
	});
});

describe('status changes are applied in date order, whatever the file order', () => {
	const updates: StatusInput['updates'] = [
		{ id: 'c', date: at(30), services: [], changes: [{ service: 'etat-civil', status: 'degraded' as const }] },
		{ id: 'a', date: at(2), services: [], changes: [{ service: 'etat-civil', status: 'paper' as const }] },
		{ id: 'b', date: at(10), services: ['etat-civil'], changes: [] },
	];
	const state = computeStatus(input({ updates, now: at(40) })).services.get('etat-civil')!;

	test('the current status is the latest change', () => {
		expect(state.status).toBe('degraded');
		expect(state.since).toBe(at(30));
	});
	test('the history lists each change oldest first, with what it replaced', () => {
		expect(state.history).toEqual([
			{ date: at(2), from: 'down', to: 'paper', updateId: 'a' },
			{ date: at(30), from: 'paper', to: 'degraded', updateId: 'c' },
		]);
	});
	test('updates concerning the service are listed newest first, mentions included', () => {
		expect(state.updateIds).toEqual(['c', 'b', 'a']);
	});
});

describe('"since" only moves when the status really changes', () => {
	test.each([
		['a change to the same status', [{ service: 'etat-civil', status: 'down' as const }]],
		['a mention without change', []],
	])('%s keeps the since date and adds no history', (_, changes) => {
		const state = computeStatus(input({ updates: [{ id: 'x', date: at(5), services: ['etat-civil'], changes }] })).services.get('etat-civil')!;
		expect(state.since).toBe(start);
		expect(state.history).toEqual([]);
		expect(state.lastConfirmed).toBe(at(5));
	});
});

describe('updates dated after now are not in force', () => {
	test('a future change does not apply yet', () => {
		const report = computeStatus(input({ updates: [{ id: 'later', date: at(30), services: [], changes: [{ service: 'standard', status: 'operational' as const }] }] }));
		expect(report.services.get('standard')!.status).toBe('down');
		expect(report.lastUpdated).toBe(start);
	});
});

describe('a service back to operational shows as restored for 7 days', () => {
	const restore = [{ id: 'back', date: at(48), services: [], changes: [{ service: 'standard', status: 'operational' as const }] }];
	test.each([
		['the day after', at(72), at(48)],
		['exactly 7 days after', at(48 + 7 * 24), at(48)],
		['8 days after', at(48 + 8 * 24), undefined],
	])('%s', (_, now, restoredAt) => {
		expect(computeStatus(input({ updates: restore, now })).services.get('standard')!.restoredAt).toBe(restoredAt);
	});
	test('a service that was never disrupted is not "restored"', () => {
		expect(computeStatus(input()).services.get('urbanisme')!.restoredAt).toBeUndefined();
	});
});

describe('a status not confirmed within the window is "à confirmer"', () => {
	test.each([
		['confirmed by an update 10 h ago', { updates: [{ id: 'u', date: at(38), services: ['etat-civil'], changes: [] }], now: at(48) }, false],
		['last confirmed at the incident start, 49 h ago', { now: at(49) }, true],
		['confirmed by the service file\'s `checked`', { services: [{ id: 'etat-civil', initialStatus: 'down' as const, checked: at(40) }], now: at(49) }, false],
	])('%s', (_, overrides, stale) => {
		expect(computeStatus(input(overrides)).services.get('etat-civil')!.stale).toBe(stale);
	});
});

describe('the overall status is the worst service status', () => {
	test.each([
		[['operational', 'operational'], 'operational', 0],
		[['operational', 'degraded'], 'degraded', 1],
		[['paper', 'degraded', 'operational'], 'paper', 2],
		[['down', 'paper', 'operational'], 'down', 2],
	] as const)('%j → %s with %i affected', (statuses, worst, affected) => {
		const services = statuses.map((s, i) => ({ id: `s${i}`, initialStatus: s }));
		expect(computeStatus(input({ services })).overall).toEqual({ status: worst, affected, total: statuses.length });
	});
});

describe('large histories', () => {
	test('5,000 updates over 30 services are each attributed to their service', () => {
		const services = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, initialStatus: 'down' as const }));
		const statuses = ['paper', 'degraded', 'operational', 'down'] as const;
		const updates = Array.from({ length: 5000 }, (_, i) => ({ id: `u${i}`, date: at(i / 100), services: [], changes: [{ service: `s${i % 30}`, status: statuses[i % 4]! }] }));
		const report = computeStatus(input({ services, updates, now: at(100) }));
		const total = [...report.services.values()].reduce((n, s) => n + s.updateIds.length, 0);
		expect(total).toBe(5000);
		expect(report.lastUpdated).toBe(at(49.99));
	});
});

describe('standby: with no incident declared, every service works normally', () => {
	const standby = (updates: StatusInput['updates'] = []) => computeStatus(input({ incidentStart: undefined, updates }));
	test('without incident start nor incident update, the site is on standby and nothing is affected', () => {
		const report = standby([{ id: 'info', date: at(1), kind: 'information', services: ['etat-civil'], changes: [{ service: 'standard', status: 'down' }] }]);
		expect(report.standby).toBe(true);
		expect(report.incidentStart).toBeUndefined();
		expect(report.overall).toEqual({ status: 'operational', affected: 0, total: 3 });
		expect([...report.services.values()].every((s) => s.status === 'operational' && !s.stale && s.history.length === 0)).toBe(true);
		expect(report.lastUpdated).toBe(at(1));
	});
	test('the first update of kind incident starts the incident: services take their initial status from its date', () => {
		const report = standby([
			{ id: 'info', date: at(1), kind: 'information', services: [], changes: [] },
			{ id: 'attaque', date: at(2), kind: 'incident', services: [], changes: [{ service: 'urbanisme', status: 'paper' }] },
			{ id: 'encore', date: at(3), kind: 'incident', services: [], changes: [] },
		]);
		expect(report.standby).toBe(false);
		expect(report.incidentStart).toBe(at(2));
		expect(report.services.get('etat-civil')).toMatchObject({ status: 'down', since: at(2) });
		expect(report.services.get('urbanisme')).toMatchObject({ status: 'paper', since: at(2) });
		expect(report.overall).toEqual({ status: 'down', affected: 3, total: 3 });
	});
	test('changes announced before the incident started do not apply', () => {
		const report = standby([
			{ id: 'avant', date: at(1), kind: 'information', services: [], changes: [{ service: 'urbanisme', status: 'down' }] },
			{ id: 'attaque', date: at(2), kind: 'incident', services: [], changes: [] },
		]);
		expect(report.services.get('urbanisme')).toMatchObject({ status: 'operational', since: at(2), history: [] });
	});
	test('an incident update dated after now does not end the standby yet', () => {
		expect(standby([{ id: 'attaque', date: at(48), kind: 'incident', services: [], changes: [] }]).standby).toBe(true);
	});
});
