import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { parse, stringify } from 'yaml';
import { idSchema } from '../schemas/common.ts';
import { serviceSchema, serviceTranslationSchema, type Service } from '../schemas/service.ts';
import { message, TO_COMPLETE, verbatim, type Problem } from './problems.ts';
import { parseSourceFile, validate } from './source-file.ts';

/** The catalogue `npm run init` picks services, categories and legal pages from. */
export const CATALOGUE_DIR = fileURLToPath(new URL('../../catalogue', import.meta.url));

/** The answers `npm run init` needs (by flags or by its assistant). */
export interface TownAnswers {
	town: string;
	/** The number residents call, shown on the home page. */
	phone: string;
	email: string;
	/** This site's official address. */
	site: string;
	/** The town's usual website; default: `site`. */
	website?: string;
	address: string;
	mirrors: string[];
	/** Catalogue ids. */
	services: string[];
	/** Where the private signing key goes (outside the content folder). */
	key: string;
}

/** One category of the catalogue (`catalogue/categories.yaml`), named in both languages. */
export const catalogueCategorySchema = z.strictObject({ id: idSchema, name: z.string().min(1), en: z.string().min(1) });

export interface Catalogue {
	categories: z.infer<typeof catalogueCategorySchema>[];
	/** By id, in file-name order: the French file's text and data, and the English file's text if any. */
	services: Map<string, { source: string; en?: string; data: Service }>;
	problems: Problem[];
}

/** Reads and validates the catalogue with the same service schema as `content/`. */
export function readCatalogue(dir: string): Catalogue {
	const problems: Problem[] = [];
	const categories = z.array(catalogueCategorySchema).parse(parse(readFileSync(join(dir, 'categories.yaml'), 'utf8')));
	const services = new Map<string, { source: string; en?: string; data: Service }>();
	for (const name of readdirSync(join(dir, 'services')).sort()) {
		const match = /^([a-z0-9-]+)\.yaml$/.exec(name);
		if (!match) continue;
		const path = join(dir, 'services', name);
		const source = readFileSync(path, 'utf8');
		const file = parseSourceFile(`catalogue/services/${name}`, source);
		const result = file.problems.length ? { problems: file.problems } : validate(file, serviceSchema);
		problems.push(...result.problems);
		if (!('data' in result) || !result.data) continue;
		if (!categories.some((c) => c.id === result.data!.category)) {
			problems.push({ severity: 'error', file: file.path, line: file.lineOf(['category']), field: 'category', expected: message('expected.catalogueCategory'), found: verbatim(result.data.category) });
		}
		const enPath = join(dir, 'services', `${match[1]}.en.yaml`);
		const en = existsSync(enPath) ? readFileSync(enPath, 'utf8') : undefined;
		if (en !== undefined) {
			const enFile = parseSourceFile(`catalogue/services/${match[1]}.en.yaml`, en);
			problems.push(...(enFile.problems.length ? enFile.problems : validate(enFile, serviceTranslationSchema).problems));
		}
		services.set(match[1]!, { source, en, data: result.data });
	}
	return { categories, services, problems };
}

/** Catalogue ids that are not in the catalogue, to refuse them with the list of valid ones. */
export function unknownServices(ids: string[], catalogue: Catalogue): string[] {
	return ids.filter((id) => !catalogue.services.has(id));
}

/**
 * The content of a new town's site, as `npm run init` writes it: settings with the town's contacts,
 * the services it picked from the catalogue (`catalogue/`), the town hall as a place, the legal pages,
 * and an election to fill in if it picked `elections`. No incident is declared, so the site starts on
 * standby. Pure: returns file paths (relative to the content folder) and their text; the command
 * writes them and makes the signing key.
 *
 * @example
 * const catalogue = readCatalogue(CATALOGUE_DIR);
 * const files = newSiteFiles({ town: 'Ville', phone: '02 00 00 00 00', email: 'mairie@ville.fr',
 *   site: 'https://info.ville.fr/', address: '1 place de la Mairie, 45000 Ville', mirrors: [],
 *   services: ['etat-civil'], key: '~/.ssh/site-mairie-signature' }, catalogue, new Date());
 * Object.keys(files); // ['settings.yaml', 'settings.en.yaml', 'places/mairie.yaml', 'services/etat-civil.yaml', …]
 */
export function newSiteFiles(answers: TownAnswers, catalogue: Catalogue, now: Date): Record<string, string> {
	const picked = answers.services.map((id) => [id, catalogue.services.get(id)!] as const);
	const used = new Set(picked.map(([, s]) => s.data.category));
	const categories = catalogue.categories.filter((c) => used.has(c.id));
	const files: Record<string, string> = {
		'settings.yaml': settingsHeader(answers.town) + stringify(townSettings(answers, categories), { lineWidth: 0 }),
		'settings.en.yaml': stringify({ categories: categories.map(({ en }) => ({ name: en })), neverAsk: NEVER_ASK.en }, { lineWidth: 0 }),
		'places/mairie.yaml': stringify({ name: 'Hôtel de ville – accueil', address: answers.address, hours: [{ days: `${TO_COMPLETE} : jours]`, hours: `${TO_COMPLETE} : heures]` }], access: 'walk-in' }, { lineWidth: 0 }),
	};
	for (const [id, service] of picked) {
		files[`services/${id}.yaml`] = service.source;
		if (service.en) files[`services/${id}.en.yaml`] = service.en;
	}
	Object.assign(files, legalPages(answers));
	if (answers.services.includes('elections')) files['elections/prochaine-election.yaml'] = electionTemplate(now);
	return files;
}

/** What the town hall never asks for, on every page: the usual scams' requests. */
const NEVER_ASK = {
	fr: [
		'Votre mot de passe, ni un code reçu par SMS',
		'Votre numéro de carte bancaire ou son code',
		'Un nouveau RIB envoyé par courriel ou par SMS, pour changer vos prélèvements',
		'Un paiement par un lien reçu par courriel, par SMS ou sur les réseaux sociaux',
		"D'installer un logiciel ou de prendre la main sur votre ordinateur ou votre téléphone",
	],
	en: [
		'Your password, or a code received by SMS',
		'Your bank card number or its code',
		'New bank details sent by email or SMS, to change your direct debits',
		'A payment through a link received by email, SMS or social networks',
		'To install software or take control of your computer or phone',
	],
};

/** The first lines of settings.yaml: the site starts on standby, and how to declare the incident. */
function settingsHeader(town: string): string {
	return `# Réglages du site d'information de la mairie de ${town}, écrits par « npm run init ».\n# Aucun incident n'est déclaré : le site est en veille. Pour déclarer l'incident :\n#   npm run new -- --kind incident --title "…" --body "…"\n# Remplacez chaque passage « À COMPLÉTER » ; « npm run check » les signale un par un.\n\n`;
}

/** The settings: the town's contacts, the categories of the services it picked, a situation to complete. */
function townSettings(answers: TownAnswers, categories: Catalogue['categories']) {
	const site = new URL(answers.site).href;
	return {
		town: answers.town,
		website: new URL(answers.website ?? answers.site).href,
		siteUrl: site,
		mirrors: answers.mirrors.map((m) => new URL(m).href),
		timezone: 'Europe/Paris',
		confirmWindowHours: 48,
		categories: categories.map(({ id, name }) => ({ id, name })),
		situation: {
			known: `${TO_COMPLETE} : depuis quand] les ordinateurs de la mairie sont arrêtés à la suite d'un incident informatique.\n\n- La mairie reste **ouverte**. Les démarches se font **sur papier**.`,
			unknown: `- Nous ne savons pas encore **quand** les outils informatiques seront remis en service. Nous ne donnerons pas de date tant qu'elle n'est pas sûre.\n- ${TO_COMPLETE} : ce qui est en cours de vérification, par exemple si des données personnelles ont été copiées]`,
			doing: `- Nous travaillons avec ${TO_COMPLETE} : prestataire, centre régional de réponse aux incidents cyber] pour remettre les outils en service sans risque.\n- Les agents accueillent le public au guichet et traitent les demandes sur papier.`,
			youShould: `- Pour une démarche, **venez au guichet** de la mairie ou **appelez le ${answers.phone}**.\n- **Méfiez-vous** des messages qui vous demandent un paiement, un RIB ou un mot de passe au nom de la mairie. Nous ne vous les demanderons jamais.`,
		},
		contacts: [
			{ kind: 'phone', label: 'Standard de la mairie', value: answers.phone, hours: `${TO_COMPLETE} : jours et heures]`, working: true },
			{ kind: 'email', label: 'Adresse électronique de la mairie', value: answers.email, working: true, note: "N'envoyez jamais de mot de passe, de numéro de carte bancaire ou de RIB par courriel." },
			{ kind: 'counter', label: 'Accueil de la mairie', value: answers.address, hours: `${TO_COMPLETE} : jours et heures]`, working: true },
			{ kind: 'post', label: 'Courrier postal', value: `Mairie de ${answers.town}, ${answers.address}`, working: true },
		],
		neverAsk: NEVER_ASK.fr,
		publish: { key: answers.key, signer: answers.email, securityContact: `mailto:${answers.email}`, targets: [] },
	};
}

/** The catalogue's legal pages, with the town's name, site, address, phone and email filled in. */
function legalPages(answers: TownAnswers): Record<string, string> {
	const site = new URL(answers.site).href;
	const fill = (template: string) =>
		template.replace(/\{(town|site|address|phone|email)\}/g, (_, key: 'town' | 'site' | 'address' | 'phone' | 'email') => (key === 'site' ? site : answers[key]));
	const pages: Record<string, string> = {};
	for (const name of readdirSync(join(CATALOGUE_DIR, 'pages')).filter((n) => n.endsWith('.md'))) {
		const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(CATALOGUE_DIR, 'pages', name), 'utf8')) ?? [];
		const data = Object.fromEntries(Object.entries(parse(front) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? fill(v) : v]));
		pages[`pages/${name}`] = `---\n${stringify(data, { lineWidth: 0 })}---\n${fill(body)}`;
	}
	return pages;
}

/** An election to fill in: valid, so the site builds, with every fact the town must give marked. */
function electionTemplate(now: Date): string {
	// A Sunday about three months ahead, only so that the file is valid; the town writes the real dates.
	const day = new Date(now.getTime() + 90 * 86_400_000);
	day.setUTCDate(day.getUTCDate() + ((7 - day.getUTCDay()) % 7));
	const election = {
		title: `${TO_COMPLETE} : nom de l'élection, ex. Élections municipales 2026]`,
		rounds: [{ name: `Premier tour ${TO_COMPLETE} : date à corriger]`, date: day.toISOString().slice(0, 10), opens: '08:00', closes: '18:00' }],
		stations: [{ number: 1, place: 'mairie', area: `${TO_COMPLETE} : rues ou quartiers du bureau ; un élément par bureau de vote]` }],
		registration: 'Vérifiez votre inscription et votre bureau de vote sur service-public.fr.',
		proxies: 'Faites votre procuration en ligne sur maprocuration.gouv.fr, puis validez-la au commissariat ou à la gendarmerie.',
		identity: "Prenez une **pièce d'identité avec photo**. La carte électorale n'est pas obligatoire.",
		results: `${TO_COMPLETE} : où et quand les résultats seront affichés]`,
	};
	return `# Élection à compléter, écrite par « npm run init » : corrigez le titre, les dates et les bureaux de vote.\n${stringify(election, { lineWidth: 0 })}`;
}
