import type { APIRoute } from 'astro';
import { statuspageResponse } from '../../../lib/endpoints.ts';

/** The current state in the shape of Atlassian Statuspage's public summary (docs/endpoints.md). */
export const GET: APIRoute = (context) => statuspageResponse(context);
