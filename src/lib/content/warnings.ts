/**
 * Problems that do not stop the build but that staff should see: a resolution restoring nothing,
 * an update dated in the future, a past "next update", a disrupted service with no alternative,
 * a status not confirmed for too long.
 * @module
 */
import { isoInZone, toEpoch } from '../dates.ts';
import { message } from '../problems.ts';
import type { StatusReport } from '../status.ts';
import type { Service } from '../../schemas/service.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { UpdateData } from '../../schemas/update.ts';
import type { Parsed } from './collection.ts';
import type { DatedUpdate } from './site-content.ts';
import type { ProblemLog } from './problem-log.ts';

/** Warns about each resolution that changes no service's status, so no service would show as restored. */
export function warnResolutionsWithoutChange(log: ProblemLog, updates: Parsed<UpdateData>[]): void {
	for (const u of updates) {
		if (u.data.kind !== 'resolution' || u.data.changes.length > 0) continue;
		log.warning(u.file.path, u.file.lineOf(['kind']), 'changes', message('expected.restoredService'), message('found.noStatusChange'));
	}
}

/** Warns about updates dated after `now` (published later) and a `nextUpdate` already past. */
export function warnDates(log: ProblemLog, settings: Parsed<Settings>, updates: DatedUpdate[], now: number): void {
	for (const u of updates) {
		if (u.date <= now) continue;
		log.warning(u.file.path, u.file.lineOf(['date']), 'date', message('expected.pastDate'), message('found.futureDate', { date: u.data.date }));
	}
	const next = settings.data.nextUpdate;
	if (next && toEpoch(next) < now) {
		log.warning(settings.file.path, settings.file.lineOf(['nextUpdate']), 'nextUpdate', message('expected.futureDate'), message('found.pastDate', { date: next }));
	}
}

/** Warns about disrupted services without an alternative and services whose status is no longer confirmed. */
export function warnServices(log: ProblemLog, settings: Settings, services: Parsed<Service>[], status: StatusReport): void {
	for (const s of services) {
		const state = status.services.get(s.id);
		if (!state) continue;
		if ((state.status === 'down' || state.status === 'paper') && !s.data.alternative) {
			log.warning(s.file.path, s.file.lineOf([]), 'alternative', message('expected.alternative'), message('found.noAlternative', { status: state.status }));
		}
		if (state.stale) {
			const expected = message('expected.confirmed', { hours: settings.confirmWindowHours });
			const found = message('found.lastConfirmed', { last: isoInZone(state.lastConfirmed, settings.timezone) });
			log.warning(s.file.path, s.file.lineOf(['checked']), 'checked', expected, found);
		}
	}
}
