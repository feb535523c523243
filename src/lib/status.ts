import { STATUSES, type Status } from '../schemas/common.ts';

/**
 * The status engine: every service's current status, since when, its history, and the overall
 * situation, derived from the initial statuses and the status changes announced by updates.
 * Pages only display what this returns. One pass over the updates in date order, so the cost grows
 * linearly with their number.
 *
 * @example
 * const report = computeStatus({
 *   services: [{ id: 'etat-civil', initialStatus: 'down' }],
 *   updates: [{ id: 'papier', date: t1, services: [], changes: [{ service: 'etat-civil', status: 'paper' }] }],
 *   incidentStart: t0, now: t2, confirmWindowHours: 24,
 * });
 * report.services.get('etat-civil'); // { status: 'paper', since: t1, history: [{ from: 'down', to: 'paper', … }], … }
 * report.overall;                    // { status: 'paper', affected: 1, total: 1 }
 */
export interface StatusInput {
	services: { id: string; initialStatus: Status; checked?: number }[];
	/** In any order; changes dated after `now` are not yet in force and are ignored. */
	updates: { id: string; date: number; services: string[]; changes: { service: string; status: Status }[] }[];
	incidentStart: number;
	now: number;
	confirmWindowHours: number;
	/** How long a service back to `operational` shows as "restored". Default 7 days. */
	restoredWindowDays?: number;
}

export interface StatusChange {
	date: number;
	from: Status;
	to: Status;
	updateId: string;
}

export interface ServiceState {
	status: Status;
	/** When the current status began: the change that set it, or the incident start. */
	since: number;
	/** Status changes, oldest first. */
	history: StatusChange[];
	/** Ids of the updates that concern the service, newest first. */
	updateIds: string[];
	/** Latest of: the incident start, the service's `checked`, its newest update. */
	lastConfirmed: number;
	/** Not confirmed within the window: shown as "à confirmer". */
	stale: boolean;
	/** When it came back to `operational`, if that was within the restored window. */
	restoredAt?: number;
}

export interface StatusReport {
	services: Map<string, ServiceState>;
	overall: { status: Status; affected: number; total: number };
	/** Date of the newest update in force, or the incident start. */
	lastUpdated: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function severity(status: Status): number {
	return STATUSES.indexOf(status);
}

export function computeStatus(input: StatusInput): StatusReport {
	const { now, incidentStart } = input;
	const states = new Map<string, ServiceState>();
	for (const service of input.services) {
		states.set(service.id, {
			status: service.initialStatus,
			since: incidentStart,
			history: [],
			updateIds: [],
			lastConfirmed: Math.max(incidentStart, service.checked ?? incidentStart),
			stale: false,
		});
	}
	const inForce = input.updates.filter((u) => u.date <= now).sort((a, b) => a.date - b.date || a.id.localeCompare(b.id));
	for (const update of inForce) {
		const concerned = new Set([...update.services, ...update.changes.map((c) => c.service)]);
		for (const id of concerned) {
			const state = states.get(id);
			if (!state) throw new Error(`L'actualité « ${update.id} » cite le service inconnu « ${id} ».`);
			state.updateIds.push(update.id);
			state.lastConfirmed = Math.max(state.lastConfirmed, update.date);
			const to = update.changes.find((c) => c.service === id)?.status;
			if (to && to !== state.status) {
				state.history.push({ date: update.date, from: state.status, to, updateId: update.id });
				state.status = to;
				state.since = update.date;
			}
		}
	}
	const restoredWindow = (input.restoredWindowDays ?? 7) * DAY;
	let worst: Status = 'operational';
	let affected = 0;
	for (const state of states.values()) {
		state.updateIds.reverse();
		state.stale = now - state.lastConfirmed > input.confirmWindowHours * HOUR;
		if (state.status === 'operational' && state.history.length > 0 && now - state.since <= restoredWindow) state.restoredAt = state.since;
		if (state.status !== 'operational') affected++;
		if (severity(state.status) > severity(worst)) worst = state.status;
	}
	const newest = inForce.at(-1);
	return { services: states, overall: { status: worst, affected, total: states.size }, lastUpdated: newest ? Math.max(newest.date, incidentStart) : incidentStart };
}
