import type { APIRoute } from 'astro';
import { rssResponse } from '../lib/endpoints.ts';

/** Every update, in French. */
export const GET: APIRoute = (context) => rssResponse(context, 'fr', { kind: 'all' });
