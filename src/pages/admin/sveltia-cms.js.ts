import type { APIRoute } from 'astro';
import { adminFile } from '../../lib/cms/bundle.ts';

/** The editor's bundle, from its npm package, rewritten to load nothing from another origin. */
export const GET: APIRoute = () => adminFile('sveltia-cms.js');
