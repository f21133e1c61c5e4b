import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir } from './default-cache-dir.js';
import { createNodePlatform } from './node-platform.js';

describe('Node defaults from the environment', () => {
  it('cache folder: JOINTOK_CACHE, else XDG_CACHE_HOME/jointok, else ~/.cache/jointok', () => {
    expect(defaultCacheDir({ JOINTOK_CACHE: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'jointok'));
    expect(defaultCacheDir({})).toBe(join(homedir(), '.cache', 'jointok'));
  });

  it('endpoint, token and offline come from JOINTOK_* first, then HF_*; options win', () => {
    const platform = createNodePlatform({ HF_ENDPOINT: 'https://hf.mirror', JOINTOK_TOKEN: 't1', HF_TOKEN: 't2', JOINTOK_OFFLINE: '1' });
    expect(platform.defaults({})).toMatchObject({ endpoint: 'https://hf.mirror', token: 't1', offline: true });
    expect(platform.defaults({ endpoint: 'https://mine', token: 'x', offline: false })).toMatchObject({ endpoint: 'https://mine', token: 'x', offline: false });
    expect(createNodePlatform({ JOINTOK_ENDPOINT: 'https://j', HF_ENDPOINT: 'https://h' }).defaults({}).endpoint).toBe('https://j');
  });

  it.each([['0', false], ['false', false], ['', false], ['1', true], ['yes', true]])('JOINTOK_OFFLINE=%j is %s', (value, offline) => {
    expect(createNodePlatform({ JOINTOK_OFFLINE: value }).defaults({}).offline).toBe(offline);
  });

  it('uses the given cache folder for the file cache', () => {
    const { cache } = createNodePlatform({ JOINTOK_CACHE: '/from-env' }).defaults({ cacheDir: '/from-option' });
    expect((cache as { cacheDir?: string }).cacheDir).toBe('/from-option');
    expect((createNodePlatform({ JOINTOK_CACHE: '/from-env' }).defaults({}).cache as { cacheDir?: string }).cacheDir).toBe('/from-env');
  });
});
