import * as prompts from '@inquirer/prompts';
import type { SiteContent } from '../../src/lib/content.ts';
import { nextUpdateChoices, parseLocalDateTime, type NewUpdate } from '../../src/lib/new-update.ts';
import { t, type Lang } from '../../src/i18n/ui.ts';
import { STATUSES, type Status } from '../../src/schemas/common.ts';
import { UPDATE_KINDS, type StatusChange } from '../../src/schemas/update.ts';

/** The prompts the interview needs; @inquirer/prompts in real use, scripted answers in tests. */
export interface Ask {
	select<T>(options: { message: string; choices: { name: string; value: T; description?: string }[]; default?: T }): Promise<T>;
	input(options: { message: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
	checkbox<T>(options: { message: string; choices: { name: string; value: T; checked?: boolean }[] }): Promise<T[]>;
	confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

/** The words @inquirer/prompts puts in its key hints ("↑↓ navigate • ⏎ select"). */
const KEY_WORDS = ['space', 'navigate', 'select', 'all', 'invert', 'submit'] as const;

/**
 * @inquirer/prompts with their key hints and yes/no words ("↑↓ navigate • ⏎ select") in the staff's language.
 *
 * @example
 * await localPrompts('fr').select({ message: 'Type ?', choices }); // hint line: '↑↓ naviguer • ⏎ choisir'
 * await localPrompts('fr').confirm({ message: 'Épingler ?' });    // '? Épingler ? (o/N)'
 */
export function localPrompts(lang: Lang): Ask {
	const words: Record<string, string> = Object.fromEntries(KEY_WORDS.map((word) => [word, t(lang, `prompt.key.${word}`)]));
	const theme = { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${words[key] ?? key} ${words[action] ?? action}`).join(' • ') } };
	const keywords = { yes: t(lang, 'prompt.yes'), no: t(lang, 'prompt.no'), error: ({ yes, no }: { yes: string; no: string }) => t(lang, 'prompt.yesOrNo', { yes, no }) };
	return {
		select: (options) => prompts.select({ ...options, theme }),
		checkbox: (options) => prompts.checkbox({ ...options, theme }),
		input: (options) => prompts.input(options),
		confirm: (options) => prompts.confirm({ ...options, theme: { keywords } }),
	};
}

/** What `npm run new` asks besides the update itself. */
export interface UpdateExtras {
	/** The settings' next update time: a date-time, `null` to announce none, undefined to leave it as it is. */
	nextUpdate?: string | null;
	/** The English version, if staff wrote one. */
	en?: { title: string; body: string };
}

/**
 * Asks, in French (or English), everything an update needs, starting from what flags already gave.
 * Status changes are asked service by service, showing the current status; then the next update
 * time and, if staff want, the English title and text.
 */
export async function interview(ask: Ask, content: SiteContent, given: Partial<NewUpdate> & UpdateExtras & { askExtras?: boolean }, lang: Lang = 'fr'): Promise<Omit<NewUpdate, 'date'> & UpdateExtras> {
	const status = (value: Status) => t(lang, 'new.ask.status', { status: value });
	const kind =
		given.kind ??
		(await ask.select({ message: t(lang, 'new.ask.kind'), choices: UPDATE_KINDS.map((value) => ({ value, name: t(lang, `kind.${value}`), description: value === 'incident' && content.status.standby ? t(lang, 'new.ask.declareIncident') : t(lang, 'new.ask.kindHint', { kind: value }) })) }));
	const titleLength = (v: string) => (v.trim().length > 0 && v.length <= 200) || t(lang, 'new.ask.titleLength');
	const someText = (v: string) => v.trim().length > 0 || t(lang, 'new.ask.bodyRequired');
	const title = given.title ?? (await ask.input({ message: t(lang, 'new.ask.title'), validate: titleLength })).trim();
	const statusOf = (id: string) => content.status.services.get(id)!.status;
	const concerned =
		given.services ??
		(await ask.checkbox({
			message: t(lang, 'new.ask.services'),
			choices: content.services.map((s) => ({ value: s.id, name: `${s.data[lang].name} — ${status(statusOf(s.id))}` })),
		}));
	const changes: StatusChange[] = [...(given.changes ?? [])];
	if (!given.changes) {
		for (const id of concerned) {
			const current = statusOf(id);
			const next = await ask.select<Status | 'same'>({
				message: t(lang, 'new.ask.newStatus', { service: content.serviceById.get(id)!.data[lang].name }),
				choices: [{ value: 'same', name: t(lang, 'new.ask.unchanged', { status: status(current) }) }, ...STATUSES.filter((s) => s !== current).map((value) => ({ value, name: status(value) }))],
				default: 'same',
			});
			if (next !== 'same') changes.push({ service: id, status: next });
		}
	}
	const corrects =
		kind !== 'correction'
			? undefined
			: (given.corrects ??
				(await ask.select({ message: t(lang, 'new.ask.corrects'), choices: content.updates.slice(0, 30).map((u) => ({ value: u.id, name: `${u.data.fr.date.slice(0, 16).replace('T', ' ')} — ${u.data[lang].title}` })) })));
	const pinned = given.pinned ?? (await ask.confirm({ message: t(lang, 'new.ask.pinned'), default: kind === 'warning' }));
	const body = given.body ?? (await ask.input({ message: t(lang, 'new.ask.body'), validate: someText }));
	const tz = content.settings.data.fr.timezone;
	let nextUpdate = given.nextUpdate;
	if (nextUpdate === undefined && given.askExtras !== false) {
		const current = content.settings.data.fr.nextUpdate;
		const choice = await ask.select<string | null>({
			message: t(lang, 'new.ask.nextUpdate'),
			choices: [
				...nextUpdateChoices(tz, lang),
				{ value: 'other', name: t(lang, 'new.ask.otherTime') },
				{ value: null, name: t(lang, 'new.ask.noTime') },
				...(current ? [{ value: current, name: t(lang, 'new.ask.keepTime', { time: current.slice(0, 16).replace('T', ' ') }) }] : []),
			],
		});
		nextUpdate =
			choice === 'other'
				? parseLocalDateTime(await ask.input({ message: t(lang, 'new.ask.dayAndTime'), validate: (v) => parseLocalDateTime(v, tz) !== undefined || t(lang, 'new.ask.dayAndTimeExample') }), tz)
				: choice;
	}
	let en = given.en;
	if (!en && given.askExtras !== false && (await ask.confirm({ message: t(lang, 'new.ask.english'), default: false }))) {
		en = {
			title: (await ask.input({ message: t(lang, 'new.ask.englishTitle'), validate: titleLength })).trim(),
			body: await ask.input({ message: t(lang, 'new.ask.englishBody'), validate: someText }),
		};
	}
	return { nextUpdate, en, kind, title, services: concerned.filter((id) => !changes.some((c) => c.service === id)), changes, pinned, corrects, body };
}
