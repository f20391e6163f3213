import { describe, expect, it } from 'vitest';
import { parseDigestsFile } from './audit';

describe('a digests file kept outside ClaraOP', () => {
  it('is read as this console downloads it, as the API pages it, or as a bare list', () => {
    const digest = { id: 'd1', day: '2025-05-14', hash: 'h' };
    expect(parseDigestsFile(JSON.stringify({ digests: [digest] }))).toEqual([digest]);
    expect(parseDigestsFile(JSON.stringify({ items: [digest], nextCursor: null }))).toEqual([digest]);
    expect(parseDigestsFile(JSON.stringify([digest]))).toEqual([digest]);
  });

  it('is refused in words when it is not JSON or holds no digest', () => {
    expect(() => parseDigestsFile('not json')).toThrow('The file is not JSON');
    expect(() => parseDigestsFile('{"something":1}')).toThrow('holds no digests');
    expect(() => parseDigestsFile('{"digests":[]}')).toThrow('nothing to verify against');
  });
});
