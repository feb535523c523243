import type { z } from 'astro/zod';
import { electionSchema, electionTranslationSchema } from '../../schemas/election.ts';
import { pageSchema, pageTranslationSchema } from '../../schemas/page.ts';
import { placeSchema, placeTranslationSchema } from '../../schemas/place.ts';
import { serviceSchema, serviceTranslationSchema } from '../../schemas/service.ts';
import { settingsSchema, settingsTranslationSchema } from '../../schemas/settings.ts';
import { updateSchema, updateTranslationSchema } from '../../schemas/update.ts';
import type { FieldDocs } from './field-docs.ts';
import { editorFields, MARKDOWN, translationPaths, type EditorField, type Reference } from './fields.ts';

/** One kind of content the editor offers, with the schema its files must pass. */
export interface ContentKind {
	name: string;
	label: string;
	labelSingular: string;
	schema: z.ZodType;
	translation: z.ZodType;
	/** Folder under the project (`content/updates`), or for a single file its path without extension. */
	folder?: string;
	file?: string;
	format: 'yaml' | 'markdown';
	/** Field shown in lists and relation pickers. */
	display: string;
	/** File name of a new entry; Sveltia's `{{slug}}` is the title made ASCII, lowercase, with dashes. */
	slug?: string;
	/** Schema fields the editor deliberately leaves out, with why. */
	omitted?: Record<string, string>;
}

/** The content the staff edit, in the menu's order. */
export const CONTENT_KINDS: ContentKind[] = [
	{ name: 'updates', label: 'Actualités', labelSingular: 'Actualité', schema: updateSchema, translation: updateTranslationSchema, folder: 'content/updates', format: 'markdown', display: 'title', slug: "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}" },
	{ name: 'services', label: 'Services', labelSingular: 'Service', schema: serviceSchema, translation: serviceTranslationSchema, folder: 'content/services', format: 'yaml', display: 'name', slug: '{{slug}}' },
	{ name: 'places', label: 'Lieux', labelSingular: 'Lieu', schema: placeSchema, translation: placeTranslationSchema, folder: 'content/places', format: 'yaml', display: 'name', slug: '{{slug}}' },
	{ name: 'elections', label: 'Élections', labelSingular: 'Élection', schema: electionSchema, translation: electionTranslationSchema, folder: 'content/elections', format: 'yaml', display: 'title', slug: '{{slug}}' },
	{ name: 'pages', label: 'Pages', labelSingular: 'Page', schema: pageSchema, translation: pageTranslationSchema, folder: 'content/pages', format: 'markdown', display: 'title', slug: '{{slug}}' },
	{
		name: 'settings',
		label: 'Réglages du site',
		labelSingular: 'Réglages',
		schema: settingsSchema,
		translation: settingsTranslationSchema,
		file: 'content/settings',
		format: 'yaml',
		display: 'town',
		omitted: {
			// Changing where the site deploys or which key signs it from a web form would let a stolen
			// forge account redirect the town's site: it stays a file edited on the publishing laptop.
			publish: 'signing key and deployment targets are edited on the publishing laptop only (docs/publishing.md)',
		},
	},
];

/** Every id field that names another entry, by collection and path (list items add no segment). */
export const RELATIONS: Record<string, Record<string, Reference>> = {
	updates: {
		services: { collection: 'services' },
		'changes.service': { collection: 'services' },
		corrects: { collection: 'updates' },
		elections: { collection: 'elections' },
	},
	services: {
		category: { collection: 'settings', file: 'settings', value: 'categories.*.id', display: 'categories.*.name' },
		'alternative.places': { collection: 'places' },
	},
	elections: { 'stations.place': { collection: 'places' } },
};

/** Id fields that are the id of what they describe. */
const OWN_IDS: Record<string, string[]> = { settings: ['categories.id'] };

/** Where the forge is, for the CMS backend and the editor's Content-Security-Policy. */
export interface Forge {
	name: 'github' | 'gitlab' | 'gitea';
	repo: string;
	branch: string;
	/** The forge's API, e.g. `https://api.github.com`, `https://gitlab.com/api/v4`, `https://codeberg.org/api/v1`. */
	apiRoot: string;
	/** The forge's web address (sign-in pages), e.g. `https://codeberg.org`. */
	baseUrl: string;
	/** OAuth application id (GitLab, Gitea/Forgejo sign-in with PKCE), if one was registered. */
	appId?: string;
}

/**
 * The forge the editor saves to, from the build's environment: `CMS_BACKEND`, `CMS_REPO`,
 * `CMS_BRANCH`, `CMS_BASE_URL`, `CMS_API_ROOT`, `CMS_APP_ID` when set, otherwise what the CI of
 * GitHub, GitLab or Forgejo says about the repository being built. `undefined` on a laptop: the
 * editor then offers the local-folder mode only.
 *
 * @example
 * forgeFromEnv({ GITLAB_CI: 'true', CI_PROJECT_PATH: 'mairie/site', CI_DEFAULT_BRANCH: 'main',
 *   CI_SERVER_URL: 'https://gitlab.com', CI_API_V4_URL: 'https://gitlab.com/api/v4' });
 * // → { name: 'gitlab', repo: 'mairie/site', branch: 'main', baseUrl: 'https://gitlab.com', apiRoot: 'https://gitlab.com/api/v4' }
 */
export function forgeFromEnv(env: Record<string, string | undefined>): Forge | undefined {
	const appId = env.CMS_APP_ID ? { appId: env.CMS_APP_ID } : {};
	const explicit = env.CMS_BACKEND;
	if (explicit === 'github' || explicit === 'gitlab' || explicit === 'gitea') {
		if (!env.CMS_REPO) throw new Error('CMS_BACKEND is set but CMS_REPO (owner/name) is not');
		const baseUrl = env.CMS_BASE_URL ?? { github: 'https://github.com', gitlab: 'https://gitlab.com', gitea: 'https://codeberg.org' }[explicit];
		const apiRoot = env.CMS_API_ROOT ?? (explicit === 'github' ? 'https://api.github.com' : `${baseUrl}${explicit === 'gitlab' ? '/api/v4' : '/api/v1'}`);
		return { name: explicit, repo: env.CMS_REPO, branch: env.CMS_BRANCH ?? 'main', baseUrl, apiRoot, ...appId };
	}
	if (explicit) throw new Error(`CMS_BACKEND must be github, gitlab or gitea, found « ${explicit} »`);
	if (env.GITLAB_CI && env.CI_PROJECT_PATH && env.CI_SERVER_URL) {
		return { name: 'gitlab', repo: env.CI_PROJECT_PATH, branch: env.CI_DEFAULT_BRANCH ?? 'main', baseUrl: env.CI_SERVER_URL, apiRoot: env.CI_API_V4_URL ?? `${env.CI_SERVER_URL}/api/v4`, ...appId };
	}
	if ((env.FORGEJO_ACTIONS || env.GITEA_ACTIONS) && env.GITHUB_REPOSITORY && env.GITHUB_SERVER_URL) {
		return { name: 'gitea', repo: env.GITHUB_REPOSITORY, branch: env.CMS_BRANCH ?? 'main', baseUrl: env.GITHUB_SERVER_URL, apiRoot: `${env.GITHUB_SERVER_URL}/api/v1`, ...appId };
	}
	if (env.GITHUB_ACTIONS && env.GITHUB_REPOSITORY) {
		return { name: 'github', repo: env.GITHUB_REPOSITORY, branch: env.CMS_BRANCH ?? 'main', baseUrl: env.GITHUB_SERVER_URL ?? 'https://github.com', apiRoot: env.GITHUB_API_URL ?? 'https://api.github.com', ...appId };
	}
	return undefined;
}

/**
 * A backend for a laptop without a forge: on localhost the sign-in screen offers "work with a local
 * folder". Gitea's kind, because the hosted forges' kinds make the editor poll their status pages.
 */
const LOCAL_ONLY: Forge = { name: 'gitea', repo: 'mairie/site', branch: 'main', baseUrl: 'http://localhost', apiRoot: 'http://localhost/api/v1' };

/**
 * The Sveltia CMS configuration (`/admin/config.yml`), generated from the zod schemas and their doc
 * comments: French interface, drafts reviewed before publishing, English files beside French ones.
 *
 * @example
 * const config = cmsConfig({ forge: forgeFromEnv(process.env), docs: readFieldDocs(schemaSources) });
 * config.collections.map((c) => c.name); // → ['updates', 'services', 'places', 'elections', 'pages', 'settings']
 */
export function cmsConfig({ forge, docs }: { forge: Forge | undefined; docs: FieldDocs }) {
	const backend = forge ?? LOCAL_ONLY;
	const displayOf = Object.fromEntries(CONTENT_KINDS.map((kind) => [kind.name, kind.display]));
	return {
		backend: {
			name: backend.name,
			repo: backend.repo,
			branch: backend.branch,
			...(backend.name === 'github' && backend.apiRoot === 'https://api.github.com' ? {} : { api_root: backend.apiRoot, base_url: backend.baseUrl }),
			...(backend.appId ? { app_id: backend.appId, auth_type: 'pkce' } : {}),
			commit_messages: { create: 'Ajout de {{collection}} « {{slug}} »', update: 'Mise à jour de {{collection}} « {{slug}} »', delete: 'Suppression de {{collection}} « {{slug}} »' },
		},
		publish_mode: 'editorial_workflow',
		// No images: the site publishes text only (and a media folder is required by the CMS).
		media_folder: 'public/media',
		// English is optional: a new entry starts in French only, and "Anglais" adds the English file.
		i18n: { structure: 'multiple_files', locales: ['fr', 'en'], default_locale: 'fr', omit_default_locale_from_file_path: true, initial_locales: 'default' },
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		// An optional field left empty is left out of the file, as the schemas expect (not `corrects: ''`).
		output: { omit_empty_optional_fields: true },
		collections: CONTENT_KINDS.map((kind) => collectionOf(kind, docs, displayOf)),
	};
}

export type CmsConfig = ReturnType<typeof cmsConfig>;

function collectionOf(kind: ContentKind, docs: FieldDocs, displayOf: Record<string, string>) {
	const translatable = translationPaths(kind.translation);
	const context = { docs, relations: RELATIONS[kind.name] ?? {}, ownIds: OWN_IDS[kind.name] ?? [], translatable, displayOf, omitted: Object.keys(kind.omitted ?? {}) };
	const fields: EditorField[] = editorFields(kind.schema, kind.name, context);
	if (kind.format === 'markdown') fields.push({ name: 'body', label: 'Texte', hint: 'Le message : paragraphes, listes, gras, liens.', ...MARKDOWN, required: ['fr'], i18n: true });
	const extension = kind.format === 'markdown' ? 'md' : 'yaml';
	const format = kind.format === 'markdown' ? 'yaml-frontmatter' : 'yaml';
	const common = { name: kind.name, label: kind.label, label_singular: kind.labelSingular, i18n: true };
	if (kind.file) {
		return { ...common, files: [{ name: kind.name, label: kind.label, file: `${kind.file}.{{locale}}.${extension}`, format, i18n: true, fields }] };
	}
	return {
		...common,
		extension,
		format,
		folder: kind.folder,
		create: true,
		slug: kind.slug,
		identifier_field: kind.display,
		summary: `{{${kind.display}}}`,
		...(kind.name === 'updates' ? { sortable_fields: { fields: ['date', 'title'], default: { field: 'date', direction: 'descending' } } } : {}),
		fields,
	};
}
