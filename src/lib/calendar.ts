import ical, { escape, ICalCalendarMethod } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { routes } from '../i18n/routes.ts';
import { t, type Lang } from '../i18n/ui.ts';
import type { SiteContent } from './content.ts';
import { formatTime } from './dates.ts';
import { renderMarkdown } from './markdown.ts';
import { htmlToText, inertText } from './plain-text.ts';
import { absolute } from './site-url.ts';

/**
 * The calendar residents can subscribe to (`/calendrier.ics`): every election round with its polling
 * hours in the town's time zone, and every service deadline that has a date, as all-day events.
 *
 * UIDs come from content ids, never from the build, so that re-importing or refreshing the calendar
 * updates the events instead of duplicating them: `election-<election id>-round-<n>@<site host>` and
 * `deadline-<service id>-<date>@<site host>` (with `-2`, `-3`… for a second deadline of one service on
 * the same day). A deadline has no id of its own: if staff change its date, calendars see a new event.
 *
 * @example
 * const root = new URL('https://ville.fr/crise/');
 * const events = calendarEvents(content, 'fr', root);
 * events[0]; // { uid: 'election-legislatives-round-1@ville.fr', kind: 'round', date: '2024-06-30', opens: '08:00', … }
 * const ics = renderCalendar(events, { name: 'Dates à retenir — Testville', description: '…', timezone: 'Europe/Paris',
 *   stamp: content.status.lastUpdated, url: absolute(root, '/calendrier.ics') });
 */
interface BaseEvent {
	uid: string;
	summary: string;
	description: string;
	/** The page that explains it, absolute. */
	url: string;
	/** Calendar day, `2024-06-30`. */
	date: string;
}

export interface RoundEvent extends BaseEvent {
	kind: 'round';
	/** Polling hours, `08:00` and `18:00`, in the calendar's time zone. */
	opens: string;
	closes: string;
	location: string;
}

export interface DeadlineEvent extends BaseEvent {
	kind: 'deadline';
}

export type CalendarEvent = RoundEvent | DeadlineEvent;

/** Rounds then deadlines, each in date order. */
export function calendarEvents(content: SiteContent, lang: Lang, root: URL): CalendarEvent[] {
	const r = routes(lang);
	const host = root.hostname;
	const town = content.settings.data[lang].town;
	const electionsUrl = absolute(root, r.elections);
	const rounds: RoundEvent[] = content.elections.flatMap((election) => {
		const e = election.data[lang];
		const identity = htmlToText(renderMarkdown(e.identity));
		return e.rounds.map((round, i): RoundEvent => ({
			kind: 'round',
			uid: `election-${election.id}-round-${i + 1}@${host}`,
			summary: inertText(`${e.title} — ${round.name}`),
			description: [t(lang, 'calendar.open', { range: t(lang, 'elections.timeRange', { opens: formatTime(round.opens, lang), closes: formatTime(round.closes, lang) }) }), identity, t(lang, 'calendar.stationsList', { url: electionsUrl })].join('\n\n'),
			url: electionsUrl,
			date: round.date,
			opens: round.opens,
			closes: round.closes,
			location: inertText(`${t(lang, 'calendar.stations', { town })} — ${electionsUrl}`),
		}));
	});
	const deadlines: DeadlineEvent[] = content.services.flatMap((service) => {
		const s = service.data[lang];
		const url = absolute(root, r.service(service.id));
		const seen = new Map<string, number>();
		return s.deadlines.flatMap((d): DeadlineEvent[] => {
			if (!d.date) return [];
			const n = (seen.get(d.date) ?? 0) + 1;
			seen.set(d.date, n);
			return [{
				kind: 'deadline',
				uid: `deadline-${service.id}-${d.date}${n > 1 ? `-${n}` : ''}@${host}`,
				summary: inertText(`${t(lang, 'calendar.deadline', { title: d.title })} (${s.name})`),
				description: inertText([d.text, t(lang, 'calendar.more', { url })].join('\n\n')),
				url,
				date: d.date,
			}];
		});
	});
	const byDate = (a: CalendarEvent, b: CalendarEvent) => a.date.localeCompare(b.date);
	return [...rounds.sort(byDate), ...deadlines.sort(byDate)];
}

export interface CalendarOptions {
	name: string;
	description: string;
	/** IANA zone of polling hours, e.g. `Europe/Paris`. */
	timezone: string;
	/** DTSTAMP of every event: the content's last update, so the same content gives the same file. */
	stamp: number;
	/** The calendar's own address. */
	url: string;
}

/** The events as an RFC 5545 calendar, with a VTIMEZONE for the zone the rounds are in. */
export function renderCalendar(events: CalendarEvent[], options: CalendarOptions): string {
	const years = events.map((e) => Number(e.date.slice(0, 4)));
	const first = Math.min(...years, new Date(options.stamp).getUTCFullYear());
	const last = Math.max(...years, first);
	const calendar = ical({
		// ical-generator writes these two as they are: escape them as TEXT values (`,` `;` `\` and line breaks).
		name: escape(options.name, false),
		description: escape(options.description, false),
		url: options.url,
		prodId: { company: 'town-status-site', product: 'calendar', language: 'FR' },
		method: ICalCalendarMethod.PUBLISH,
		// The calendar's own zone stays unset, so that DTSTAMP is in UTC as RFC 5545 requires; the generator
		// still writes a VTIMEZONE for every zone events use.
		timezone: { name: null, generator: (tz) => vtimezone(tz, first, last) },
		ttl: 6 * 3600,
	});
	const stamp = new Date(options.stamp);
	for (const e of events) {
		const common = { id: e.uid, stamp, summary: e.summary, description: e.description, url: e.url };
		if (e.kind === 'round') {
			calendar.createEvent({
				...common,
				timezone: options.timezone,
				start: Temporal.PlainDateTime.from(`${e.date}T${e.opens}`).toZonedDateTime(options.timezone),
				end: Temporal.PlainDateTime.from(`${e.date}T${e.closes}`).toZonedDateTime(options.timezone),
				location: e.location,
			});
		} else {
			const day = Temporal.PlainDate.from(e.date);
			calendar.createEvent({ ...common, allDay: true, start: day, end: day.add({ days: 1 }) });
		}
	}
	return calendar.toString();
}

/**
 * A VTIMEZONE component for `tz`, listing every offset change from the one in force on 1 January of
 * `fromYear` to the end of `toYear`, computed from the platform's time zone data (no extra package).
 *
 * @example
 * vtimezone('Europe/Paris', 2024, 2024);
 * // BEGIN:VTIMEZONE / TZID:Europe/Paris / BEGIN:STANDARD / DTSTART:20231029T030000 / TZOFFSETFROM:+0200 / TZOFFSETTO:+0100 / …
 */
export function vtimezone(tz: string, fromYear: number, toYear: number): string {
	const start = Temporal.ZonedDateTime.from({ timeZone: tz, year: fromYear, month: 1, day: 1 });
	const end = Temporal.ZonedDateTime.from({ timeZone: tz, year: toYear + 1, month: 1, day: 1 });
	const transitions: Temporal.ZonedDateTime[] = [];
	const previous = start.getTimeZoneTransition('previous');
	if (previous) transitions.push(previous);
	for (let next = start.getTimeZoneTransition('next'); next && Temporal.ZonedDateTime.compare(next, end) < 0; next = next.getTimeZoneTransition('next')) transitions.push(next);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
	if (transitions.length === 0) {
		const offset = formatOffset(start.offsetNanoseconds);
		lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
	}
	for (const transition of transitions) {
		const to = transition.offsetNanoseconds;
		const from = transition.subtract({ nanoseconds: 1 }).offsetNanoseconds;
		// DTSTART is the wall-clock time at which the change happens, read with the offset before it.
		const local = transition.toInstant().add({ nanoseconds: from }).toZonedDateTimeISO('UTC').toPlainDateTime();
		const type = to > from ? 'DAYLIGHT' : 'STANDARD';
		lines.push(`BEGIN:${type}`, `DTSTART:${formatLocal(local)}`, `TZOFFSETFROM:${formatOffset(from)}`, `TZOFFSETTO:${formatOffset(to)}`, `END:${type}`);
	}
	lines.push('END:VTIMEZONE');
	return lines.join('\r\n');
}

function formatOffset(nanoseconds: number): string {
	const minutes = Math.round(nanoseconds / 60e9);
	const abs = Math.abs(minutes);
	return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function formatLocal(d: Temporal.PlainDateTime): string {
	const p = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${p(d.year, 4)}${p(d.month)}${p(d.day)}T${p(d.hour)}${p(d.minute)}${p(d.second)}`;
}
