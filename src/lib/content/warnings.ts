/**
 * Problems that do not stop the build but that staff should see: a resolution restoring nothing,
 * an update dated in the future, a past "next update", a disrupted service with no alternative,
 * a status not confirmed for too long.
 * @module
 */
import { isoInZone, toEpoch } from '../dates.ts';
import { text } from '../problems.ts';
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
		const expected = text(
			'le service rétabli, ex. « changes: [{ service: standard, status: operational }] »',
			'the restored service, e.g. "changes: [{ service: standard, status: operational }]"',
		);
		const found = text(
			"aucun changement d'état : aucun service ne sera affiché comme rétabli",
			'no status change: no service will show as restored',
		);
		log.warning(u.file.path, u.file.lineOf(['kind']), 'changes', expected, found);
	}
}

/** Warns about updates dated after `now` (published later) and a `nextUpdate` already past. */
export function warnDates(log: ProblemLog, settings: Parsed<Settings>, updates: DatedUpdate[], now: number): void {
	for (const u of updates) {
		if (u.date <= now) continue;
		const found = text(
			`« ${u.data.date} » (dans le futur : l'actualité ne sera publiée qu'après cette date)`,
			`"${u.data.date}" (in the future: the update will only be published after that date)`,
		);
		log.warning(u.file.path, u.file.lineOf(['date']), 'date', text('une date passée', 'a date in the past'), found);
	}
	const next = settings.data.nextUpdate;
	if (next && toEpoch(next) < now) {
		const found = text(`« ${next} », déjà passée`, `"${next}", already past`);
		log.warning(settings.file.path, settings.file.lineOf(['nextUpdate']), 'nextUpdate', text('une date à venir', 'a date to come'), found);
	}
}

/** Warns about disrupted services without an alternative and services whose status is no longer confirmed. */
export function warnServices(log: ProblemLog, settings: Settings, services: Parsed<Service>[], status: StatusReport): void {
	for (const s of services) {
		const state = status.services.get(s.id);
		if (!state) continue;
		if ((state.status === 'down' || state.status === 'paper') && !s.data.alternative) {
			const expected = text(
				'une solution de remplacement pour un service interrompu ou sur papier',
				'an alternative for a service that is down or on paper',
			);
			const found = text(`aucune, alors que l'état est « ${state.status} »`, `none, while its status is "${state.status}"`);
			log.warning(s.file.path, s.file.lineOf([]), 'alternative', expected, found);
		}
		if (state.stale) {
			const hours = settings.confirmWindowHours;
			const last = isoInZone(state.lastConfirmed, settings.timezone);
			const expected = text(
				`une confirmation de l'état depuis moins de ${hours} h (champ « checked » ou une actualité qui cite le service)`,
				`the status confirmed within ${hours} h (the "checked" field or an update naming the service)`,
			);
			const found = text(
				`dernière confirmation le ${last} : le site affichera « à confirmer »`,
				`last confirmed on ${last}: the site will show "to be confirmed"`,
			);
			log.warning(s.file.path, s.file.lineOf(['checked']), 'checked', expected, found);
		}
	}
}
