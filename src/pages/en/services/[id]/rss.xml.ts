import type { APIRoute } from 'astro';
import { rssResponse } from '../../../../lib/endpoints.ts';
import { servicePaths } from '../../../../lib/static-paths.ts';

/** The updates about one service, in English. */
export const getStaticPaths = servicePaths;
export const GET: APIRoute = (context) => rssResponse(context, 'en', { kind: 'service', id: context.params.id! });
