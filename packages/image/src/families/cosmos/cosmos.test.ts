// Cosmos DI on its tiny fixture (tools/fixtures/image/make_cosmos_fixture.py): padding to multiples of 16
// and the crop back, FSQ with Cosmos' bfloat16 values.
import { describeFamilyGolden } from '../__fixtures__/describe-family-golden.js';

describeFamilyGolden('cosmos-di tiny', new URL('./__fixtures__/', import.meta.url), 'cosmos-tiny');
