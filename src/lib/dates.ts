import { Temporal } from 'temporal-polyfill';
import type { Lang } from '../i18n/ui.ts';

/**
 * Every moment on the site is an epoch in milliseconds until it is shown; it is shown in the town's
 * time zone (Europe/Paris by default), whatever the time zone of the machine that builds the site.
 *
 * @example
 * toEpoch('2024-06-24T08:30+02:00');                              // 1719210600000
 * formatDateTime(1719210600000, 'fr', 'Europe/Paris');            // 'lundi 24 juin 2024 à 08:30'
 * isoInZone(1719210600000, 'Europe/Paris');                       // '2024-06-24T08:30:00+02:00'
 */
export function toEpoch(isoWithOffset: string): number {
	return Temporal.Instant.from(isoWithOffset).epochMilliseconds;
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
	let cached = formatters.get(key);
	if (!cached) {
		cached = new Intl.DateTimeFormat(LOCALES[lang], { timeZone, ...options });
		formatters.set(key, cached);
	}
	return cached;
}

export function formatDateTime(epoch: number, lang: Lang, timeZone: string): string {
	return formatter(lang, timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(epoch);
}

export function formatDate(epoch: number, lang: Lang, timeZone: string): string {
	return formatter(lang, timeZone, { dateStyle: 'full' }).format(epoch);
}

export function formatShortDateTime(epoch: number, lang: Lang, timeZone: string): string {
	return formatter(lang, timeZone, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(epoch);
}

/** For `<time datetime>`: local wall time with its offset, so the attribute matches the text. */
export function isoInZone(epoch: number, timeZone: string): string {
	return Temporal.Instant.fromEpochMilliseconds(epoch).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** A calendar day (`2024-06-30`) and an optional time (`08:00`) in the town's zone, as an epoch. */
export function plainToEpoch(date: string, time: string, timeZone: string): number {
	return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone).epochMilliseconds;
}

/** A time of day the way residents read it: `8 h 30` in French, `08:30` in English. */
export function formatTime(hhmm: string, lang: Lang): string {
	if (lang === 'en') return hhmm;
	const [h = '0', m = '00'] = hhmm.split(':');
	return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}
