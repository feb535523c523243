import { Temporal } from 'temporal-polyfill';
import { t, type Lang } from '../i18n/ui.ts';

/**
 * Every moment on the site is an epoch in milliseconds until it is shown; it is shown in the town's
 * time zone (Europe/Paris by default), whatever the time zone of the machine that builds the site.
 * French reads times the French way, with no-break spaces: `17 h`, `17 h 30`, `samedi 1er novembre 2025
 * à 8 h 30`; English keeps the 24-hour clock (`Saturday 1 November 2025 at 08:30`), which English
 * readers in France see on every timetable and which cannot be mistaken for a.m. or p.m.
 * A wall time that happens twice (the autumn clock change) says which one it is.
 *
 * @example
 * toEpoch('2024-06-24T08:30+02:00');                       // 1719210600000
 * formatDateTime(1719210600000, 'fr', 'Europe/Paris');     // 'lundi 24 juin 2024 à 8 h 30'
 * formatDateTime(toEpoch('2025-10-26T02:30+01:00'), 'fr', 'Europe/Paris');
 *                                                          // 'dimanche 26 octobre 2025 à 2 h 30 (heure d’hiver)'
 * formatDate(toEpoch('2025-11-01T12:00+01:00'), 'fr', 'Europe/Paris'); // 'samedi 1er novembre 2025'
 * isoInZone(1719210600000, 'Europe/Paris');                // '2024-06-24T08:30:00+02:00'
 */
export function toEpoch(isoWithOffset: string): number {
	return Temporal.Instant.from(isoWithOffset).epochMilliseconds;
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string): Intl.DateTimeFormat {
	const key = `${lang}|${timeZone}`;
	let cached = formatters.get(key);
	if (!cached) {
		cached = new Intl.DateTimeFormat(LOCALES[lang], { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
		formatters.set(key, cached);
	}
	return cached;
}

// A build shows the same few moments on thousands of pages (every banner, every list): each text is
// made once (Temporal and Intl are slow to call) and kept, by kind, language, zone and moment.
const shown = new Map<string, string>();
function once(kind: string, epoch: number, lang: Lang | '', timeZone: string, make: () => string): string {
	const key = `${kind}|${lang}|${timeZone}|${epoch}`;
	let text = shown.get(key);
	if (text === undefined) shown.set(key, (text = make()));
	return text;
}

function partsOf(epoch: number, lang: Lang, timeZone: string): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
	return Object.fromEntries(formatter(lang, timeZone).formatToParts(epoch).map((p) => [p.type, p.value]));
}

/** `samedi 1er novembre 2025`, `Saturday 1 November 2025`. */
export function formatDate(epoch: number, lang: Lang, timeZone: string): string {
	return once('date', epoch, lang, timeZone, () => {
		const { weekday = '', day, month = '', year = '' } = partsOf(epoch, lang, timeZone);
		return t(lang, 'date.long', { weekday, day: Number(day), month, year });
	});
}

/** `1er novembre`, `1 November`: a day of the current weeks, where the weekday and year add nothing. */
export function formatDayMonth(epoch: number, lang: Lang, timeZone: string): string {
	const { day, month = '' } = partsOf(epoch, lang, timeZone);
	return t(lang, 'date.dayMonth', { day: Number(day), month });
}

/** `samedi 1er novembre 2025 à 17 h 30`, with `(heure d’été)` / `(heure d’hiver)` on a repeated hour. */
export function formatDateTime(epoch: number, lang: Lang, timeZone: string): string {
	return once('datetime', epoch, lang, timeZone, () => t(lang, 'date.at', { date: formatDate(epoch, lang, timeZone), time: formatClock(epoch, lang, timeZone) }));
}

/** The time of day of a moment, `17 h 30`, with `(heure d’été)` / `(heure d’hiver)` on a repeated hour. */
export function formatClock(epoch: number, lang: Lang, timeZone: string): string {
	return once('clock', epoch, lang, timeZone, () => {
		const zoned = Temporal.Instant.fromEpochMilliseconds(epoch).toZonedDateTimeISO(timeZone);
		const which = repeatedHour(zoned);
		const time = formatTime(zoned.toPlainTime().toString({ smallestUnit: 'minute' }), lang);
		return which ? t(lang, 'date.repeatedHour', { time, which }) : time;
	});
}

/**
 * When the clocks go back, the same wall time happens twice: `earlier` is the first (still summer
 * time), `later` the second. Undefined for a wall time that happens once.
 */
export function repeatedHour(zoned: Temporal.ZonedDateTime): 'earlier' | 'later' | undefined {
	const wall = zoned.toPlainDateTime();
	const earlier = wall.toZonedDateTime(zoned.timeZoneId, { disambiguation: 'earlier' });
	const later = wall.toZonedDateTime(zoned.timeZoneId, { disambiguation: 'later' });
	if (earlier.epochNanoseconds === later.epochNanoseconds) return undefined;
	return zoned.epochNanoseconds === earlier.epochNanoseconds ? 'earlier' : 'later';
}

/** For `<time datetime>`: local wall time with its offset, so the attribute matches the text. */
export function isoInZone(epoch: number, timeZone: string): string {
	return once('iso', epoch, '', timeZone, () => Temporal.Instant.fromEpochMilliseconds(epoch).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never', smallestUnit: 'second' }));
}

/** A calendar day (`2024-06-30`) and an optional time (`08:00`) in the town's zone, as an epoch. */
export function plainToEpoch(date: string, time: string, timeZone: string): number {
	return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone).epochMilliseconds;
}

/** A time of day the way residents read it: `8 h 30` in French (no-break spaces), `08:30` in English. */
export function formatTime(hhmm: string, lang: Lang): string {
	const [hour = '00', minute = '00'] = hhmm.split(':');
	return t(lang, 'date.time', { hour, minute });
}
