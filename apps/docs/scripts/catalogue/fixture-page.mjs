// A fixture README as a site page: its text unchanged, with links that point into the repository turned
// into plain paths (the site cannot serve them) and nothing Vue would read as a template.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Escapes prose for a Vue-compiled markdown page, leaving code spans and fences alone. */
export function escapeMarkdown(text) {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '&#123;&#123;')))
    .join('');
}

/** The page for one fixture folder's README. */
export function fixturePage(root, fixture) {
  const text = readFileSync(join(root, fixture.readme), 'utf8');
  // Relative links lead into the repository, not the site: keep their text and path as code.
  const unlinked = text.replace(/\[([^\]]+)\]\((?!https?:)([^)]+)\)/g, (_, label, target) => `${label} (\`${target}\`)`);
  return ['---', `title: ${JSON.stringify(fixture.fixtureDir)}`, '---', '', `<div class="fixture-origin">From <code>${fixture.readme}</code> (rendered as committed).</div>`, '', '<div v-pre>', '', escapeMarkdown(unlinked), '', '</div>', ''].join('\n');
}
