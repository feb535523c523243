import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, test } from 'vitest';
import { calendarEvents, renderCalendar, vtimezone, type CalendarEvent } from '../../src/lib/calendar.ts';
import { loadContent, type SiteContent } from '../../src/lib/content.ts';

const ROOT = new URL('https://ville.example/crise/');
const FIXTURE = 'tests/fixtures/site';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The fixture site with two dated deadlines on one day and one rule without date, for the civil registry. */
function withDeadlines(now?: number): SiteContent {
	const dir = mkdtempSync(join(tmpdir(), 'ics-'));
	dirs.push(dir);
	cpSync(FIXTURE, dir, { recursive: true });
	const service = readFileSync(join(FIXTURE, 'services/etat-civil.yaml'), 'utf8').replace(
		/deadlines:[\s\S]*$/,
		'deadlines:\n  - title: Naissance\n    text: Dans les 5 jours.\n  - title: Mariages de juillet\n    text: Déposez le dossier.\n    date: "2024-07-03"\n  - title: Copies d\'actes\n    text: Demandez-les.\n    date: "2024-07-03"\n  - title: Hiver\n    text: Avant décembre.\n    date: "2024-12-02"\n',
	);
	writeFileSync(join(dir, 'services/etat-civil.yaml'), service);
	return loadContent(dir, now === undefined ? {} : { now }).content!;
}

const render = (content: SiteContent, events: CalendarEvent[]) =>
	renderCalendar(events, { name: 'Dates, à retenir; Testville', description: 'Test', timezone: content.settings.data.fr.timezone, stamp: content.status.lastUpdated, url: 'https://ville.example/crise/calendrier.ics' });

/** Parses with ical.js, its time zones registered, as a calendar app would. */
function parseIcs(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	ICAL.TimezoneService.reset();
	for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('calendar events', () => {
	const content = withDeadlines();
	const events = calendarEvents(content, 'fr', ROOT);
	test('are the election rounds then the dated deadlines, with UIDs derived from ids', () => {
		expect(events.map((e) => e.uid)).toEqual([
			'election-legislatives-round-1@ville.example',
			'election-legislatives-round-2@ville.example',
			'deadline-etat-civil-2024-07-03@ville.example',
			'deadline-etat-civil-2024-07-03-2@ville.example',
			'deadline-etat-civil-2024-12-02@ville.example',
		]);
	});
	test('a deadline without a date is not an event', () => {
		expect(events.map((e) => e.summary).join('\n')).not.toContain('Naissance');
	});
	test('a deadline names its service and points to its page', () => {
		expect({ ...events[2], summary: events[2]!.summary.replace(/\u00a0/g, ' ') }).toMatchObject({ kind: 'deadline', summary: 'Date limite : Mariages de juillet (État civil)', url: 'https://ville.example/crise/services/etat-civil/', date: '2024-07-03' });
		expect(events[2]!.description).toContain('Déposez le dossier.');
	});
	test('a round gives polling hours and points to the polling stations on the elections page', () => {
		expect(events[0]).toMatchObject({ kind: 'round', date: '2024-06-30', opens: '08:00', closes: '18:00', url: 'https://ville.example/crise/elections/' });
		expect((events[0] as { location: string }).location).toBe('Bureaux de vote de Testville — https://ville.example/crise/elections/');
	});
	test('UIDs and the whole file do not depend on when the site is built', () => {
		// A day later, with no new update in force (the fixture's scheduled one comes on 1 July).
		const later = withDeadlines(Date.parse('2024-06-29T18:00:00+02:00'));
		expect(later.now).not.toBe(content.now);
		expect(render(later, calendarEvents(later, 'fr', ROOT))).toBe(render(content, events));
	});
	test('English events keep the same UIDs', () => {
		expect(calendarEvents(content, 'en', ROOT).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
	});
});

describe('the iCalendar file, read by ical.js', () => {
	const content = withDeadlines();
	const ics = render(content, calendarEvents(content, 'fr', ROOT));
	const { calendar, events } = parseIcs(ics);
	test('has every event once, with its UID', () => {
		expect(events.map((e) => e.uid)).toHaveLength(5);
		expect(new Set(events.map((e) => e.uid)).size).toBe(5);
	});
	test('rounds are at 08:00–18:00 Paris time, i.e. 06:00–16:00 UTC in summer', () => {
		expect([events[0]!.startDate.toJSDate().toISOString(), events[0]!.endDate.toJSDate().toISOString()]).toEqual(['2024-06-30T06:00:00.000Z', '2024-06-30T16:00:00.000Z']);
		expect(events[0]!.startDate.zone?.tzid).toBe('Europe/Paris');
	});
	test('deadlines are whole days', () => {
		expect(events[2]!.startDate.isDate).toBe(true);
		expect(events[2]!.startDate.toString()).toBe('2024-07-03');
		expect(events[2]!.endDate.toString()).toBe('2024-07-04');
	});
	test('DTSTAMP is in UTC and is the content’s last update', () => {
		expect(ics).toMatch(/^DTSTAMP:20240627T090000Z\r$/m);
	});
	test('the calendar name is escaped as iCalendar text', () => {
		expect(ics).toContain('\r\nNAME:Dates\\, à retenir\\; Testville\r\n');
		expect(ics).toContain('\r\nX-WR-CALNAME:Dates\\, à retenir\\; Testville\r\n');
		expect(calendar.getFirstPropertyValue('prodid')).toBe('-//town-status-site//calendar//FR');
	});
});

describe('the time zone definition', () => {
	/** An event at 08:00 local time on `date`, in `tz`, as ical.js reads it through our VTIMEZONE. */
	function utcOf(tz: string, date: string): string {
		const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//test//FR', vtimezone(tz, 2024, 2025), 'BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20240101T000000Z', `DTSTART;TZID=${tz}:${date.replace(/-/g, '')}T080000`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
		return parseIcs(ics).events[0]!.startDate.toJSDate().toISOString();
	}
	test.each([
		['Europe/Paris', '2024-06-30', '2024-06-30T06:00:00.000Z'],
		['Europe/Paris', '2024-12-02', '2024-12-02T07:00:00.000Z'],
		['Europe/Paris', '2025-03-31', '2025-03-31T06:00:00.000Z'],
		['America/Cayenne', '2024-06-30', '2024-06-30T11:00:00.000Z'],
		['Pacific/Noumea', '2024-12-02', '2024-12-01T21:00:00.000Z'],
		['UTC', '2024-06-30', '2024-06-30T08:00:00.000Z'],
	])('%s on %s: 08:00 local is %s', (tz, date, utc) => {
		expect(utcOf(tz, date)).toBe(utc);
	});
	test('lists the changes to and from summer time with the wall-clock time they happen at', () => {
		const lines = vtimezone('Europe/Paris', 2024, 2024).split('\r\n');
		expect(lines).toEqual(expect.arrayContaining(['BEGIN:DAYLIGHT', 'DTSTART:20240331T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:20241027T030000']));
		expect(lines[0]).toBe('BEGIN:VTIMEZONE');
		expect(lines.at(-1)).toBe('END:VTIMEZONE');
	});
});
