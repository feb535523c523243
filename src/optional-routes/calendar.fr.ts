import type { APIRoute } from 'astro';
import { calendarResponse } from '../lib/endpoints.ts';

/** Election rounds and dated deadlines, in French. */
export const GET: APIRoute = (context) => calendarResponse(context, 'fr');
