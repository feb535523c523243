import { t } from '../../i18n/ui.ts';
import type { Status } from '../../schemas/common.ts';
import { htmlToText, inertText } from '../plain-text.ts';
import type { ServiceView, StatusView } from './view.ts';

/** Our four statuses onto Statuspage's component statuses and page indicator, worst to worst. */
export const STATUSPAGE_COMPONENT = { operational: 'operational', degraded: 'degraded_performance', paper: 'partial_outage', down: 'major_outage' } as const satisfies Record<Status, string>;
export const STATUSPAGE_INDICATOR = { operational: 'none', degraded: 'minor', paper: 'major', down: 'critical' } as const satisfies Record<Status, string>;

/** Incident updates listed in the summary: the newest ones, so the file stays small on a bad network. */
export const INCIDENT_UPDATES_LIMIT = 50;

/**
 * The current state in the shape of Atlassian Statuspage's public `/api/v2/summary.json`, so that tools
 * that already read Statuspage pages can read this one. The whole crisis is one incident, unresolved
 * while any service is disrupted (else the list is empty: Statuspage lists unresolved incidents only);
 * the updates in force are its incident updates, newest first; services are components. Statuspage
 * pages have one language: the view is the French one. Every text from the content is made inert.
 *
 * @example
 * statuspageSummary(statusView(content, 'fr', root)).status;
 * // { indicator: 'major', description: '2 services sur 3 fonctionnent autrement.' }
 */
export function statuspageSummary(view: StatusView) {
	const pageId = `${view.root.hostname}${view.root.pathname}`.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
	const components = view.services.map((service, i) => component(view, service, i + 1, pageId));
	return {
		page: { id: pageId, name: inertText(view.siteName), url: view.homeUrl, time_zone: view.timezone, updated_at: view.iso(view.lastUpdated) },
		status: { indicator: STATUSPAGE_INDICATOR[view.overall.status], description: view.situation },
		components,
		incidents: view.overall.status === 'operational' ? [] : [incident(view, pageId, components)],
		scheduled_maintenances: [] as never[],
	};
}

type Component = ReturnType<typeof component>;

/** A service as a component; it exists since the incident began. */
function component(view: StatusView, service: ServiceView, position: number, pageId: string) {
	return {
		id: service.id,
		name: inertText(service.name),
		status: STATUSPAGE_COMPONENT[service.state.status],
		created_at: view.iso(view.since),
		updated_at: view.iso(service.state.since),
		position,
		/** What to do instead while disrupted, else what the service is. */
		description: inertText(service.alternative ?? service.description),
		showcase: true,
		start_date: null,
		group_id: null,
		page_id: pageId,
		group: false,
		only_show_if_degraded: false,
	};
}

function incident(view: StatusView, pageId: string, components: Component[]) {
	const start = view.iso(view.since);
	const id = `incident-${start.slice(0, 10)}`;
	const affected = affectedComponents(view);
	return {
		id,
		name: inertText(t(view.lang, 'statusFile.incident', { town: view.town })),
		status: 'identified' as const,
		created_at: start,
		updated_at: view.iso(view.lastUpdated),
		monitoring_at: null,
		resolved_at: null,
		impact: STATUSPAGE_INDICATOR[view.overall.status],
		shortlink: view.homeUrl,
		started_at: start,
		page_id: pageId,
		incident_updates: view.updates.slice(0, INCIDENT_UPDATES_LIMIT).map((update) => ({
			id: update.id,
			status: 'identified' as const,
			body: `${inertText(update.title)}\n\n${htmlToText(update.html)}\n\n${update.url}`,
			incident_id: id,
			created_at: view.iso(update.date),
			updated_at: view.iso(update.date),
			display_at: view.iso(update.date),
			affected_components: affected.get(update.id) ?? null,
			deliver_notifications: true,
			custom_tweet: null,
			tweet_id: null,
		})),
		components: components.filter((c) => c.status !== 'operational'),
	};
}

/** By update id, the components whose status it changed, with their status before and after. */
function affectedComponents(view: StatusView) {
	const changes = new Map<string, { code: string; name: string; old_status: Component['status']; new_status: Component['status'] }[]>();
	for (const service of view.services) {
		for (const change of service.state.history) {
			const list = changes.get(change.updateId) ?? [];
			list.push({ code: service.id, name: inertText(service.name), old_status: STATUSPAGE_COMPONENT[change.from], new_status: STATUSPAGE_COMPONENT[change.to] });
			changes.set(change.updateId, list);
		}
	}
	return changes;
}
