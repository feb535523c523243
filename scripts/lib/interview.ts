import * as prompts from '@inquirer/prompts';
import type { SiteContent } from '../../src/lib/content.ts';
import { nextUpdateChoices, parseLocalDateTime, type NewUpdate } from '../../src/lib/new-update.ts';
import { STATUSES, type Status } from '../../src/schemas/common.ts';
import { UPDATE_KINDS, type StatusChange } from '../../src/schemas/update.ts';

/** The prompts the interview needs; @inquirer/prompts in real use, scripted answers in tests. */
export interface Ask {
	select<T>(options: { message: string; choices: { name: string; value: T; description?: string }[]; default?: T }): Promise<T>;
	input(options: { message: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
	checkbox<T>(options: { message: string; choices: { name: string; value: T; checked?: boolean }[] }): Promise<T[]>;
	confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

const KEY_WORDS: Record<'fr' | 'en', Record<string, string>> = {
	fr: { space: 'espace', navigate: 'naviguer', select: 'choisir', all: 'tout', invert: 'inverser', submit: 'valider' },
	en: {},
};

const CONFIRM_WORDS = {
	fr: { yes: 'Oui', no: 'Non', error: ({ yes, no }: { yes: string; no: string }) => `Répondez « ${yes} » ou « ${no} ».` },
	en: { yes: 'Yes', no: 'No', error: ({ yes, no }: { yes: string; no: string }) => `Answer "${yes}" or "${no}".` },
};

/**
 * @inquirer/prompts with their key hints and yes/no words ("↑↓ navigate • ⏎ select") in the staff's language.
 *
 * @example
 * await localPrompts('fr').select({ message: 'Type ?', choices }); // hint line: '↑↓ naviguer • ⏎ choisir'
 * await localPrompts('fr').confirm({ message: 'Épingler ?' });    // '? Épingler ? (o/N)'
 */
export function localPrompts(lang: 'fr' | 'en'): Ask {
	const words = KEY_WORDS[lang];
	const theme = { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${words[key] ?? key} ${words[action] ?? action}`).join(' • ') } };
	return {
		select: (options) => prompts.select({ ...options, theme }),
		checkbox: (options) => prompts.checkbox({ ...options, theme }),
		input: (options) => prompts.input(options),
		confirm: (options) => prompts.confirm({ ...options, theme: { keywords: CONFIRM_WORDS[lang] } }),
	};
}

const KIND_LABELS: Record<NewUpdate['kind'], [string, string]> = {
	incident: ['Incident', 'un service est touché, une nouvelle panne'],
	information: ['Information', 'point de situation, nouvelle organisation'],
	warning: ['Alerte', 'danger pour les habitants : faux messages, arnaques'],
	resolution: ['Rétablissement', 'un service fonctionne de nouveau'],
	correction: ['Correction', 'corrige une actualité déjà publiée'],
};

export const STATUS_LABELS: Record<Status, string> = {
	operational: 'Fonctionne normalement',
	degraded: 'Perturbé (délais, limites)',
	paper: 'Sur papier uniquement',
	down: 'Interrompu',
};

/** What `npm run new` asks besides the update itself. */
export interface UpdateExtras {
	/** The settings' next update time: a date-time, `null` to announce none, undefined to leave it as it is. */
	nextUpdate?: string | null;
	/** The English version, if staff wrote one. */
	en?: { title: string; body: string };
}

/**
 * Asks, in French, everything an update needs, starting from what flags already gave.
 * Status changes are asked service by service, showing the current status; then the next update
 * time and, if staff want, the English title and text.
 */
export async function interview(ask: Ask, content: SiteContent, given: Partial<NewUpdate> & UpdateExtras & { askExtras?: boolean }): Promise<Omit<NewUpdate, 'date'> & UpdateExtras> {
	const kind =
		given.kind ??
		(await ask.select({ message: "Quel type d'actualité ?", choices: UPDATE_KINDS.map((value) => ({ value, name: KIND_LABELS[value][0], description: value === 'incident' && content.status.standby ? "déclare l'incident : le site quitte la veille, les services prennent leur état de crise" : KIND_LABELS[value][1] })) }));
	const title =
		given.title ??
		(await ask.input({ message: 'Titre (ce qui change, en une phrase) :', validate: (v) => (v.trim().length > 0 && v.length <= 200) || 'Un titre de 1 à 200 caractères.' })).trim();
	const statusOf = (id: string) => content.status.services.get(id)!.status;
	const concerned =
		given.services ??
		(await ask.checkbox({
			message: 'Services concernés (espace pour cocher, entrée pour valider) :',
			choices: content.services.map((s) => ({ value: s.id, name: `${s.data.fr.name} — ${STATUS_LABELS[statusOf(s.id)]}` })),
		}));
	const changes: StatusChange[] = [...(given.changes ?? [])];
	if (!given.changes) {
		for (const id of concerned) {
			const current = statusOf(id);
			const next = await ask.select<Status | 'same'>({
				message: `Nouvel état de « ${content.serviceById.get(id)!.data.fr.name} » ?`,
				choices: [{ value: 'same', name: `Inchangé (${STATUS_LABELS[current]})` }, ...STATUSES.filter((s) => s !== current).map((value) => ({ value, name: STATUS_LABELS[value] }))],
				default: 'same',
			});
			if (next !== 'same') changes.push({ service: id, status: next });
		}
	}
	const corrects =
		kind !== 'correction'
			? undefined
			: (given.corrects ??
				(await ask.select({ message: 'Quelle actualité corrigez-vous ?', choices: content.updates.slice(0, 30).map((u) => ({ value: u.id, name: `${u.data.fr.date.slice(0, 16).replace('T', ' ')} — ${u.data.fr.title}` })) })));
	const pinned = given.pinned ?? (await ask.confirm({ message: "Épingler en haut de la page d'accueil ?", default: kind === 'warning' }));
	const body =
		given.body ??
		(await ask.input({ message: 'Texte (une ou deux phrases ; vous pourrez compléter le fichier ensuite) :', validate: (v) => v.trim().length > 0 || 'Écrivez au moins une phrase.' }));
	const tz = content.settings.data.fr.timezone;
	let nextUpdate = given.nextUpdate;
	if (nextUpdate === undefined && given.askExtras !== false) {
		const current = content.settings.data.fr.nextUpdate;
		const choice = await ask.select<string | null>({
			message: 'Prochaine mise à jour annoncée aux habitants ?',
			choices: [
				...nextUpdateChoices(tz),
				{ value: 'other', name: 'Autre jour et heure…' },
				{ value: null, name: "Ne pas annoncer d'heure" },
				...(current ? [{ value: current, name: `Garder l'heure annoncée (${current.slice(0, 16).replace('T', ' ')})` }] : []),
			],
		});
		nextUpdate =
			choice === 'other'
				? parseLocalDateTime(await ask.input({ message: 'Jour et heure (ex. 2024-06-29 10:00 ou 29/06/2024 10 h) :', validate: (v) => parseLocalDateTime(v, tz) !== undefined || 'Écrivez par exemple 2024-06-29 10:00.' }), tz)
				: choice;
	}
	let en = given.en;
	if (!en && given.askExtras !== false && (await ask.confirm({ message: 'Ajouter la version anglaise maintenant ?', default: false }))) {
		en = {
			title: (await ask.input({ message: 'Titre en anglais :', validate: (v) => (v.trim().length > 0 && v.length <= 200) || 'Un titre de 1 à 200 caractères.' })).trim(),
			body: await ask.input({ message: 'Texte en anglais :', validate: (v) => v.trim().length > 0 || 'Écrivez au moins une phrase.' }),
		};
	}
	return { nextUpdate, en, kind, title, services: concerned.filter((id) => !changes.some((c) => c.service === id)), changes, pinned, corrects, body };
}
