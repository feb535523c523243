import type { APIRoute } from 'astro';
import { statusTextResponse } from '../lib/endpoints.ts';

/** The current state in a few lines of French, for a phone screen or an SMS. */
export const GET: APIRoute = (context) => statusTextResponse(context, 'fr');
