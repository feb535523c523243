import type { APIRoute } from 'astro';
import { calendarResponse } from '../lib/endpoints.ts';

/** Election rounds and dated deadlines, in English (same UIDs as the French calendar). */
export const GET: APIRoute = (context) => calendarResponse(context, 'en');
