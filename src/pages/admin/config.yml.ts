import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { cmsConfig, forgeFromEnv } from '../../lib/cms/config.ts';
import { readFieldDocs } from '../../lib/cms/field-docs.ts';

// The schemas' source text, for their doc comments (labels and hints), whatever folder the build runs from.
const schemaSources = import.meta.glob<string>('../../schemas/*.ts', { query: '?raw', import: 'default', eager: true });

/** The editor's configuration, made at build time from the schemas (src/lib/cms/config.ts). */
export const GET: APIRoute = () => {
	const config = cmsConfig({ forge: forgeFromEnv(process.env), docs: readFieldDocs(schemaSources) });
	return new Response(`# Generated from src/schemas/ by src/lib/cms/config.ts: edit those, not this file.\n${stringify(config)}`, {
		headers: { 'content-type': 'application/yaml; charset=utf-8' },
	});
};
