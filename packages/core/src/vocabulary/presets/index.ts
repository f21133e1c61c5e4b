import type { LayoutSpec } from '../layout/layout-spec.js';
import { anygptLayout } from './anygpt.js';
import { chameleonLayout } from './chameleon.js';
import { emu3Layout } from './emu3.js';
import { janusLayout } from './janus.js';
export { createJointokDefaultLayout, jointokCodeToken, JOINTOK_DEFAULT_MARKERS, type JointokDefaultLayoutOptions } from './jointok-default.js';
import { lavitLayout } from './lavit.js';
import { musicgenDelayLayout } from './musicgen.js';
import { orpheusLayout } from './orpheus.js';
import { seedLlamaLayout } from './seed-llama.js';
import { showoLayout } from './show-o.js';

export { anygptLayout, chameleonLayout, emu3Layout, janusLayout, lavitLayout, musicgenDelayLayout, orpheusLayout, seedLlamaLayout, showoLayout };

/** Published layouts by name (Anole shares Chameleon's tokenizer and layout). */
export const layoutPresets: Readonly<Record<string, LayoutSpec>> = {
  chameleon: chameleonLayout,
  anole: chameleonLayout,
  emu3: emu3Layout,
  lavit: lavitLayout,
  'seed-llama': seedLlamaLayout,
  anygpt: anygptLayout,
  'show-o': showoLayout,
  orpheus: orpheusLayout,
  'musicgen-delay': musicgenDelayLayout,
  janus: janusLayout,
};
