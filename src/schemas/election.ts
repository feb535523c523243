import { z } from 'astro/zod';
import { dateSchema, idSchema, markdownSchema, timeSchema, urlSchema } from './common.ts';
import { translationOf } from './english-overlay.ts';

/** One round of voting. */
export const roundSchema = z.strictObject({
	/**
	 * `Premier tour`, `Second tour`.
	 * @label Nom du tour
	 * @hint « Premier tour », « Second tour ».
	 */
	name: z.string().min(1),
	/**
	 * Polling day: `2024-06-30`.
	 * @label Jour du scrutin
	 */
	date: dateSchema,
	/**
	 * Opening time of polling stations: `08:00`.
	 * @label Ouverture des bureaux
	 * @hint Heure sur 24 h : 08:00.
	 */
	opens: timeSchema,
	/**
	 * Closing time: `18:00`.
	 * @label Fermeture des bureaux
	 * @hint Heure sur 24 h : 18:00.
	 */
	closes: timeSchema,
});

/** A polling station (bureau de vote), located at a place from `content/places/`. */
export const stationSchema = z.strictObject({
	/**
	 * Its number on voter cards: `1`.
	 * @label Numéro du bureau
	 * @hint Le numéro inscrit sur la carte électorale.
	 */
	number: z.number().int().positive(),
	/**
	 * Id of the place where it sits.
	 * @label Lieu
	 * @hint Où se trouve le bureau (fiche de la rubrique « Lieux »).
	 */
	place: idSchema,
	/**
	 * Streets or areas it serves, if useful to residents.
	 * @label Rues ou quartiers desservis
	 * @hint Facultatif, si utile aux habitants.
	 */
	area: z.string().optional(),
});

/** A thing that works differently this time because of the incident. */
export const arrangementSchema = z.strictObject({
	/**
	 * `Listes électorales`, `Cartes électorales`, `Assesseurs`, `Résultats`.
	 * @label Sujet
	 * @hint « Listes électorales », « Cartes électorales », « Assesseurs », « Résultats ».
	 */
	topic: z.string().min(1),
	/**
	 * What changed and what residents should do, in markdown.
	 * @label Ce qui change
	 * @hint Ce qui change et ce que les habitants doivent faire.
	 */
	text: markdownSchema,
});

/** An election (`content/elections/<id>.yaml`) and the arrangements made for it. */
export const electionSchema = z.strictObject({
	/**
	 * `Élections législatives 2024`.
	 * @label Titre
	 * @hint « Élections législatives 2024 ».
	 */
	title: z.string().min(1),
	/**
	 * Rounds in date order. At least one.
	 * @label Tours
	 * @hint Dans l’ordre des dates ; au moins un.
	 */
	rounds: z.array(roundSchema).min(1),
	/**
	 * Every polling station of the town.
	 * @label Bureaux de vote
	 * @hint Tous les bureaux de la commune.
	 */
	stations: z.array(stationSchema).min(1),
	/**
	 * What changed this time (voter lists, cards, assessors, results transmission).
	 * @label Dispositions particulières
	 * @hint Ce qui change cette fois-ci : listes, cartes, assesseurs, transmission des résultats.
	 */
	arrangements: z.array(arrangementSchema).default([]),
	/**
	 * How to check one's registration and polling station, in markdown.
	 * @label Vérifier son inscription
	 * @hint Comment vérifier son inscription et son bureau de vote.
	 */
	registration: markdownSchema,
	/**
	 * Link to the national registration check. Default: service-public.fr's page.
	 * @label Lien pour vérifier son inscription
	 * @hint Par défaut : la page de service-public.fr.
	 */
	registrationUrl: urlSchema.default('https://www.service-public.fr/particuliers/vosdroits/demarches-et-outils/ISE'),
	/**
	 * How to vote by proxy, in markdown.
	 * @label Procurations
	 * @hint Comment voter par procuration.
	 */
	proxies: markdownSchema,
	/**
	 * Link to the proxy service. Default: maprocuration.gouv.fr.
	 * @label Lien des procurations
	 * @hint Par défaut : maprocuration.gouv.fr.
	 */
	proxiesUrl: urlSchema.default('https://www.maprocuration.gouv.fr/'),
	/**
	 * Identity documents needed to vote, in markdown.
	 * @label Pièces d’identité
	 * @hint Les pièces à présenter pour voter.
	 */
	identity: markdownSchema,
	/**
	 * Where and when results will be published, in markdown.
	 * @label Résultats
	 * @hint Où et quand les résultats seront publiés.
	 */
	results: markdownSchema,
	/**
	 * A call for volunteer assessors, in markdown, if any.
	 * @label Appel aux assesseurs
	 * @hint Facultatif.
	 */
	assessors: markdownSchema.optional(),
});

/** Fields an English file (`<id>.en.yaml`) may translate; everything else comes from the French file. */
export const electionTranslationSchema = translationOf(electionSchema, {
	title: true,
	rounds: { name: true },
	stations: { area: true },
	arrangements: true,
	registration: true,
	proxies: true,
	identity: true,
	results: true,
	assessors: true,
});

export type Election = z.infer<typeof electionSchema>;
