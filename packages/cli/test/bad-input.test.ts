// Bad input through the command: each case exits with its documented code and a message that says what to do.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples, runCli, tinyImageModel } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jointok-bad-'));

describe('bad input', () => {
  it('a missing file: exit 3', async () => {
    const result = await runCli(['encode', 'no-such-photo.png', '--image-model', tinyImageModel]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^error: No such file: no-such-photo\.png\nhint: Check the path\. To encode a string that looks like a file name as text, write it as text:<string>\./);
  });

  it('an unsupported format: exit 4, naming the supported ones', async () => {
    const gif = join(dir, 'anim.dat');
    writeFileSync(gif, Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(40)]));
    const result = await runCli(['encode', gif, '--image-model', tinyImageModel]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`error: ${gif} holds GIF, which jointok cannot encode. Supported: UTF-8 text, PNG, JPEG, WAV, FLAC, MP3, Ogg (Vorbis/Opus), Y4M video.`);
  });

  it('a corrupt image: exit 4', async () => {
    const cut = join(dir, 'cut.png');
    writeFileSync(cut, readFileSync(`${examples}/photo.png`).subarray(0, 2000));
    const result = await runCli(['encode', cut, '--image-model', tinyImageModel]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/error: Invalid PNG data: .*\nhint: The file is not a readable PNG or JPEG/);
  });

  it('an unknown layout: exit 5, listing the known ones', async () => {
    const result = await runCli(['encode', 'hello', '--layout', 'no-such-layout']);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('error: Unknown layout "no-such-layout": it is neither a layout name (jointok-default, chameleon');
  });

  it('models that do not fit the layout: exit 5', async () => {
    const layout = join(dir, 'layout.json');
    writeFileSync(layout, JSON.stringify({ format: 'jointok.layout', version: 1, name: 'small', text: { size: 200019 }, tokens: { boi: { id: 200019 }, eoi: { id: 200020 } }, spaces: [{ name: 'image', modality: 'image', codes: { type: 'offset', base: { id: 200021 }, codebookSize: 256 }, begin: ['boi'], end: ['eoi'], body: { type: 'grid', shape: [4, 4] } }] }));
    const result = await runCli(['encode', 'hello', '--layout', layout, '--image-model', tinyImageModel]);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/error: .*512.*256|error: .*256.*512/);
  });

  it('a truncated Y4M clip, and a malformed tokens file: exit 4', async () => {
    const y4m = join(dir, 'clip.y4m');
    writeFileSync(y4m, 'YUV4MPEG2 W2 H2 F25:1 C420jpeg\nFRAME\n');
    const video = await runCli(['encode', y4m, '--image-model', tinyImageModel]);
    expect(video.code).toBe(4);
    expect(video.stderr).toMatch(/error: .*(truncated|ends|bytes)/i);
    const bogus = join(dir, 'bogus.json');
    writeFileSync(bogus, '{"format":"something-else"}');
    const decoded = await runCli(['decode', bogus, '--out', dir]);
    expect(decoded.code).toBe(4);
    expect(decoded.stderr).toContain('format');
  });

  it('a wrong command line: exit 2; --json errors are JSON', async () => {
    const unknown = await runCli(['encode', 'x', '--no-such-option']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--no-such-option'");
    const empty = await runCli(['encode', '--json']);
    expect(empty.code).toBe(2);
    expect(JSON.parse(empty.stdout).error).toMatchObject({ code: 'usage', exitCode: 2, message: 'Nothing to encode.' });
  });
});
