import type { APIRoute } from 'astro';
import { rssResponse } from '../../lib/endpoints.ts';

/** Every update, in English. */
export const GET: APIRoute = (context) => rssResponse(context, 'en', { kind: 'all' });
