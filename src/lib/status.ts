import { STATUSES, type Status } from '../schemas/common.ts';
import type { UpdateKind } from '../schemas/update.ts';
import { concernedServices } from './concerned.ts';

/**
 * The status engine: every service's current status, since when, its history, and the overall
 * situation, derived from the initial statuses and the status changes announced by updates.
 * Pages only display what this returns. One pass over the updates in date order, so the cost grows
 * linearly with their number.
 * The incident starts at the settings' `incidentStart`, or else with the first update of kind `incident`:
 * from then each service has its `initialStatus`. Before that the site is on standby: every service is
 * operational and status changes are not applied (there is nothing to change from); changes in updates
 * dated before the incident start never apply.
 *
 * @example
 * const report = computeStatus({
 *   services: [{ id: 'etat-civil', initialStatus: 'down' }],
 *   updates: [{ id: 'papier', date: t1, services: [], changes: [{ service: 'etat-civil', status: 'paper' }] }],
 *   incidentStart: t0, now: t2, confirmWindowHours: 24,
 * });
 * report.services.get('etat-civil'); // { status: 'paper', since: t1, history: [{ from: 'down', to: 'paper', … }], … }
 * report.overall;                    // { status: 'paper', affected: 1, total: 1 }
 * computeStatus({ services: [{ id: 'etat-civil', initialStatus: 'down' }], updates: [], now: t2, confirmWindowHours: 24 }).standby; // true
 */
export interface StatusInput {
	services: { id: string; initialStatus: Status; checked?: number }[];
	/** In any order; changes dated after `now` are not yet in force and are ignored. */
	updates: { id: string; date: number; kind?: UpdateKind; services: string[]; changes: { service: string; status: Status }[] }[];
	/**
	 * When the incident began, if the settings say so. Left out, it is the date of the first update in
	 * force of kind `incident`; with neither, there is no incident and the site is on standby.
	 */
	incidentStart?: number;
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
	/**
	 * No incident declared yet (no `incidentStart`, no update of kind `incident` in force): every
	 * service works normally and the site is the town's channel kept ready for a crisis.
	 */
	standby: boolean;
	/** When the incident began (settings, or first `incident` update); absent on standby. */
	incidentStart?: number;
	services: Map<string, ServiceState>;
	overall: { status: Status; affected: number; total: number };
	/** Date of the newest update in force, or the incident start (on standby without update: `now`). */
	lastUpdated: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function severity(status: Status): number {
	return STATUSES.indexOf(status);
}

export function computeStatus(input: StatusInput): StatusReport {
	const { now } = input;
	const inForce = input.updates.filter((u) => u.date <= now).sort((a, b) => a.date - b.date || a.id.localeCompare(b.id));
	const declared = input.incidentStart ?? inForce.find((u) => u.kind === 'incident')?.date;
	const standby = declared === undefined;
	// On standby, statuses start (and stay) operational, confirmed as of now: there is nothing to confirm.
	const incidentStart = declared ?? now;
	const states = new Map<string, ServiceState>();
	for (const service of input.services) {
		states.set(service.id, {
			status: standby ? 'operational' : service.initialStatus,
			since: incidentStart,
			history: [],
			updateIds: [],
			lastConfirmed: Math.max(incidentStart, service.checked ?? incidentStart),
			stale: false,
		});
	}
	for (const update of inForce) {
		for (const id of concernedServices(update)) {
			const state = states.get(id);
			if (!state) throw new Error(`L'actualité « ${update.id} » cite le service inconnu « ${id} ».`);
			state.updateIds.push(update.id);
			state.lastConfirmed = Math.max(state.lastConfirmed, update.date);
			const to = update.changes.find((c) => c.service === id)?.status;
			if (to && to !== state.status && !standby && update.date >= incidentStart) {
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
	return { standby, incidentStart: declared, services: states, overall: { status: worst, affected, total: states.size }, lastUpdated: newest ? (standby ? newest.date : Math.max(newest.date, incidentStart)) : incidentStart };
}
