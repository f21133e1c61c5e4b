import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { UnsupportedError } from '../../errors/unsupported-error.js';
import { DAC_CONFIG, SNAC_CONFIG, TEST_CONFIG_ADAPTERS } from '../__fixtures__/repository-fixtures.js';
import type { ConfigAdapter } from './config-adapter.js';
import { manifestFromConfig } from './manifest-from-config.js';

// Core only dispatches: the adapters that read each model_type belong to the families (SNAC, DAC, Mimi in
// @jointok/audio, Janus in @jointok/image) and are tested there.
describe('manifestFromConfig (onnx-community folders)', () => {
  it('hands the config to the first adapter that reads its model_type', () => {
    const seen: unknown[] = [];
    const first: ConfigAdapter = { modelTypes: ['dac'], manifestFromConfig: (config) => (seen.push(config), { manifestVersion: 1, modality: 'audio', family: 'first', files: [] }) };
    const second: ConfigAdapter = { modelTypes: ['dac'], manifestFromConfig: () => ({ manifestVersion: 1, modality: 'audio', family: 'second', files: [] }) };
    expect(manifestFromConfig(DAC_CONFIG, [first, second]).family).toBe('first');
    expect(seen).toEqual([DAC_CONFIG]);
    expect(manifestFromConfig(SNAC_CONFIG, TEST_CONFIG_ADAPTERS)).toMatchObject({ family: 'snac', modality: 'audio' });
  });

  it('knows no model type without adapters, and says where adapters come from', () => {
    expect(() => manifestFromConfig(SNAC_CONFIG, [])).toThrow(UnsupportedError);
    expect(() => manifestFromConfig(SNAC_CONFIG, [])).toThrow(/audioFamilies from @jointok\/audio/);
  });

  it('refuses other model types with UnsupportedError listing the ones its adapters read', () => {
    const error = (() => {
      try {
        manifestFromConfig({ model_type: 'encodec' }, TEST_CONFIG_ADAPTERS);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(UnsupportedError.isInstance(error) && error.supported).toEqual(['snac', 'dac', 'mimi', 'multi_modality']);
    expect(() => manifestFromConfig({}, TEST_CONFIG_ADAPTERS)).toThrow(UnsupportedError);
  });

  it.each([[[]], [null], ['snac'], [3]])('refuses a config.json that is not a JSON object (%j)', (config) => {
    expect(() => manifestFromConfig(config, TEST_CONFIG_ADAPTERS)).toThrow(InvalidSpecError);
  });
});
