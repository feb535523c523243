import { contentHasErrors, getContent, lastValidContent } from './content.ts';
import { paginate, UPDATES_PER_PAGE } from './paginate.ts';

/**
 * The entries routes are made from. In the live preview, while a saved file breaks the content, those
 * of the last content without errors (none if it started broken): Astro asks for a route's paths
 * before any middleware runs, and a thrown error would show its overlay (code and stack trace) where
 * staff should see the list of problems (src/middleware.ts).
 */
const entries = () => (import.meta.env.DEV && contentHasErrors() ? (lastValidContent() ?? { services: [], updates: [], pages: [] }) : getContent());

/**
 * `getStaticPaths` for the routes that exist once per content entry. French and English route files
 * share them, so both languages always have the same pages.
 */
export const servicePaths = () => entries().services.map((service) => ({ params: { id: service.id }, props: { service } }));

export const updatePaths = () => entries().updates.map((update) => ({ params: { id: update.id }, props: { update } }));

/** Archive pages from 2 on; page 1 is the archive's index route. */
export const archivePaths = () =>
	paginate(entries().updates, UPDATES_PER_PAGE)
		.slice(1)
		.map((page) => ({ params: { page: String(page.currentPage) }, props: { page } }));

export const firstArchivePage = () => paginate(entries().updates, UPDATES_PER_PAGE)[0]!;

export const pagePaths = () => entries().pages.map((page) => ({ params: { page: page.id }, props: { page } }));
