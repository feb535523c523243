import { toCardinal } from 'n2words/fr-FR';
import { SegmentedMessage } from 'sms-segments-calculator';
import { routes } from '../i18n/routes.ts';
import { MessageError, t } from '../i18n/ui.ts';
import type { SiteContent, UpdateEntry } from './content.ts';
import { htmlToText } from './plain-text.ts';
import { absolute } from './site-url.ts';

/**
 * One update rewritten for the channels residents read besides the site (`npm run messages`, and
 * `npm run new` after writing an update), in French, each within its channel's limits (`MESSAGE_LIMITS`):
 * - `sms`: one text message with the switchboard's number and the site's short address; `gsm` says whether it fits the GSM 03.38
 *   alphabet, else `parts` says how many SMS it takes in UCS-2;
 * - `social`: a post for Facebook or Mastodon with the update's link;
 * - `voicemail`: a script read aloud on the answering machine: no address, numbers in words;
 * - `alert`: a title and a text for alert apps (PanneauPocket, IntraMuros, Illiwap) with the site's address;
 *   the title leaves out the town, which these apps already show.
 *
 * @example
 * const m = updateMessages(content, '2024-06-26-standard-retabli', new URL('https://info.ville.fr/'));
 * m.sms.text;        // 'Ville : Le standard répond de nouveau. Appelez le 02 38 71 93 93. info.ville.fr'
 * m.voicemail.text;  // '… appelez le zéro deux, trente-huit, soixante et onze, quatre-vingt-treize, quatre-vingt-treize …'
 */
export const MESSAGE_LIMITS = {
	/** Characters of one SMS in the GSM 03.38 alphabet. */
	sms: 160,
	/** Characters of a post: Mastodon's default limit, well within Facebook's. */
	social: 500,
	/** Seconds of the answering-machine script, read at `wordsPerMinute`. */
	voicemailSeconds: 45,
	wordsPerMinute: 150,
	alertTitle: 60,
	alertText: 400,
} as const;

export interface Messages {
	sms: { text: string; characters: number; gsm: boolean; outsideGsm: string[]; parts: number };
	social: { text: string };
	voicemail: { text: string; words: number; seconds: number };
	alert: { title: string; text: string };
}

export function updateMessages(content: SiteContent, updateId: string, root: URL): Messages {
	const update = content.updateById.get(updateId);
	if (!update) throw new MessageError('channel.unknown', { id: updateId });
	const town = content.settings.data.fr.town;
	const home = absolute(root, routes('fr').home);
	const page = absolute(root, routes('fr').update(update.id));
	const title = oneLine(update.data.fr.title);
	const sentences = bodySentences(update);
	const changes = changeSentences(content, update);
	const phone = content.settings.data.fr.contacts.find((c) => c.kind === 'phone' && c.working);

	// The number to call comes right after the title, unless the text already gives it.
	const call = phone && !sentences.some((x) => x.includes(phone.value)) ? [t('fr', 'channel.call', { phone: phone.value })] : [];
	const sms = smsText([t('fr', 'channel.sms', { town, title }), ...call, ...changes, ...sentences], shortAddress(root));
	const social = fit([`${title}`, [...changes, ...sentences].join(' ')].filter(Boolean).join('\n\n'), MESSAGE_LIMITS.social - page.length - 2);
	const alertText = fit([...changes, ...sentences].join(' ') || title, MESSAGE_LIMITS.alertText - t('fr', 'channel.alert', { text: '', home }).length);
	return {
		sms,
		social: { text: `${social}\n\n${page}` },
		voicemail: voicemailScript(town, title, [...changes, ...sentences], phone?.value),
		alert: { title: fit(title, MESSAGE_LIMITS.alertTitle), text: t('fr', 'channel.alert', { text: alertText, home }) },
	};
}

/** `https://info.ville.fr/crise/` → `info.ville.fr/crise`: what fits in an SMS and is typed by hand. */
export function shortAddress(root: URL): string {
	return `${root.host}${root.pathname}`.replace(/\/+$/, '');
}

/**
 * The richest SMS that fits: the leading parts, as many as fit in 160 characters with the address,
 * the first one cut at a word if even it alone is too long. Typographic characters with a GSM
 * equivalent (’ « » – … no-break spaces) are replaced by it, so only letters like ê or œ need UCS-2.
 */
export function smsText(parts: string[], address: string): Messages['sms'] {
	const room = MESSAGE_LIMITS.sms - address.length - 1;
	let body = '';
	for (const part of parts.map(toGsm)) {
		const next = body ? `${body} ${part}` : part;
		if (next.length > room) {
			if (!body) body = fit(part, room, '...');
			break;
		}
		body = next;
	}
	const text = `${body} ${address}`;
	const segmented = new SegmentedMessage(text);
	return { text, characters: text.length, gsm: segmented.encodingName === 'GSM-7', outsideGsm: [...new Set(segmented.getNonGsmCharacters())], parts: segmented.segmentsCount };
}

/** The GSM 03.38 equivalent of typographic characters (Twilio's "smart encoding"), spaces normalised. */
export function toGsm(text: string): string {
	return new SegmentedMessage(text.replace(/[\u00a0\u202f\u2009]/g, ' '), 'auto', true).graphemes.join('');
}

/**
 * The answering-machine script: greeting, title, as many sentences as fit in 45 seconds at 150 words
 * a minute, and the phone number; every number in words, no web or email address.
 */
export function voicemailScript(town: string, title: string, sentences: string[], phone?: string): Messages['voicemail'] {
	const maxWords = Math.floor((MESSAGE_LIMITS.voicemailSeconds * MESSAGE_LIMITS.wordsPerMinute) / 60);
	const spoken = (s: string) => speakNumbers(s);
	const opening = spoken(t('fr', 'channel.voicemailOpening', { town, title }));
	const closing = spoken([...(phone ? [t('fr', 'channel.voicemailCall', { phone })] : []), t('fr', 'channel.voicemailClosing')].join(' '));
	let text = `${opening} ${closing}`;
	for (let n = 1; n <= sentences.length; n++) {
		const middle = sentences.slice(0, n).filter((s) => !ADDRESS.test(s)).map(spoken).join(' ');
		const candidate = `${opening} ${middle} ${closing}`.replace(/\s+/g, ' ');
		if (countWords(candidate) >= maxWords) break;
		text = candidate;
	}
	const words = countWords(text);
	return { text, words, seconds: Math.round((words * 60) / MESSAGE_LIMITS.wordsPerMinute) };
}

/** A web or email address: never read aloud (nobody can write it down from a phone message). */
const ADDRESS = /\bhttps?:\/\/|\bwww\.|[\w.-]+@[\w-]+\.|\b[\w-]+\.(?:fr|org|com|net|eu|gouv)\b/i;

/** Words as spoken: a hyphenated number ("quatre-vingt-treize") counts each part. */
export function countWords(text: string): number {
	return text.split(/[\s-]+/).filter((w) => /\p{L}|\d/u.test(w)).length;
}

/**
 * Digits written as French words, the way a person reads them: phone numbers two digits at a time
 * ("02 38 71 93 93" → "zéro deux, trente-huit, soixante et onze, quatre-vingt-treize, quatre-vingt-treize"),
 * times ("8 h 30", "17:00") in hours, "1er" as "premier", other numbers as cardinals.
 *
 * @example
 * speakNumbers('Le 1er juillet à 8 h 30, au 02 38 71 93 93.'); // 'Le premier juillet à huit heures trente, au zéro deux, trente-huit, …'
 */
export function speakNumbers(text: string): string {
	const pair = (p: string) => (p.startsWith('0') ? `zéro ${toCardinal(Number(p[1]))}` : toCardinal(Number(p)));
	return text
		.replace(/(?:\+33[\s.]?|\b0)(\d)(?:[\s.\u00a0\u202f]?(\d{2})){4}\b/g, (match) => {
			const digits = match.replace(/\D/g, '').replace(/^33/, '0');
			return (digits.match(/\d{2}/g) ?? []).map(pair).join(', ');
		})
		.replace(/\b(\d{1,2})\s?(?:h|:)(?:\s?(\d{2}))?\b/g, (_, h: string, m?: string) => {
			const hours = `${toCardinal(Number(h))} heure${Number(h) > 1 ? 's' : ''}`;
			return m && m !== '00' ? `${hours} ${toCardinal(Number(m))}` : hours;
		})
		.replace(/\b1er\b/g, 'premier')
		.replace(/\d+(?:[,.]\d+)?/g, (n) => toCardinal(n.replace(',', '.')));
}

/** Cuts at the last word that fits within `max` characters, with an ellipsis when something was cut. */
export function fit(text: string, max: number, ellipsis = '…'): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - ellipsis.length + 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, -1)).replace(/[\s,;:.]+$/, '')}${ellipsis}`;
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim().replace(/[.!?…]$/, '');
}

/** The body's plain text, sentence by sentence (list items are sentences too). */
function bodySentences(update: UpdateEntry): string[] {
	// A paragraph's soft line breaks join its lines; paragraphs and list items stay apart.
	const text = htmlToText(update.html.fr).replace(/\n(?!\n|- )/g, ' ').replace(/^- /gm, '');
	const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });
	return text
		.split(/\n+/)
		.flatMap((line) => [...segmenter.segment(line)].map((s) => s.segment.trim()))
		.filter(Boolean)
		.map((s) => s.replace(/\s*[,;]$/, '').replace(/([^.!?…:])$/, '$1.'));
}

/** "État civil : sur papier uniquement." for each status change the update announces. */
function changeSentences(content: SiteContent, update: UpdateEntry): string[] {
	return update.data.fr.changes.map(({ service, status }) => {
		const name = content.serviceById.get(service)?.data.fr.name.replace(/\s*\([^)]*\)/g, '') ?? service;
		return t('fr', 'channel.change', { service: name, status: t('fr', `status.${status}`).toLocaleLowerCase('fr') });
	});
}
