import { z } from 'astro/zod';
import { dateTimeSchema, idSchema, isPlaceholder, markdownSchema, phoneSchema, siteAddressSchema, urlSchema } from './common.ts';
import { publishSchema } from './publishing.ts';

/**
 * A way to reach the town. Channels that are not being read are listed too, so nobody waits on them.
 * A working channel becomes a link, so its value must be what the link opens: a phone number for
 * `phone`, an email address for `email`, an http(s) address for `web` and `social`; a channel not
 * read (`working: false`) is only shown as struck-through text, so its value is free; so is an init placeholder.
 */
const contactBaseSchema = z.strictObject({
	/** `phone`, `email`, `counter`, `post`, `social` or `web`. */
	kind: z.enum(['phone', 'email', 'counter', 'post', 'social', 'web']),
	/** What it is: `Standard de la mairie`. */
	label: z.string().min(1),
	/** The number, address or web address: `02 38 00 00 00`, `accueil@ville.fr`, `https://www.ville.fr/`. */
	value: z.string().min(1),
	/** When it answers: `Lundi au vendredi, 8 h 30 – 17 h`. */
	hours: z.string().optional(),
	/** `false` for a channel nobody reads during the incident (the usual email addresses). Default `true`. */
	working: z.boolean().default(true),
	/** What residents should know: `Renvoyez tout message envoyé depuis le 24 juin.` */
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
	/** What we know, in markdown. */
	known: markdownSchema,
	/** What we do not know yet. */
	unknown: markdownSchema,
	/** What the town is doing. */
	doing: markdownSchema,
	/** What residents should do. */
	youShould: markdownSchema,
});

/** Site settings (`content/settings.yaml`): who publishes, where, and the state of the crisis. */
export const settingsSchema = z.strictObject({
	/** Town name: `Fleury-les-Aubrais`. */
	town: z.string().min(1),
	/** The town's usual website (may be down): `https://www.fleury-les-aubrais.fr/`. */
	website: urlSchema,
	/** This site's official address, with its sub-path if any: `https://info.ville.fr/`. https only. */
	siteUrl: siteAddressSchema,
	/** Other official copies of this site, https only. Default: none. */
	mirrors: z.array(siteAddressSchema).default([]),
	/** Time zone every time is shown in. Default `Europe/Paris`. */
	timezone: z
		.string()
		.refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'expected.timezone')
		.default('Europe/Paris'),
	/**
	 * When the incident began; services have their `initialStatus` from then. Optional: left out, the
	 * incident starts with the first update of kind `incident`, and until then the site is on standby
	 * (every service operational), as a town publishes it in peacetime.
	 */
	incidentStart: dateTimeSchema.optional(),
	/** When the next update is expected. Shown in the banner; leave out rather than guess. */
	nextUpdate: dateTimeSchema.optional(),
	/** Hours after which a service not confirmed is shown as "à confirmer". Default 24, 1 to 720. */
	confirmWindowHours: z.number().int().min(1).max(720).default(24),
	/** Service categories in display order; services name one by id. */
	categories: z.array(z.strictObject({ id: idSchema, name: z.string().min(1) })).min(1),
	/** The situation summary. */
	situation: situationSchema,
	/** Contact channels, working or not. */
	contacts: z.array(contactSchema).min(1),
	/** Things the town will never ask for by email, SMS or phone (shown on the official channels page). */
	neverAsk: z.array(z.string().min(1)).default([]),
	/** The town's official social accounts. */
	social: z.array(z.strictObject({ name: z.string().min(1), url: urlSchema })).default([]),
	/**
	 * Replay clock: build the site as if it were this moment. Only for the example content and for
	 * training; a real site leaves it out so that staleness is measured against the build time.
	 */
	replayAt: dateTimeSchema.optional(),
	/** How `npm run publish` signs the site and where it deploys it (see docs/publishing.md). Optional. */
	publish: publishSchema.optional(),
});

export const settingsTranslationSchema = z
	.strictObject({
		town: z.string().min(1),
		categories: z.array(z.strictObject({ name: z.string().min(1) })),
		situation: situationSchema.partial(),
		contacts: z.array(contactBaseSchema.pick({ label: true, hours: true, note: true }).partial()),
		neverAsk: z.array(z.string().min(1)),
	})
	.partial();

export type Settings = z.infer<typeof settingsSchema>;
export type Contact = z.infer<typeof contactSchema>;
