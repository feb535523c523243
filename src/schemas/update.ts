import { z } from 'astro/zod';
import { dateTimeSchema, idSchema, statusSchema } from './common.ts';
import { translationOf } from './english-overlay.ts';

/**
 * Kinds of update. `warning` is for dangers to residents (phishing); `resolution` announces a return to
 * normal; `correction` fixes an earlier update, which it names in `corrects`.
 */
export const UPDATE_KINDS = ['incident', 'information', 'warning', 'resolution', 'correction'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** One status change an update announces: which service, and its new status. */
export const statusChangeSchema = z.strictObject({
	/**
	 * Id (file name) of the service in `content/services/`, e.g. `etat-civil`.
	 * @label Service
	 */
	service: idSchema,
	/**
	 * Its new status: `operational`, `degraded`, `paper` or `down`.
	 * @label Nouvel état
	 * @options status
	 */
	status: statusSchema,
});

export type StatusChange = z.infer<typeof statusChangeSchema>;

/** Front matter of an update (`content/updates/<id>.md`); the markdown body is the message. */
export const updateSchema = z
	.strictObject({
		/**
		 * Headline: `L'état civil reçoit les déclarations sur papier`.
		 * @label Titre
		 * @hint 200 caractères au plus.
		 */
		title: z.string().min(1).max(200),
		/**
		 * When it was published, with offset: `2024-06-25T09:00+02:00`. Updates are ordered by it.
		 * @label Date de publication
		 * @hint Avec le fuseau horaire ; les actualités sont classées par cette date.
		 */
		date: dateTimeSchema,
		/**
		 * One of `incident`, `information`, `warning`, `resolution`, `correction`.
		 * @label Type
		 * @hint Alerte pour un danger (hameçonnage) ; Correction pour corriger une actualité.
		 * @options kind
		 */
		kind: z.enum(UPDATE_KINDS),
		/**
		 * Keep at the top of the home page (phishing warnings, key notices). Default `false`.
		 * @label Épingler en haut de l’accueil
		 * @hint Pour les alertes et les avis importants.
		 */
		pinned: z.boolean().default(false),
		/**
		 * Ids of the services it concerns, besides those whose status it changes; naming one also confirms its current status as of this update. Default: none.
		 * @label Services concernés
		 * @hint En plus de ceux dont l’état change ; citer un service confirme son état actuel.
		 */
		services: z.array(idSchema).default([]),
		/**
		 * Status changes it announces, one item per service (a service at most once), e.g.
		 * `[{ service: standard-telephonique, status: operational }]`. Default: none.
		 * @label Changements d’état
		 * @hint Un seul changement par service.
		 */
		changes: z.array(statusChangeSchema).default([]),
		/**
		 * For a correction: the id (file name) of the update it corrects.
		 * @label Actualité corrigée
		 * @hint Pour une correction : l’actualité qu’elle corrige.
		 */
		corrects: idSchema.optional(),
		/**
		 * Ids of the elections (`content/elections/`) it is about, e.g. `[legislatives-2024]`. Such updates
		 * also go to the elections feed (`/elections/rss.xml`). Default: none.
		 * @label Élections concernées
		 * @hint L’actualité part aussi dans le flux des élections.
		 */
		elections: z.array(idSchema).default([]),
	})
	.refine((update) => update.kind !== 'correction' || update.corrects !== undefined, {
		path: ['corrects'],
		message: 'expected.corrects',
	});

/** An English file (`<id>.en.md`) translates the title and the body only. */
export const updateTranslationSchema = translationOf(updateSchema, { title: true }, { complete: true });

export type UpdateData = z.infer<typeof updateSchema>;
