import { getContent } from './content.ts';
import { paginate, UPDATES_PER_PAGE } from './paginate.ts';

/**
 * `getStaticPaths` for the routes that exist once per content entry. French and English route files
 * share them, so both languages always have the same pages.
 */
export const servicePaths = () => getContent().services.map((service) => ({ params: { id: service.id }, props: { service } }));

export const updatePaths = () => getContent().updates.map((update) => ({ params: { id: update.id }, props: { update } }));

/** Archive pages from 2 on; page 1 is the archive's index route. */
export const archivePaths = () =>
	paginate(getContent().updates, UPDATES_PER_PAGE)
		.slice(1)
		.map((page) => ({ params: { page: String(page.currentPage) }, props: { page } }));

export const firstArchivePage = () => paginate(getContent().updates, UPDATES_PER_PAGE)[0]!;

export const pagePaths = () => getContent().pages.map((page) => ({ params: { page: page.id }, props: { page } }));
