// Markdown pages of the API reference: one page per package entry, one section per export.

const KIND_ORDER = [
  ['function', 'Functions'],
  ['class', 'Classes'],
  ['variable', 'Constants'],
  ['interface', 'Interfaces'],
  ['type', 'Types'],
  ['enum', 'Enums'],
  ['namespace', 'Namespaces'],
];

/** The import specifier of an entry: `@jointok/core`, `@jointok/text/batch`. */
export function specifier(entry) {
  return entry.subpath === '.' ? entry.packageName : `${entry.packageName}/${entry.subpath.slice(2)}`;
}

/** The site path of an entry's page, without extension: `api/core/index`. */
export function pagePath(entry) {
  return `api/${entry.directory}/${entry.slug}`;
}

/** The anchor of one export on its page (kept stable and case-sensitive: `#createQuantizer`). */
export function anchorOf(symbol) {
  const base = symbol.kind === 'interface' || symbol.kind === 'type' ? `type-${symbol.name}` : symbol.name;
  // A name with one declaration per build (Node, browser) gets one section per build.
  return symbol.everywhere ? base : `${base}-${symbol.conditions.join('-')}`;
}

/** Text for a Vue-compiled markdown page: no raw HTML or `{{` interpolation from comments. */
function prose(text, links) {
  // Split on inline code spans and fences, escaping only the prose between them.
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, i) => (i % 2 === 1 ? part : escapeProse(resolveLinks(part, links))))
    .join('');
}

function escapeProse(text) {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{\{/g, '&#123;&#123;').replace(/\|/g, '&#124;');
}

/** `{@link name}` / `{@link name | text}` → a link to the export on this page, else code. */
function resolveLinks(text, links) {
  return text.replace(/\{@link(?:code|plain)?\s+([^}|\s]+)(?:\s*\|\s*([^}]*))?\}/g, (_, target, label) => {
    const name = target.replace(/\(\)$/, '');
    const anchor = links.get(name.split('.')[0]);
    const shown = label?.trim() || name;
    return anchor ? `[\`${shown}\`](#${anchor})` : `\`${shown}\``;
  });
}

function renderTag(tag, links) {
  const text = tag.text;
  switch (tag.name) {
    case 'example':
      return `**Example**\n\n${/```/.test(text) ? text : `\`\`\`ts\n${text}\n\`\`\``}\n`;
    case 'param': {
      const [, name, rest] = /^(\S+)\s*(?:-\s*)?([\s\S]*)$/.exec(text) ?? [null, text, ''];
      return `- **parameter** \`${name}\`${rest ? ` — ${prose(rest, links)}` : ''}`;
    }
    case 'returns':
    case 'return':
      return `- **returns** ${prose(text, links)}`;
    case 'throws':
      return `- **throws** ${prose(text, links)}`;
    case 'deprecated':
      return `::: warning Deprecated\n${prose(text || 'Do not use in new code.', links)}\n:::\n`;
    case 'see':
      return `- **see** ${prose(text, links)}`;
    case 'typeParam':
    case 'template':
      return `- **type parameter** ${prose(text, links)}`;
    case 'default':
    case 'defaultValue':
      return `- **default** ${prose(text, links)}`;
    default:
      return `- **@${tag.name}** ${prose(text, links)}`;
  }
}

function renderSymbol(symbol, entry, links) {
  const lines = [`### ${symbol.name} {#${anchorOf(symbol)}}`, ''];
  const badges = [symbol.kind];
  if (!symbol.everywhere) badges.push(`${symbol.conditions.join(', ')} entry only`);
  lines.push(`<span class="api-kind">${badges.join(' · ')}</span> <span class="api-source">${symbol.location}</span>`, '');
  if (symbol.signatures.length > 0) lines.push('```ts', ...symbol.signatures, '```', '');
  if (symbol.summary) lines.push(prose(symbol.summary, links), '');
  const listTags = symbol.tags.filter((t) => !['example', 'deprecated', 'remarks', 'internal', 'packageDocumentation'].includes(t.name));
  for (const tag of symbol.tags.filter((t) => t.name === 'deprecated')) lines.push(renderTag(tag, links), '');
  if (listTags.length > 0) lines.push(...listTags.map((tag) => renderTag(tag, links)), '');
  for (const tag of symbol.tags.filter((t) => t.name === 'remarks')) lines.push(prose(tag.text, links), '');
  if (symbol.members.length > 0) {
    lines.push('| member | description |', '|---|---|');
    for (const member of symbol.members) {
      // Entities only: a raw '|' would end the table cell, '<' would open an HTML tag.
      lines.push(`| <code>${escapeProse(member.text)}</code> | ${prose(member.summary, links).replace(/\n+/g, ' ') || ' '} |`);
    }
    lines.push('');
  }
  for (const tag of symbol.tags.filter((t) => t.name === 'example')) lines.push(renderTag(tag, links), '');
  return lines.join('\n');
}

/** The page of one entry. */
export function renderEntryPage(entry) {
  const links = new Map();
  for (const s of entry.symbols) if (!links.has(s.name)) links.set(s.name, anchorOf(s));
  const out = [
    '---',
    `title: ${JSON.stringify(specifier(entry))}`,
    'outline: [2, 3]',
    '---',
    '',
    `# ${specifier(entry)}`,
    '',
    '<div v-pre>',
    '',
    `${escapeProse(entry.description)}`,
    '',
    '```ts',
    `import { … } from '${specifier(entry)}';`,
    '```',
    '',
  ];
  if (entry.conditionNames.length > 1) {
    out.push(
      `This entry has ${entry.conditionNames.length} builds, chosen by the package's \`exports\` conditions (${entry.conditionNames.map((c) => `\`${c}\``).join(', ')}); exports marked "entry only" exist in some of them, and a name may have one declaration per build.`,
      '',
    );
  }
  out.push(`Generated from the TSDoc of \`${entry.directory}/src\` (${entry.symbols.length} exports).`, '');
  for (const [kind, heading] of KIND_ORDER) {
    const symbols = entry.symbols.filter((s) => s.kind === kind);
    if (symbols.length === 0) continue;
    out.push(`## ${heading}`, '');
    for (const symbol of symbols) out.push(renderSymbol(symbol, entry, links), '');
  }
  const other = entry.symbols.filter((s) => !KIND_ORDER.some(([k]) => k === s.kind));
  if (other.length > 0) {
    out.push('## Other', '');
    for (const symbol of other) out.push(renderSymbol(symbol, entry, links), '');
  }
  out.push('</div>', '');
  return out.join('\n');
}

/** The API index: every package and entry, with its export count. */
export function renderIndexPage(entries) {
  const out = ['---', 'title: API reference', '---', '', '# API reference', '', 'Generated at build time from the TSDoc comments of every public export of every package (the `exports` of each `package.json`; `@jointok/core/internal` has no stability promise and is left out). The build fails when an export has no comment.', ''];
  out.push('| entry | exports | what |', '|---|---:|---|');
  for (const entry of entries) out.push(`| [\`${specifier(entry)}\`](/${pagePath(entry)}) | ${entry.symbols.length} | ${escapeProse(entry.subpath === '.' ? entry.description : '')} |`);
  out.push('');
  return out.join('\n');
}
