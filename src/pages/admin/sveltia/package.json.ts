import type { APIRoute } from 'astro';
import { adminFile } from '../../../lib/cms/bundle.ts';

/** The version the editor's update check reads: the installed one, so it never calls a CDN. */
export const GET: APIRoute = () => adminFile('sveltia/package.json');
