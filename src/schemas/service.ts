import { z } from 'astro/zod';
import { dateSchema, dateTimeSchema, idSchema, markdownSchema, phoneSchema, statusSchema } from './common.ts';
import { translationOf } from './english-overlay.ts';

/** What residents should do instead while the service is not fully provided. */
export const alternativeSchema = z.strictObject({
	/**
	 * One line shown in lists and on the poster: `Déclarations à l'accueil de la mairie, sur papier.`
	 * @label Résumé
	 * @hint Une ligne, affichée dans les listes et sur l’affiche (160 caractères au plus).
	 */
	summary: z.string().min(1).max(160),
	/**
	 * The full explanation, in markdown: steps, conditions, what happens next.
	 * @label Explications
	 * @hint Les étapes, les conditions et la suite, en markdown.
	 */
	details: markdownSchema.optional(),
	/**
	 * Ids of the places (`content/places/`) where to go. Default: none.
	 * @label Lieux
	 * @hint Où se rendre.
	 */
	places: z.array(idSchema).default([]),
	/**
	 * When, if different from the places' own hours: `Tous les jours 9 h – 12 h`.
	 * @label Horaires
	 * @hint Seulement s’ils diffèrent de ceux des lieux : « Tous les jours 9 h – 12 h ».
	 */
	hours: z.string().optional(),
	/**
	 * What to bring, one item per line.
	 * @label À apporter
	 * @hint Un élément par ligne.
	 */
	bring: z.array(z.string().min(1)).default([]),
	/**
	 * A phone number that answers for this service (digits, spaces, `+ . - ( ) /`).
	 * @label Téléphone
	 * @hint Un numéro qui répond pour ce service.
	 */
	phone: phoneSchema.optional(),
});

/** A legal or practical deadline residents must not miss. */
export const deadlineSchema = z.strictObject({
	/**
	 * Short title: `Déclaration de naissance`.
	 * @label Titre
	 * @hint « Déclaration de naissance ».
	 */
	title: z.string().min(1),
	/**
	 * The rule in plain words: `dans les 5 jours qui suivent l'accouchement…`.
	 * @label Règle
	 * @hint En mots simples : « dans les 5 jours qui suivent l’accouchement… ».
	 */
	text: z.string().min(1),
	/**
	 * A calendar date when the deadline is a fixed day (`2024-06-28`); leave out for a rule.
	 * @label Date
	 * @hint Si l’échéance est un jour fixe ; sinon laisser vide.
	 */
	date: dateSchema.optional(),
});

/** A municipal service (`content/services/<id>.yaml`). Its current status is derived from the updates. */
export const serviceSchema = z.strictObject({
	/**
	 * Name as residents know it: `État civil (naissances, mariages, décès)`.
	 * @label Nom
	 * @hint Tel que les habitants le connaissent : « État civil (naissances, mariages, décès) ».
	 */
	name: z.string().min(1),
	/**
	 * Id of a category from the settings' `categories`; services are grouped by it.
	 * @label Catégorie
	 * @hint Les catégories se règlent dans « Réglages du site ».
	 */
	category: idSchema,
	/**
	 * One or two sentences on what the service is for.
	 * @label Description
	 * @hint Une ou deux phrases sur ce à quoi sert le service.
	 */
	description: z.string().min(1),
	/**
	 * Status when the incident began, before any update changes it.
	 * @label État au début de l’incident
	 * @hint Les actualités le font évoluer ensuite.
	 * @options status
	 */
	initialStatus: statusSchema,
	/**
	 * When staff last confirmed this service's status without publishing an update. The site shows the later of this and the service's newest update as "last confirmed".
	 * @label Dernière vérification
	 * @hint Quand l’équipe a confirmé l’état du service sans publier d’actualité.
	 */
	checked: dateTimeSchema.optional(),
	/**
	 * What still works, one item per line.
	 * @label Ce qui fonctionne
	 * @hint Un élément par ligne.
	 */
	works: z.array(z.string().min(1)).default([]),
	/**
	 * What does not work, one item per line.
	 * @label Ce qui ne fonctionne pas
	 * @hint Un élément par ligne.
	 */
	doesNotWork: z.array(z.string().min(1)).default([]),
	/**
	 * What to do instead. Expected whenever the service is not `operational`.
	 * @label Solution de remplacement
	 * @hint À remplir dès que le service ne fonctionne pas normalement.
	 */
	alternative: alternativeSchema.optional(),
	/**
	 * Deadlines that matter while the service is disrupted.
	 * @label Échéances à ne pas manquer
	 * @hint Pendant la perturbation.
	 */
	deadlines: z.array(deadlineSchema).default([]),
	/**
	 * Position within its category (smaller first). Default 100.
	 * @label Ordre dans la catégorie
	 * @hint Le plus petit en premier. Par défaut 100.
	 */
	order: z.number().int().default(100),
});

/** Fields an English file (`<id>.en.yaml`) may translate; everything else comes from the French file. */
export const serviceTranslationSchema = translationOf(serviceSchema, {
	name: true,
	description: true,
	works: true,
	doesNotWork: true,
	alternative: { summary: true, details: true, hours: true, bring: true },
	deadlines: { title: true, text: true },
});

export type Service = z.infer<typeof serviceSchema>;
