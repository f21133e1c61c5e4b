// A README committed in the repository as a site page: its text as written, with links that point into the
// repository turned into plain repository paths (the site cannot serve them) and nothing that Vue would read
// as a template. The CLI page and the fixture pages are such READMEs, so they cannot drift from the code's.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

/** Escapes prose for a Vue-compiled markdown page, leaving code spans and fences alone. */
export function escapeMarkdown(text) {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '&#123;&#123;')))
    .join('');
}

/**
 * Relative links of a README at `readmePath` (repository-relative) → `label (repository/path)`: the label
 * kept, the target resolved against the README's folder. A package folder (`../jointok`) links to its API
 * reference instead.
 */
export function unlinkRepositoryPaths(text, readmePath) {
  return text.replace(/\[([^\]]+)\]\((?!https?:|#)([^)\s]+)\)/g, (_, label, target) => {
    const resolved = posix.normalize(posix.join(posix.dirname(readmePath), target)).replace(/\/$/, '');
    const packageFolder = /^packages\/([a-z0-9-]+)$/.exec(resolved);
    if (packageFolder) return `[${label}](/api/${packageFolder[1]}/)`;
    const path = `\`${resolved}\``;
    return label === path || label === `\`${target}\`` ? path : `${label} (${path})`;
  });
}

/**
 * The page for the README at `readmePath` (repository-relative): front matter with `title`, a line naming
 * the file, and its text inside `v-pre`.
 */
export function readmePage(root, readmePath, title) {
  const text = readFileSync(posix.join(root, readmePath), 'utf8');
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    '---',
    '',
    `<div class="readme-origin">From <code>${readmePath}</code> (rendered as committed).</div>`,
    '',
    '<div v-pre>',
    '',
    escapeMarkdown(unlinkRepositoryPaths(text, readmePath)),
    '',
    '</div>',
    '',
  ].join('\n');
}
