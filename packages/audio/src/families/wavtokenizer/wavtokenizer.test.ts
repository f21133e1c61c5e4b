// The wavtokenizer family on its tiny fixture (tools/fixtures/audio/make_wavtokenizer_fixture.py): PyTorch's codes and audio.
import { describeCodecParity } from '../codec/__fixtures__/describe-codec-parity.js';

describeCodecParity('wavtokenizer', { decodedTolerance: 2e-5 });
