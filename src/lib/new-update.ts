/**
 * What the staff assistant (`npm run new`) writes: a new update's file name and text, its English
 * version, the settings' next update time, and the times and dates staff pick or type.
 * @module
 */
import slugify from '@sindresorhus/slugify';
import { Temporal } from 'temporal-polyfill';
import { parseDocument, stringify } from 'yaml';
import type { StatusChange, UPDATE_KINDS } from '../schemas/update.ts';
import { t, type Lang } from '../i18n/ui.ts';

/** A new update as the assistant collects it, before it becomes a file. */
export interface NewUpdate {
	kind: (typeof UPDATE_KINDS)[number];
	title: string;
	/** With offset, as `nowInZone` gives it. */
	date: string;
	/** Services it concerns without changing their status. */
	services: string[];
	changes: StatusChange[];
	pinned: boolean;
	corrects?: string;
	body: string;
}

/**
 * The update's file name: its date, then its title as a slug (at most 60 characters).
 *
 * @example
 * updateFileName({ title: "L'état civil rouvre", date: '2024-06-28T09:15+02:00' }); // '2024-06-28-l-etat-civil-rouvre.md'
 */
export function updateFileName(update: Pick<NewUpdate, 'date' | 'title'>): string {
	const slug = slugify(update.title, { customReplacements: [['&', ' et ']] }).slice(0, 60).replace(/-+$/, '') || 'actualite';
	return `${update.date.slice(0, 10)}-${slug}.md`;
}

/**
 * The update's markdown file: front matter with only the fields it uses, then its body.
 *
 * @example
 * renderUpdateFile({ kind: 'information', title: "L'état civil rouvre", date: '2024-06-28T09:15+02:00',
 *   services: [], changes: [{ service: 'etat-civil', status: 'operational' }], pinned: false, body: 'Bonne nouvelle.' });
 * // → "---\ntitle: L'état civil rouvre\ndate: 2024-06-28T09:15+02:00\nkind: information\nchanges: …---\nBonne nouvelle.\n"
 */
export function renderUpdateFile(update: NewUpdate): string {
	const front: Record<string, unknown> = { title: update.title, date: update.date, kind: update.kind };
	if (update.pinned) front.pinned = true;
	if (update.services.length) front.services = update.services;
	if (update.changes.length) front.changes = update.changes;
	if (update.corrects) front.corrects = update.corrects;
	return `---\n${stringify(front, { lineWidth: 0 })}---\n${update.body.trim()}\n`;
}

/** The current time in the town's zone, to the minute, with its offset: `2024-06-28T09:15+02:00`. */
export function nowInZone(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): string {
	return now.toZonedDateTimeISO(timeZone).toString({ smallestUnit: 'minute', timeZoneName: 'never' });
}

/** The English version of an update (`<id>.en.md`): its title and body only. */
export function renderTranslationFile(en: { title: string; body: string }): string {
	return `---\n${stringify({ title: en.title }, { lineWidth: 0 })}---\n${en.body.trim()}\n`;
}

/**
 * `settings.yaml` with `nextUpdate` set (or removed, for `null`), every comment and other line kept.
 *
 * @example
 * setNextUpdate('town: Ville # la commune\n', '2024-06-29T10:00+02:00'); // 'town: Ville # la commune\nnextUpdate: 2024-06-29T10:00+02:00\n'
 */
export function setNextUpdate(settingsSource: string, nextUpdate: string | null): string {
	const doc = parseDocument(settingsSource);
	if (nextUpdate === null) doc.delete('nextUpdate');
	else doc.set('nextUpdate', nextUpdate);
	return doc.toString({ lineWidth: 0 });
}

/**
 * The usual times for the next update, as offered by `npm run new`: in two hours, this evening at 18 h
 * (before 16 h), tomorrow at 10 h and at 17 h; each with its label in staff's language and its value with offset.
 */
export function nextUpdateChoices(timeZone: string, lang: Lang, now: Temporal.Instant = Temporal.Now.instant()): { name: string; value: string }[] {
	const here = now.toZonedDateTimeISO(timeZone).round({ smallestUnit: 'minute', roundingMode: 'ceil' });
	const at = (day: Temporal.ZonedDateTime, hour: number) => day.with({ hour, minute: 0 });
	const tomorrow = here.add({ days: 1 });
	const [hour = '', minute = ''] = here.add({ hours: 2 }).toPlainTime().toString({ smallestUnit: 'minute' }).split(':');
	const choices: [string, Temporal.ZonedDateTime][] = [[t(lang, 'new.ask.inTwoHours', { hour, minute }), here.add({ hours: 2 })]];
	if (here.hour < 16) choices.push([t(lang, 'new.ask.tonight'), at(here, 18)]);
	choices.push([t(lang, 'new.ask.tomorrowAt', { hour: 10 }), at(tomorrow, 10)], [t(lang, 'new.ask.tomorrowAt', { hour: 17 }), at(tomorrow, 17)]);
	return choices.map(([name, when]) => ({ name, value: when.toString({ smallestUnit: 'minute', timeZoneName: 'never' }) }));
}

/**
 * A day and time typed by staff (`2024-06-29 10:00`, or `29/06/2024 10 h`) in the town's zone, with
 * its offset; undefined if it cannot be read.
 */
export function parseLocalDateTime(text: string, timeZone: string): string | undefined {
	const m = /^\s*(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))[ T]+(\d{1,2})\s*(?:h|:)\s*(\d{2})?\s*$/i.exec(text);
	if (!m) return undefined;
	const [year, month, day] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
	try {
		const when = Temporal.PlainDateTime.from({ year: Number(year), month: Number(month), day: Number(day), hour: Number(m[7]), minute: Number(m[8] ?? 0) }, { overflow: 'reject' });
		return when.toZonedDateTime(timeZone).toString({ smallestUnit: 'minute', timeZoneName: 'never' });
	} catch {
		return undefined;
	}
}
