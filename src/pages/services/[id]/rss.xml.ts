import type { APIRoute } from 'astro';
import { rssResponse } from '../../../lib/endpoints.ts';
import { servicePaths } from '../../../lib/static-paths.ts';

/** The updates about one service, in French. */
export const getStaticPaths = servicePaths;
export const GET: APIRoute = (context) => rssResponse(context, 'fr', { kind: 'service', id: context.params.id! });
