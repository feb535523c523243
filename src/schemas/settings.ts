import { z } from 'astro/zod';
import { dateTimeSchema, idSchema, isPlaceholder, markdownSchema, phoneSchema, siteAddressSchema, urlSchema } from './common.ts';
import { publishSchema } from './publishing.ts';
import { translationOf } from './english-overlay.ts';

/**
 * A way to reach the town. Channels that are not being read are listed too, so nobody waits on them.
 * A working channel becomes a link, so its value must be what the link opens: a phone number for
 * `phone`, an email address for `email`, an http(s) address for `web` and `social`; a channel not
 * read (`working: false`) is only shown as struck-through text, so its value is free; so is an init placeholder.
 */
const contactBaseSchema = z.strictObject({
	/**
	 * `phone`, `email`, `counter`, `post`, `social` or `web`.
	 * @label Type
	 * @hint Téléphone (phone), courriel (email), accueil (counter), courrier (post), réseau social (social) ou site web (web).
	 */
	kind: z.enum(['phone', 'email', 'counter', 'post', 'social', 'web']),
	/**
	 * What it is: `Standard de la mairie`.
	 * @label Nom
	 * @hint « Standard de la mairie ».
	 */
	label: z.string().min(1),
	/**
	 * The number, address or web address: `02 38 00 00 00`, `accueil@ville.fr`, `https://www.ville.fr/`.
	 * @label Numéro ou adresse
	 * @hint Un numéro (02 38 00 00 00), un courriel (accueil@ville.fr) ou une adresse web (https://…).
	 */
	value: z.string().min(1),
	/**
	 * When it answers: `Lundi au vendredi, 8 h 30 – 17 h`.
	 * @label Horaires
	 * @hint Quand il répond : « Lundi au vendredi, 8 h 30 – 17 h ».
	 */
	hours: z.string().optional(),
	/**
	 * `false` for a channel nobody reads during the incident (the usual email addresses). Default `true`.
	 * @label Fonctionne
	 * @hint Décocher pour un canal que personne ne lit pendant l’incident.
	 */
	working: z.boolean().default(true),
	/**
	 * What residents should know: `Renvoyez tout message envoyé depuis le 24 juin.`
	 * @label À savoir
	 * @hint « Renvoyez tout message envoyé depuis le 24 juin. »
	 */
	note: z.string().optional(),
});

export const contactSchema = contactBaseSchema.superRefine((contact, ctx) => {
	if (!contact.working || isPlaceholder(contact.value)) return;
	const rule = CONTACT_VALUE[contact.kind];
	if (rule && !rule.schema.safeParse(contact.value).success) ctx.addIssue({ code: 'custom', path: ['value'], message: rule.message, input: contact.value });
});

/** What a working contact's value must be, by kind (kinds not listed are free text). */
const CONTACT_VALUE: Partial<Record<z.infer<typeof contactBaseSchema>['kind'], { schema: z.ZodType; message: string }>> = {
	phone: { schema: phoneSchema, message: 'expected.phone' },
	email: { schema: z.string().regex(/^[^\s@<>"'():;,\\]+@[^\s@<>"'():;,\\]+\.[^\s@<>"'():;,\\]+$/), message: 'expected.email' },
	web: { schema: urlSchema, message: 'expected.url' },
	social: { schema: urlSchema, message: 'expected.url' },
};

/** The situation summary at the top of the home page, in the structure of incident messages. */
export const situationSchema = z.strictObject({
	/**
	 * What we know, in markdown.
	 * @label Ce que nous savons
	 */
	known: markdownSchema,
	/**
	 * What we do not know yet.
	 * @label Ce que nous ne savons pas encore
	 */
	unknown: markdownSchema,
	/**
	 * What the town is doing.
	 * @label Ce que fait la mairie
	 */
	doing: markdownSchema,
	/**
	 * What residents should do.
	 * @label Ce que vous devez faire
	 */
	youShould: markdownSchema,
});

/** A group of services on the home page. */
export const categorySchema = z.strictObject({
	/**
	 * Its id, which services name in `category`: `etat-civil`.
	 * @label Identifiant
	 * @hint Minuscules, chiffres et tirets : « etat-civil ». Les services le citent ; ne pas le changer ensuite.
	 */
	id: idSchema,
	/**
	 * Heading shown above its services: `État civil et citoyenneté`.
	 * @label Nom
	 * @hint Le titre affiché au-dessus de ses services.
	 */
	name: z.string().min(1),
});

/** One of the town's official social accounts. */
export const socialAccountSchema = z.strictObject({
	/**
	 * The network's name: `Facebook`.
	 * @label Réseau
	 * @hint « Facebook ».
	 */
	name: z.string().min(1),
	/**
	 * The account's address.
	 * @label Adresse du compte
	 */
	url: urlSchema,
});

/** Site settings (`content/settings.yaml`): who publishes, where, and the state of the crisis. */
export const settingsSchema = z.strictObject({
	/**
	 * Town name: `Fleury-les-Aubrais`.
	 * @label Commune
	 * @hint Son nom officiel, tel qu’il apparaît en tête du site.
	 */
	town: z.string().min(1),
	/**
	 * The town's usual website (may be down): `https://www.fleury-les-aubrais.fr/`.
	 * @label Site habituel de la commune
	 * @hint Il peut être hors service.
	 */
	website: urlSchema,
	/**
	 * This site's official address, with its sub-path if any: `https://info.ville.fr/`. https only.
	 * @label Adresse de ce site
	 * @hint En https, avec son sous-dossier éventuel : https://info.ville.fr/.
	 */
	siteUrl: siteAddressSchema,
	/**
	 * Other official copies of this site, https only. Default: none.
	 * @label Copies officielles
	 * @hint Les autres adresses officielles de ce site, en https.
	 */
	mirrors: z.array(siteAddressSchema).default([]),
	/**
	 * Time zone every time is shown in. Default `Europe/Paris`.
	 * @label Fuseau horaire
	 * @hint Par défaut Europe/Paris.
	 */
	timezone: z
		.string()
		.refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'expected.timezone')
		.default('Europe/Paris'),
	/**
	 * When the incident began; services have their `initialStatus` from then. Optional: left out, the
	 * incident starts with the first update of kind `incident`, and until then the site is on standby
	 * (every service operational), as a town publishes it in peacetime.
	 * @label Début de l’incident
	 * @hint Facultatif : sinon, la première actualité de type Incident ; avant, le site est en veille.
	 */
	incidentStart: dateTimeSchema.optional(),
	/**
	 * When the next update is expected. Shown in the banner; leave out rather than guess.
	 * @label Prochain point prévu
	 * @hint Affiché dans le bandeau ; laisser vide plutôt que deviner.
	 */
	nextUpdate: dateTimeSchema.optional(),
	/**
	 * Hours after which a service not confirmed is shown as "à confirmer". Default 24, 1 to 720.
	 * @label Délai avant « à confirmer » (heures)
	 * @hint Par défaut 24, de 1 à 720.
	 */
	confirmWindowHours: z.number().int().min(1).max(720).default(24),
	/**
	 * Service categories in display order; services name one by id.
	 * @label Catégories de services
	 * @hint Dans l’ordre d’affichage.
	 */
	categories: z.array(categorySchema).min(1),
	/**
	 * The situation summary.
	 * @label Résumé de la situation
	 * @hint En haut de la page d’accueil.
	 */
	situation: situationSchema,
	/**
	 * Contact channels, working or not.
	 * @label Contacts
	 * @hint Les canaux qui fonctionnent, et ceux que personne ne lit.
	 */
	contacts: z.array(contactSchema).min(1),
	/**
	 * Things the town will never ask for by email, SMS or phone (shown on the official channels page).
	 * @label Ce que la mairie ne demande jamais
	 * @hint Par courriel, SMS ou téléphone ; un élément par ligne.
	 */
	neverAsk: z.array(z.string().min(1)).default([]),
	/**
	 * The town's official social accounts.
	 * @label Réseaux sociaux officiels
	 */
	social: z.array(socialAccountSchema).default([]),
	/**
	 * Replay clock: build the site as if it were this moment. Only for the example content and for
	 * training; a real site leaves it out so that staleness is measured against the build time.
	 * @label Horloge de rejeu
	 * @hint Uniquement pour l’exemple et la formation : un vrai site laisse ce champ vide.
	 */
	replayAt: dateTimeSchema.optional(),
	/**
	 * How `npm run publish` signs the site and where it deploys it (see docs/publishing.md). Optional.
	 */
	publish: publishSchema.optional(),
});

/** Fields `settings.en.yaml` may translate; everything else comes from `settings.yaml`. */
export const settingsTranslationSchema = translationOf(settingsSchema, {
	town: true,
	categories: { name: true },
	situation: { known: true, unknown: true, doing: true, youShould: true },
	neverAsk: true,
}).extend({
	// An English contact may translate any of these alone (a list item otherwise gives every required field it picks).
	contacts: z.array(translationOf(contactBaseSchema, { label: true, hours: true, note: true })).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Contact = z.infer<typeof contactSchema>;
