// A fixture README as a site page (see ../readme-page.mjs).
import { readmePage } from '../readme-page.mjs';

export { escapeMarkdown } from '../readme-page.mjs';

/** The page for one fixture folder's README. */
export function fixturePage(root, fixture) {
  return readmePage(root, fixture.readme, fixture.fixtureDir);
}
