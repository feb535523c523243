import type { APIRoute, GetStaticPaths } from 'astro';
import { adminFile, adminPaths } from '../../../lib/cms/bundle.ts';

/** The editor's fonts, from their @fontsource npm packages. */
export const getStaticPaths = (() => adminPaths(/^sveltia\/(.+)\.woff2$/, ([font = '']) => ({ font }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => adminFile(`sveltia/${params.font}.woff2`);
