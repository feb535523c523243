import { routes } from '../i18n/routes.ts';
import { t, type Lang } from '../i18n/ui.ts';
import type { Status } from '../schemas/common.ts';
import type { SiteContent } from './content.ts';
import { formatDateTime, isoInZone, toEpoch } from './dates.ts';
import { fit, MESSAGE_LIMITS, shortAddress } from './messages.ts';
import { htmlToText, inertText } from './plain-text.ts';
import { situationOf, situationSentence } from './situation.ts';
import { absolute } from './site-url.ts';

/**
 * The current state for programs and phones, built from the status report only (pure functions):
 * - `statusJson`: the site's own format (`/status.json`, `/en/status.json`), documented in docs/endpoints.md;
 * - `statuspageSummary`: the shape of Atlassian Statuspage's public `/api/v2/summary.json`, so that tools
 *   that already read Statuspage pages can read this one;
 * - `statusText`: a few lines of plain text to read on a phone or forward by SMS (`/status.txt`).
 * Every text taken from the content is made inert (`inertText`): no tag can form in it.
 *
 * @example
 * const root = new URL('https://ville.fr/crise/');
 * statusJson(content, 'fr', root).services[0];  // { id: 'etat-civil', status: 'paper', stale: true, url: 'https://ville.fr/crise/services/etat-civil/', … }
 * statuspageSummary(content, root).status;      // { indicator: 'major', description: '2 services sur 3 fonctionnent autrement.' }
 * statusText(content, 'fr', root);              // 'Testville — mise à jour : jeudi 27 juin 2024 à 11:00\n…'
 */

/** Bumped only when a field is removed or changes meaning; new fields may appear without a bump. */
export const STATUS_JSON_VERSION = 1;

export interface StatusJson {
	version: typeof STATUS_JSON_VERSION;
	language: Lang;
	site: { name: string; town: string; url: string };
	/** The moment statuses and staleness were computed: the build time (or the replay clock). */
	asOf: string;
	/** Date of the newest update in force, or the incident start. */
	lastUpdated: string;
	/** When the next update is expected, if staff said so. */
	nextUpdate: string | null;
	overall: { status: Status; label: string; affected: number; total: number; summary: string };
	services: StatusJsonService[];
	pinned: { id: string; title: string; date: string; url: string }[];
}

export interface StatusJsonService {
	id: string;
	name: string;
	/** Category id from the settings. */
	category: string;
	status: Status;
	/** The status in words, in the file's language. */
	label: string;
	since: string;
	/** Not confirmed within the confirmation window: treat the status as "to be confirmed". */
	stale: boolean;
	lastConfirmed: string;
	/** When it came back to `operational`, if recently. */
	restoredAt: string | null;
	/** The one-line alternative while the service is disrupted, else null. */
	alternative: string | null;
	url: string;
}

export function statusJson(content: SiteContent, lang: Lang, root: URL): StatusJson {
	const r = routes(lang);
	const settings = content.settings.data[lang];
	const tz = content.settings.data.fr.timezone;
	const iso = (epoch: number) => isoInZone(epoch, tz);
	const { overall } = content.status;
	return {
		version: STATUS_JSON_VERSION,
		language: lang,
		site: { name: inertText(`${t(lang, 'site.title')} — ${settings.town}`), town: inertText(settings.town), url: absolute(root, r.home) },
		asOf: iso(content.now),
		lastUpdated: iso(content.status.lastUpdated),
		nextUpdate: content.settings.data.fr.nextUpdate ? iso(toEpoch(content.settings.data.fr.nextUpdate)) : null,
		overall: { status: overall.status, label: t(lang, `status.${overall.status}`), affected: overall.affected, total: overall.total, summary: situation(content, lang) },
		services: content.services.map((service) => {
			const state = content.status.services.get(service.id)!;
			const s = service.data[lang];
			return {
				id: service.id,
				name: inertText(s.name),
				category: service.data.fr.category,
				status: state.status,
				label: t(lang, `status.${state.status}`),
				since: iso(state.since),
				stale: state.stale,
				lastConfirmed: iso(state.lastConfirmed),
				restoredAt: state.restoredAt === undefined ? null : iso(state.restoredAt),
				alternative: state.status !== 'operational' && s.alternative ? inertText(s.alternative.summary) : null,
				url: absolute(root, r.service(service.id)),
			};
		}),
		pinned: content.updates.filter((u) => u.data.fr.pinned).map((u) => ({ id: u.id, title: inertText(u.data[lang].title), date: iso(u.date), url: absolute(root, r.update(u.id)) })),
	};
}

/** The banner's sentence: whether the town hall is open, how many services work differently. */
function situation(content: SiteContent, lang: Lang): string {
	if (content.status.standby) return t(lang, 'standby.title');
	return situationSentence(situationOf(content.settings.data[lang].contacts, content.status.overall), lang);
}

// ——— Statuspage ———

export type StatuspageComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage';
export type StatuspageIndicator = 'none' | 'minor' | 'major' | 'critical';

/** Our four statuses onto Statuspage's component statuses and page indicator, worst to worst. */
export const STATUSPAGE_COMPONENT: Record<Status, StatuspageComponentStatus> = { operational: 'operational', degraded: 'degraded_performance', paper: 'partial_outage', down: 'major_outage' };
export const STATUSPAGE_INDICATOR: Record<Status, StatuspageIndicator> = { operational: 'none', degraded: 'minor', paper: 'major', down: 'critical' };

export interface StatuspageComponent {
	id: string;
	name: string;
	status: StatuspageComponentStatus;
	created_at: string;
	updated_at: string;
	position: number;
	description: string | null;
	showcase: boolean;
	start_date: string | null;
	group_id: string | null;
	page_id: string;
	group: boolean;
	only_show_if_degraded: boolean;
}

export interface StatuspageIncidentUpdate {
	id: string;
	status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
	body: string;
	incident_id: string;
	created_at: string;
	updated_at: string;
	display_at: string;
	affected_components: { code: string; name: string; old_status: StatuspageComponentStatus; new_status: StatuspageComponentStatus }[] | null;
	deliver_notifications: boolean;
	custom_tweet: null;
	tweet_id: null;
}

export interface StatuspageIncident {
	id: string;
	name: string;
	status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
	created_at: string;
	updated_at: string;
	monitoring_at: string | null;
	resolved_at: string | null;
	impact: StatuspageIndicator;
	shortlink: string;
	started_at: string;
	page_id: string;
	incident_updates: StatuspageIncidentUpdate[];
	components: StatuspageComponent[];
}

export interface StatuspageSummary {
	page: { id: string; name: string; url: string; time_zone: string; updated_at: string };
	status: { indicator: StatuspageIndicator; description: string };
	components: StatuspageComponent[];
	incidents: StatuspageIncident[];
	scheduled_maintenances: never[];
}

/** Incident updates listed in the summary: the newest ones, so the file stays small on a bad network. */
export const INCIDENT_UPDATES_LIMIT = 50;

/**
 * The whole crisis is one Statuspage incident, unresolved while any service is disrupted (then the list
 * is empty, as Statuspage lists unresolved incidents only); the updates in force are its incident
 * updates, newest first (at most `INCIDENT_UPDATES_LIMIT`). Services are components; texts are in French.
 */
export function statuspageSummary(content: SiteContent, root: URL): StatuspageSummary {
	const lang: Lang = 'fr';
	const r = routes(lang);
	const settings = content.settings.data[lang];
	const tz = content.settings.data.fr.timezone;
	const iso = (epoch: number) => isoInZone(epoch, tz);
	// On standby there is no incident (the list below is empty); components exist since the newest update.
	const incidentStart = content.status.incidentStart ?? content.status.lastUpdated;
	const pageId = `${root.hostname}${root.pathname}`.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
	const { overall } = content.status;
	const components = content.services.map((service, i): StatuspageComponent => {
		const state = content.status.services.get(service.id)!;
		const s = service.data[lang];
		return {
			id: service.id,
			name: inertText(s.name),
			status: STATUSPAGE_COMPONENT[state.status],
			created_at: iso(incidentStart),
			updated_at: iso(state.since),
			position: i + 1,
			description: inertText(state.status !== 'operational' && s.alternative ? s.alternative.summary : s.description),
			showcase: true,
			start_date: null,
			group_id: null,
			page_id: pageId,
			group: false,
			only_show_if_degraded: false,
		};
	});
	const incidentId = `incident-${iso(incidentStart).slice(0, 10)}`;
	// The status before and after each change, to list the components an update affected.
	const changesOf = new Map<string, { code: string; name: string; old_status: StatuspageComponentStatus; new_status: StatuspageComponentStatus }[]>();
	for (const service of content.services) {
		for (const h of content.status.services.get(service.id)!.history) {
			changesOf.set(h.updateId, [...(changesOf.get(h.updateId) ?? []), { code: service.id, name: inertText(service.data[lang].name), old_status: STATUSPAGE_COMPONENT[h.from], new_status: STATUSPAGE_COMPONENT[h.to] }]);
		}
	}
	const incidents: StatuspageIncident[] =
		overall.status === 'operational'
			? []
			: [
					{
						id: incidentId,
						name: inertText(t(lang, 'statusFile.incident', { town: settings.town })),
						status: 'identified',
						created_at: iso(incidentStart),
						updated_at: iso(content.status.lastUpdated),
						monitoring_at: null,
						resolved_at: null,
						impact: STATUSPAGE_INDICATOR[overall.status],
						shortlink: absolute(root, r.home),
						started_at: iso(incidentStart),
						page_id: pageId,
						incident_updates: content.updates.slice(0, INCIDENT_UPDATES_LIMIT).map((u) => ({
							id: u.id,
							status: 'identified',
							body: `${inertText(u.data[lang].title)}\n\n${htmlToText(u.html[lang])}\n\n${absolute(root, r.update(u.id))}`,
							incident_id: incidentId,
							created_at: iso(u.date),
							updated_at: iso(u.date),
							display_at: iso(u.date),
							affected_components: changesOf.get(u.id) ?? null,
							deliver_notifications: true,
							custom_tweet: null,
							tweet_id: null,
						})),
						components: components.filter((c) => c.status !== 'operational'),
					},
				];
	return {
		page: { id: pageId, name: inertText(`${t(lang, 'site.title')} — ${settings.town}`), url: absolute(root, r.home), time_zone: tz, updated_at: iso(content.status.lastUpdated) },
		status: { indicator: STATUSPAGE_INDICATOR[overall.status], description: situation(content, lang) },
		components,
		incidents,
		scheduled_maintenances: [],
	};
}

// ——— Plain text ———

/**
 * A few lines for a phone screen or an SMS. The first line is one SMS on its own (at most 160
 * characters, see `statusSmsLine`); below it: town and date, the situation, one line per disrupted
 * service with what to do instead, the switchboard (first working phone contact) and the site's address.
 * To stay short, a service's name loses its parenthesised details and its alternative is cut after
 * its first sentence; the address leads to the rest.
 */
export function statusText(content: SiteContent, lang: Lang, root: URL): string {
	const settings = content.settings.data[lang];
	const tz = content.settings.data.fr.timezone;
	const colon = t(lang, 'colon');
	const phone = settings.contacts.find((c) => c.kind === 'phone' && c.working);
	const lines = [statusSmsLine(settings.town, situation(content, lang), phone?.value, root), '', `${settings.town} — ${t(lang, 'statusFile.updated').toLocaleLowerCase(lang)}${colon} ${formatDateTime(content.status.lastUpdated, lang, tz)}`, situation(content, lang)];
	for (const service of content.services) {
		const state = content.status.services.get(service.id)!;
		if (state.status === 'operational') continue;
		const s = service.data[lang];
		const status = t(lang, `status.${state.status}`);
		const stale = state.stale ? ` (${t(lang, 'status.stale').toLocaleLowerCase(lang)})` : '';
		const instead = s.alternative ? ` ${t(lang, 'services.insteadShort')} ${firstSentence(s.alternative.summary)}` : '';
		lines.push(`- ${shortName(s.name)}${colon} ${status.charAt(0).toLocaleLowerCase(lang)}${status.slice(1)}${stale}.${instead}`);
	}
	if (phone) lines.push(`${phone.label}${colon} ${phone.value}`);
	lines.push(absolute(root, routes(lang).home));
	return `${inertText(lines.join('\n'))}\n`;
}

/**
 * The situation in one SMS (at most 160 characters): town, situation, phone, short address; the phone
 * goes first, then the situation is cut, when it is too long.
 *
 * @example
 * statusSmsLine('Ville', 'Tous les services fonctionnent normalement.', '02 00 00 00 00', new URL('https://info.ville.fr/'));
 * // 'Ville : Tous les services fonctionnent normalement. Tél. 02 00 00 00 00. info.ville.fr'
 */
export function statusSmsLine(town: string, situation: string, phone: string | undefined, root: URL): string {
	const address = shortAddress(root);
	const withPhone = `${town} : ${situation}${phone ? ` Tél. ${phone}.` : ''} ${address}`;
	if (withPhone.length <= MESSAGE_LIMITS.sms) return withPhone;
	return `${fit(`${town} : ${situation}`, MESSAGE_LIMITS.sms - address.length - 1)} ${address}`;
}

/** `État civil (naissances, mariages, décès)` → `État civil`: the clarification is on the site. */
function shortName(name: string): string {
	return name.replace(/\s*\([^)]*\)/g, '').trim() || name;
}

/** The first sentence of a one-line alternative: the rest is on the service's page. */
function firstSentence(text: string): string {
	return /^.+?[.!?](?=\s|$)/.exec(text.trim())?.[0] ?? text.trim();
}
