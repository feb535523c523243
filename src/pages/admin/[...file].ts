import type { APIRoute, GetStaticPaths } from 'astro';
import { adminFiles } from '../../lib/cms/bundle.ts';

/** The editor's bundle, fonts and translations, from its npm packages: served from the site's own origin, never a CDN. */
export const getStaticPaths = (() => [...adminFiles().keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', json: 'application/json; charset=utf-8', woff2: 'font/woff2' };

export const GET: APIRoute = ({ params }) => {
	const make = adminFiles().get(params.file ?? '');
	if (!make) return new Response(null, { status: 404 });
	const body = make();
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'content-type': TYPES[params.file?.split('.').pop() ?? ''] ?? 'application/octet-stream' } });
};
