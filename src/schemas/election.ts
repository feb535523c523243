import { z } from 'astro/zod';
import { dateSchema, idSchema, markdownSchema, timeSchema, urlSchema } from './common.ts';

/** One round of voting. */
export const roundSchema = z.strictObject({
	/** `Premier tour`, `Second tour`. */
	name: z.string().min(1),
	/** Polling day: `2024-06-30`. */
	date: dateSchema,
	/** Opening time of polling stations: `08:00`. */
	opens: timeSchema,
	/** Closing time: `18:00`. */
	closes: timeSchema,
});

/** A polling station (bureau de vote), located at a place from `content/places/`. */
export const stationSchema = z.strictObject({
	/** Its number on voter cards: `1`. */
	number: z.number().int().positive(),
	/** Id of the place where it sits. */
	place: idSchema,
	/** Streets or areas it serves, if useful to residents. */
	area: z.string().optional(),
});

/** A thing that works differently this time because of the incident. */
export const arrangementSchema = z.strictObject({
	/** `Listes électorales`, `Cartes électorales`, `Assesseurs`, `Résultats`. */
	topic: z.string().min(1),
	/** What changed and what residents should do, in markdown. */
	text: markdownSchema,
});

/** An election (`content/elections/<id>.yaml`) and the arrangements made for it. */
export const electionSchema = z.strictObject({
	/** `Élections législatives 2024`. */
	title: z.string().min(1),
	/** Rounds in date order. At least one. */
	rounds: z.array(roundSchema).min(1),
	/** Every polling station of the town. */
	stations: z.array(stationSchema).min(1),
	/** What changed this time (voter lists, cards, assessors, results transmission). */
	arrangements: z.array(arrangementSchema).default([]),
	/** How to check one's registration and polling station, in markdown. */
	registration: markdownSchema,
	/** Link to the national registration check. Default: service-public.fr's page. */
	registrationUrl: urlSchema.default('https://www.service-public.fr/particuliers/vosdroits/demarches-et-outils/ISE'),
	/** How to vote by proxy, in markdown. */
	proxies: markdownSchema,
	/** Link to the proxy service. Default: maprocuration.gouv.fr. */
	proxiesUrl: urlSchema.default('https://www.maprocuration.gouv.fr/'),
	/** Identity documents needed to vote, in markdown. */
	identity: markdownSchema,
	/** Where and when results will be published, in markdown. */
	results: markdownSchema,
	/** A call for volunteer assessors, in markdown, if any. */
	assessors: markdownSchema.optional(),
});

export const electionTranslationSchema = z
	.strictObject({
		title: z.string().min(1),
		rounds: z.array(roundSchema.pick({ name: true })),
		stations: z.array(stationSchema.pick({ area: true })),
		arrangements: z.array(arrangementSchema),
		registration: markdownSchema,
		proxies: markdownSchema,
		identity: markdownSchema,
		results: markdownSchema,
		assessors: markdownSchema,
	})
	.partial();

export type Election = z.infer<typeof electionSchema>;
