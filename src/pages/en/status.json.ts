import type { APIRoute } from 'astro';
import { statusJsonResponse } from '../../lib/endpoints.ts';

/** The current state for programs, in English (shape: docs/endpoints.md). */
export const GET: APIRoute = (context) => statusJsonResponse(context, 'en');
