import type { APIRoute } from 'astro';
import { rssResponse } from '../lib/endpoints.ts';

/** The updates about the elections, in English. */
export const GET: APIRoute = (context) => rssResponse(context, 'en', { kind: 'elections' });
