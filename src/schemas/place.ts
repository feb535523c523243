import { z } from 'astro/zod';
import { phoneSchema } from './common.ts';
import { translationOf } from './english-overlay.ts';

/** One line of opening hours: which days, and the hours on those days. */
export const openingHoursSchema = z.strictObject({
	/**
	 * Days this line covers, in words: `Lundi au vendredi`.
	 * @label Jours
	 * @hint « Lundi au vendredi ».
	 */
	days: z.string().min(1),
	/**
	 * Hours on those days, in words: `8 h 30 – 12 h et 13 h 30 – 17 h`, or `fermé`.
	 * @label Horaires
	 * @hint « 8 h 30 – 12 h et 13 h 30 – 17 h », ou « fermé ».
	 */
	hours: z.string().min(1),
});

/** A place residents can go to (`content/places/<id>.yaml`). Services and polling stations name it by id. */
export const placeSchema = z.strictObject({
	/**
	 * Name as residents know it: `Hôtel de ville – accueil`.
	 * @label Nom
	 * @hint Tel que les habitants le connaissent : « Hôtel de ville – accueil ».
	 */
	name: z.string().min(1),
	/**
	 * Postal address on one line.
	 * @label Adresse
	 * @hint Sur une ligne.
	 */
	address: z.string().min(1),
	/**
	 * Opening hours during the crisis, one line per group of days. Default: none given.
	 * @label Horaires d’ouverture
	 * @hint Pendant la crise, une ligne par groupe de jours.
	 */
	hours: z.array(openingHoursSchema).default([]),
	/**
	 * What changed in the hours, if anything: `Ouvert aussi le samedi matin jusqu'aux élections.`
	 * @label Changement d’horaires
	 * @hint « Ouvert aussi le samedi matin jusqu’aux élections. »
	 */
	hoursNote: z.string().optional(),
	/**
	 * How to come: `walk-in` (sans rendez-vous), `appointment` (sur rendez-vous) or `both`. Default `walk-in`.
	 * @label Accueil
	 * @hint Sans rendez-vous par défaut.
	 * @options place.access
	 */
	access: z.enum(['walk-in', 'appointment', 'both']).default('walk-in'),
	/**
	 * Accessibility and practical notes: step-free entrance, parking, which door.
	 * @label Accessibilité et infos pratiques
	 * @hint Entrée de plain-pied, stationnement, quelle porte.
	 */
	accessNotes: z.string().optional(),
	/**
	 * A phone number that answers for this place, if it has its own (digits, spaces, `+ . - ( ) /`).
	 * @label Téléphone
	 * @hint S’il a son propre numéro.
	 */
	phone: phoneSchema.optional(),
});

/** Fields an English file (`<id>.en.yaml`) may translate; everything else comes from the French file. */
export const placeTranslationSchema = translationOf(placeSchema, { name: true, hours: true, hoursNote: true, accessNotes: true });

export type Place = z.infer<typeof placeSchema>;
