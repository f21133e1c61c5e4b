// Open-MAGVIT2 on its tiny fixtures (tools/fixtures/image/make_magvit2_fixture.py): 18-bit LFQ, LSB first,
// and the token-factorized [9, 9] variant whose blocks are [2, h, w].
import { describeFamilyGolden } from '../__fixtures__/describe-family-golden.js';

describeFamilyGolden('open-magvit2 tiny', new URL('./__fixtures__/', import.meta.url), 'magvit2-tiny');
describeFamilyGolden('open-magvit2 tiny, factorized', new URL('./__fixtures__/', import.meta.url), 'magvit2-tiny-factorized', 'golden/index-factorized.json');
