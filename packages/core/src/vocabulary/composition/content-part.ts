/**
 * One part of a multimodal message, in the shape chat APIs use: `{ type: 'text', text }`,
 * `{ type: 'image', image }`, `{ type: 'audio', audio }`, `{ type: 'video', video }`. A media part may
 * name the layout space it goes to (`space: 'music'` when a layout has two audio spaces). A `token`
 * part writes a named layout token (task tokens such as Show-o's `t2i`).
 */
export type ContentPart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'token'; readonly name: string }
  | { readonly type: 'image'; readonly image: unknown; readonly space?: string }
  | { readonly type: 'audio'; readonly audio: unknown; readonly space?: string }
  | { readonly type: 'video'; readonly video: unknown; readonly space?: string }
  | { readonly type: string; readonly space?: string; readonly [key: string]: unknown };
