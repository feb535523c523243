import { t } from '../../i18n/ui.ts';
import { inertText } from '../plain-text.ts';
import { lacksAlternative, noAlternative, statusWords } from '../status-words.ts';
import type { ServiceView, StatusView } from './view.ts';

/** Bumped only when a field is removed or changes meaning; new fields may appear without a bump. */
export const STATUS_JSON_VERSION = 1;

/**
 * The site's own format for programs (`/status.json`, `/en/status.json`), documented field by field in
 * docs/endpoints.md. Every text taken from the content is made inert (`inertText`).
 *
 * @example
 * statusJson(statusView(content, 'fr', root)).services[0];
 * // { id: 'etat-civil', status: 'paper', stale: true, url: 'https://ville.fr/crise/services/etat-civil/', … }
 */
export function statusJson(view: StatusView) {
	const { iso, overall, nextUpdate } = view;
	return {
		version: STATUS_JSON_VERSION,
		language: view.lang,
		site: { name: inertText(view.siteName), town: inertText(view.town), url: view.homeUrl },
		asOf: iso(view.now),
		lastUpdated: iso(view.lastUpdated),
		/** When the next update is expected, if staff said so and that time has not passed. */
		nextUpdate: nextUpdate.kind === 'due' ? iso(nextUpdate.at) : null,
		/** The announced next update is late: its time has passed without a newer announcement. */
		nextUpdateLate: nextUpdate.kind === 'late',
		overall: { status: overall.status, label: t(view.lang, `status.${overall.status}`), affected: overall.affected, total: overall.total, summary: view.situation },
		services: view.services.map((service) => jsonService(view, service)),
		pinned: view.updates.filter((u) => u.pinned).map((u) => ({ id: u.id, title: inertText(u.title), date: iso(u.date), url: u.url })),
	};
}

function jsonService(view: StatusView, service: ServiceView) {
	const { state } = service;
	return {
		id: service.id,
		name: inertText(service.name),
		/** Category id from the settings. */
		category: service.category,
		status: state.status,
		/** The status in words, in the file's language; for a stale service, as last confirmed ("Fonctionnait le … — à confirmer"). */
		label: inertText(statusWords(state, view.lang, view.timezone)),
		since: view.iso(state.since),
		/** Not confirmed within the confirmation window: treat the status as "to be confirmed". */
		stale: state.stale,
		lastConfirmed: view.iso(state.lastConfirmed),
		/** When it came back to `operational`, if recently. */
		restoredAt: state.restoredAt === undefined ? null : view.iso(state.restoredAt),
		alternative: service.alternative === undefined ? null : inertText(service.alternative),
		/** For a disrupted service without alternative: says so, and who to call. */
		noAlternative: lacksAlternative(state, service.alternative) ? inertText(noAlternative(view.contacts, view.lang)) : null,
		url: service.url,
	};
}
