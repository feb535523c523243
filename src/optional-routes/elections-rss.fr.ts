import type { APIRoute } from 'astro';
import { rssResponse } from '../lib/endpoints.ts';

/** The updates about the elections (those naming one in `elections`), in French. */
export const GET: APIRoute = (context) => rssResponse(context, 'fr', { kind: 'elections' });
