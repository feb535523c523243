import { routes } from '../../i18n/routes.ts';
import { t, type Lang } from '../../i18n/ui.ts';
import type { SiteContent } from '../content.ts';
import { isoInZone } from '../dates.ts';
import { absolute } from '../site-url.ts';
import { situationOf, situationSentence } from '../situation.ts';
import { nextUpdate } from '../status-words.ts';

/**
 * The current state in one language, as every status file reads it (status-json.ts, statuspage.ts,
 * status-txt.ts each write it in their own format): the site, the situation, each service with its
 * state and page, the updates in force. Texts are as staff typed them (each file makes them inert
 * in its own way); dates are epochs, given by `iso` with the town's offset.
 *
 * @example
 * const view = statusView(content, 'fr', new URL('https://ville.fr/crise/'));
 * view.services[0]; // { id: 'etat-civil', name: 'État civil', state: { status: 'paper', stale: true, … }, alternative: 'Déclarations…', url: 'https://ville.fr/crise/services/etat-civil/', … }
 * view.iso(view.lastUpdated); // '2024-06-27T11:00:00+02:00'
 */
export function statusView(content: SiteContent, lang: Lang, root: URL) {
	const r = routes(lang);
	const settings = content.settings.data[lang];
	const timezone = content.settings.data.fr.timezone;
	const { status } = content;
	return {
		lang,
		root,
		/** The town's time zone: every file gives its dates in it. */
		timezone,
		/** An epoch as ISO 8601 with the town's offset, e.g. `2024-06-27T11:00:00+02:00`. */
		iso: (epoch: number) => isoInZone(epoch, timezone),
		town: settings.town,
		/** The site's title and town, as the pages' titles give them. */
		siteName: `${t(lang, 'site.title')} — ${settings.town}`,
		homeUrl: absolute(root, r.home),
		/** The banner's sentence: whether the town hall is open, how many services work differently. */
		situation: status.standby ? t(lang, 'standby.title') : situationSentence(situationOf(settings.contacts, status.overall), lang),
		overall: status.overall,
		contacts: settings.contacts,
		/** The moment statuses and staleness were computed: the build time (or the replay clock). */
		now: content.now,
		/** Date of the newest update in force, or the incident start. */
		lastUpdated: status.lastUpdated,
		/** When the incident began; on standby, when the newest update came (the services' state is as old as that). */
		since: status.incidentStart ?? status.lastUpdated,
		nextUpdate: nextUpdate(content.settings.data.fr.nextUpdate, content.now),
		/** In the settings' order of categories, then the services' order. */
		services: content.services.map((service) => {
			const text = service.data[lang];
			const { name, description, alternative } = text;
			const state = status.services.get(service.id)!;
			return {
				id: service.id,
				/** Every field of the service as staff wrote it, in the view's language: a new field needs no change here. */
				text,
				name,
				description,
				category: service.data.fr.category,
				state,
				/** The one-line alternative while the service is disrupted, if it has one. */
				alternative: state.status === 'operational' ? undefined : alternative?.summary,
				url: absolute(root, r.service(service.id)),
			};
		}),
		/** Updates in force, newest first. */
		updates: content.updates.map((update) => ({ id: update.id, title: update.data[lang].title, html: update.html[lang], date: update.date, pinned: update.data.fr.pinned, url: absolute(root, r.update(update.id)) })),
	};
}

export type StatusView = ReturnType<typeof statusView>;
export type ServiceView = StatusView['services'][number];
