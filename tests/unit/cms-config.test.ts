import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { adminHostingRules, adminPolicy } from '../../src/lib/cms/admin-policy.ts';
import { selfHosted, vendorFonts } from '../../src/lib/cms/bundle.ts';
import { CONTENT_KINDS, cmsConfig, forgeFromEnv, RELATIONS } from '../../src/lib/cms/config.ts';
import { readFieldDocs } from '../../src/lib/cms/field-docs.ts';
import { editorFields, editorPaths, schemaPaths, type EditorField } from '../../src/lib/cms/fields.ts';

const sources = Object.fromEntries(readdirSync('src/schemas').map((name) => [`src/schemas/${name}`, readFileSync(`src/schemas/${name}`, 'utf8')]));
const docs = readFieldDocs(sources);
const config = cmsConfig({ forge: undefined, docs });
const collection = (name: string) => config.collections.find((c) => c.name === name) as unknown as { fields?: EditorField[]; files?: { fields: EditorField[] }[] };
const fieldsOf = (name: string) => collection(name).fields ?? collection(name).files?.[0]?.fields ?? [];
const field = (fields: EditorField[], path: string): EditorField | undefined => {
	const [head, ...rest] = path.split('.');
	const found = fields.find((f) => f.name === head);
	return rest.length ? field((found?.fields as EditorField[]) ?? [], rest.join('.')) : found;
};

describe.each(CONTENT_KINDS)('the editor form for $name', (kind) => {
	test('has exactly one field per schema field, besides the markdown body and deliberate omissions', () => {
		const omitted = Object.keys(kind.omitted ?? {});
		const expected = schemaPaths(kind.schema).filter((path) => !omitted.some((o) => path === o || path.startsWith(`${o}.`)));
		const edited = editorPaths(fieldsOf(kind.name)).filter((path) => !(kind.format === 'markdown' && path === 'body'));
		expect(edited.sort()).toEqual(expected.sort());
	});

	test('labels every field in French and writes to English files only what the English file may hold', () => {
		const translatable = new Set(schemaPaths(kind.translation));
		const walk = (fields: EditorField[], prefix: string): string[] =>
			fields.flatMap((f) => {
				const path = prefix ? `${prefix}.${f.name}` : f.name;
				const problems = f.label && f.label !== f.name ? [] : [`${path}: no French label`];
				if (path !== 'body' && f.i18n !== translatable.has(path)) problems.push(`${path}: i18n ${f.i18n}`);
				return [...problems, ...walk((f.fields as EditorField[]) ?? [], path)];
			});
		expect(walk(fieldsOf(kind.name), '')).toEqual([]);
	});
});

describe('references', () => {
	test.each(Object.entries(RELATIONS).flatMap(([name, relations]) => Object.entries(relations).map(([path, ref]) => ({ name, path, ref }))))(
		'$name.$path is picked from $ref.collection, not typed',
		({ name, path, ref }) => {
			expect(field(fieldsOf(name), path)).toMatchObject({ widget: 'relation', collection: ref.collection });
		},
	);

	test('an update’s services and elections are multiple choices, its status changes a list of service and status', () => {
		const fields = fieldsOf('updates');
		expect(field(fields, 'services')).toMatchObject({ multiple: true });
		expect(field(fields, 'elections')).toMatchObject({ multiple: true });
		expect(field(fields, 'changes')).toMatchObject({ widget: 'list' });
		expect(field(fields, 'changes.status')).toMatchObject({ widget: 'select' });
		expect(field(fields, 'corrects')).toMatchObject({ widget: 'relation', required: false });
	});

	test('a new id field with no declared relation stops the generator, naming the field', () => {
		const schema = z.strictObject({ owner: z.string().regex(/^[a-z]+$/, 'expected.id') });
		const withDoc = readFieldDocs({ 'x.ts': 'const s = z.strictObject({\n\t/** @label Responsable */\n\towner: idSchema,\n});' });
		expect(() => editorFields(schema, 'things', { docs: withDoc, relations: {}, ownIds: [], displayOf: {} })).toThrow(/owner: an id field must be declared a relation/);
	});

	test('a new field without a French label stops the generator, naming the field', () => {
		const schema = z.strictObject({ title: z.string(), note: z.string() });
		const partial = readFieldDocs({ 'x.ts': 'const s = z.strictObject({\n\t/** @label Titre */\n\ttitle: z.string(),\n\t/** Just English. */\n\tnote: z.string(),\n});' });
		expect(() => editorFields(schema, 'things', { docs: partial, relations: {}, ownIds: [], displayOf: {} })).toThrow(/things\.note: .*@label/);
	});
});

describe('dates keep their UTC offset', () => {
	test.each([
		['updates', 'date', 'YYYY-MM-DDTHH:mmZ'],
		['services', 'checked', 'YYYY-MM-DDTHH:mmZ'],
		['settings', 'incidentStart', 'YYYY-MM-DDTHH:mmZ'],
		['services', 'deadlines.date', 'YYYY-MM-DD'],
		['elections', 'rounds.opens', 'HH:mm'],
	])('%s.%s is saved as %s', (name, path, format) => {
		expect(field(fieldsOf(name), path)).toMatchObject({ widget: 'datetime', format });
	});
});

describe('the configuration', () => {
	test('is valid for Sveltia CMS, by the JSON schema its package ships', () => {
		const root = join(dirname(createRequire(import.meta.url).resolve('@sveltia/cms')), '..');
		const schema = JSON.parse(readFileSync(join(root, 'schema', 'sveltia-cms.json'), 'utf8'));
		const ajv = new Ajv({ allErrors: true, strict: false });
		const validate = ajv.compile(schema);
		validate(JSON.parse(JSON.stringify(config)));
		expect(validate.errors ?? []).toEqual([]);
	});

	test('drafts wait for a second person, and English files sit beside French ones (`<id>.en.yaml`)', () => {
		expect(config).toMatchObject({ publish_mode: 'editorial_workflow', i18n: { structure: 'multiple_files', default_locale: 'fr', omit_default_locale_from_file_path: true } });
	});

	test('the settings’ publishing section (keys, deploy targets) is not editable from the web', () => {
		expect(field(fieldsOf('settings'), 'publish')).toBeUndefined();
	});
});

describe.each([
	{ name: 'GitHub Actions', env: { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'mairie/site', GITHUB_SERVER_URL: 'https://github.com', GITHUB_API_URL: 'https://api.github.com' }, backend: 'github', origins: 'https://api.github.com https://github.com' },
	{ name: 'GitLab CI', env: { GITLAB_CI: 'true', CI_PROJECT_PATH: 'mairie/site', CI_SERVER_URL: 'https://gitlab.example.fr', CI_API_V4_URL: 'https://gitlab.example.fr/api/v4', CI_DEFAULT_BRANCH: 'main' }, backend: 'gitlab', origins: 'https://gitlab.example.fr' },
	{ name: 'Forgejo Actions', env: { GITHUB_ACTIONS: 'true', FORGEJO_ACTIONS: 'true', GITHUB_REPOSITORY: 'mairie/site', GITHUB_SERVER_URL: 'https://codeberg.org' }, backend: 'gitea', origins: 'https://codeberg.org' },
])('built by $name', ({ env, backend, origins }) => {
	test('the editor saves to that forge and its policy lets it reach that forge only', () => {
		const forge = forgeFromEnv(env);
		expect(cmsConfig({ forge, docs }).backend).toMatchObject({ name: backend, repo: 'mairie/site' });
		const connect = adminPolicy(forge).split('; ').find((d) => d.startsWith('connect-src'));
		expect(connect).toBe(`connect-src 'self' blob: data: ${origins}`);
	});
});

describe('the editor bundle', () => {
	const bundle = 'a{src:url(https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2)} b=`https://unpkg.com/@sveltia/cms`\n//# sourceMappingURL=sveltia-cms.js.map\n';

	test('loads its fonts and update check from the site’s own origin', () => {
		const text = selfHosted(bundle);
		expect(text).not.toMatch(/https?:\/\//);
		expect(vendorFonts(bundle)).toEqual([{ cdnUrl: expect.any(String), file: 'source-sans-3-latin-wght-normal.woff2', packagePath: '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2' }]);
	});

	test('an editor version that loads them otherwise stops the build instead of calling a CDN', () => {
		expect(() => selfHosted('b=`https://other.cdn/@sveltia/cms`')).toThrow(/update src\/lib\/cms\/bundle.ts/);
	});
});

describe('the hosts’ header files', () => {
	const rules = adminHostingRules(adminPolicy(undefined), '/ville/', [['Content-Security-Policy', "default-src 'self'"], ['X-Frame-Options', 'DENY']]);

	test('give /admin/ its own policy instead of the public pages’ one, and keep it out of search engines', () => {
		expect(rules.headersFile).toMatch(/^\/ville\/admin\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: default-src 'self'; script-src 'self';.*\n {2}X-Robots-Tag: noindex\n$/);
		expect(rules.htaccess).toContain('<If "%{REQUEST_URI} =~ m#^/ville/admin/#">');
		// nginx forgets the server's add_header lines inside a location that has its own: the others are repeated.
		expect(rules.nginx).toMatch(/location \^~ \/ville\/admin\/ \{\n {2}add_header X-Frame-Options "DENY" always;\n {2}add_header Content-Security-Policy "default-src 'self'; script-src 'self';/);
	});
});
