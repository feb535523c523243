import type { APIRoute, GetStaticPaths } from 'astro';
import { adminFile, adminPaths } from '../../../../lib/cms/bundle.ts';

/** The editor's interface translations, from its npm package (it fetches them by version). */
export const getStaticPaths = (() => adminPaths(/^sveltia@([^/]+)\/locales\/(.+)\.json$/, ([version = '', locale = '']) => ({ version, locale }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => adminFile(`sveltia@${params.version}/locales/${params.locale}.json`);
