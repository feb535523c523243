import type { SiteContent } from '../../src/lib/content.ts';
import type { NewUpdate } from '../../src/lib/new-update.ts';
import { STATUSES, type Status } from '../../src/schemas/common.ts';
import { UPDATE_KINDS, type StatusChange } from '../../src/schemas/update.ts';

/** The prompts the interview needs; @inquirer/prompts in real use, scripted answers in tests. */
export interface Ask {
	select<T>(options: { message: string; choices: { name: string; value: T; description?: string }[]; default?: T }): Promise<T>;
	input(options: { message: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
	checkbox<T>(options: { message: string; choices: { name: string; value: T; checked?: boolean }[] }): Promise<T[]>;
	confirm(options: { message: string; default?: boolean }): Promise<boolean>;
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

/**
 * Asks, in French, everything an update needs, starting from what flags already gave.
 * Status changes are asked service by service, showing the current status.
 */
export async function interview(ask: Ask, content: SiteContent, given: Partial<NewUpdate>): Promise<Omit<NewUpdate, 'date'>> {
	const kind =
		given.kind ??
		(await ask.select({ message: "Quel type d'actualité ?", choices: UPDATE_KINDS.map((value) => ({ value, name: KIND_LABELS[value][0], description: KIND_LABELS[value][1] })) }));
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
	return { kind, title, services: concerned.filter((id) => !changes.some((c) => c.service === id)), changes, pinned, corrects, body };
}
