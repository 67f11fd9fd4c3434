import { describe, expect, it } from 'vitest';
import {
  ancestors,
  defaultExpanded,
  findMatches,
  highlightParts,
  indexJson,
  LARGE_BODY_NODES,
  matchesInside,
  moveFor,
  searchTexts,
  summary,
  visibleRows,
} from './model';

const body = { code: 0, data: { channels: [{ channel_name: 'demo', user_count: 3 }, { channel_name: 'lobby', user_count: 2 }], total: 2 }, ok: true, none: null };

describe('indexJson', () => {
  it('lists nodes in document order with depth, size, subtree end and sibling position', () => {
    const nodes = indexJson(body);
    expect(nodes.map((node) => [node.key, node.kind, node.depth])).toEqual([
      [null, 'object', 0],
      ['code', 'number', 1],
      ['data', 'object', 1],
      ['channels', 'array', 2],
      [0, 'object', 3],
      ['channel_name', 'string', 4],
      ['user_count', 'number', 4],
      [1, 'object', 3],
      ['channel_name', 'string', 4],
      ['user_count', 'number', 4],
      ['total', 'number', 2],
      ['ok', 'boolean', 1],
      ['none', 'null', 1],
    ]);
    expect(nodes[3]).toMatchObject({ size: 2, end: 10, position: 1, siblings: 2 });
    expect(nodes[5].text).toBe('"demo"');
    expect(summary(nodes[3])).toBe('[2 items]');
    expect(summary(nodes[4])).toBe('{2 keys}');
  });

  it('indexes a deep body without recursion', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 20_000; level += 1) deep = [deep];
    expect(indexJson(deep)).toHaveLength(20_001);
  });
});

describe('folding', () => {
  it('opens every level of a small body, only the first two of a large one', () => {
    const small = indexJson(body);
    expect(visibleRows(small, defaultExpanded(small))).toHaveLength(small.length);
    const large = indexJson({ data: { items: Array.from({ length: LARGE_BODY_NODES }, (_, index) => ({ index })) } });
    const rows = visibleRows(large, defaultExpanded(large));
    expect(rows.map((id) => large[id].key)).toEqual([null, 'data', 'items']);
  });

  it('skips the subtree of a closed container', () => {
    const nodes = indexJson(body);
    const open = new Set([0, 2]);
    expect(visibleRows(nodes, open).map((id) => nodes[id].key)).toEqual([null, 'code', 'data', 'channels', 'total', 'ok', 'none']);
  });
});

describe('search', () => {
  const nodes = indexJson(body);
  const texts = searchTexts(nodes);

  it('finds keys and values case-insensitively, never array indices or quotes', () => {
    expect(findMatches(texts, 'CHANNEL')).toEqual([3, 5, 8]);
    expect(findMatches(texts, 'lob')).toEqual([8]);
    expect(findMatches(texts, '1')).toEqual([]);
    expect(findMatches(texts, '"')).toEqual([]);
    expect(findMatches(texts, '  ')).toEqual([]);
    expect(findMatches(texts, 'true')).toEqual([11]);
  });

  it('says where a match sits: its ancestors, and how many matches a folded container hides', () => {
    expect(ancestors(nodes, 8)).toEqual([7, 3, 2, 0]);
    const matches = findMatches(texts, 'channel');
    expect(matchesInside(nodes[2], matches)).toBe(3);
    expect(matchesInside(nodes[3], matches)).toBe(2);
    expect(matchesInside(nodes[7], matches)).toBe(1);
    expect(matchesInside(nodes[1], matches)).toBe(0);
  });

  it('cuts text into marked parts', () => {
    expect(highlightParts('channel_name', 'NAME')).toEqual([
      { text: 'channel_', match: false },
      { text: 'name', match: true },
    ]);
    expect(highlightParts('aaa', 'a').filter((part) => part.match)).toHaveLength(3);
    expect(highlightParts('abc', '')).toEqual([{ text: 'abc', match: false }]);
  });
});

describe('keyboard (tree pattern)', () => {
  const nodes = indexJson(body);
  const all = new Set([0, 2, 3, 4, 7]);
  const rows = visibleRows(nodes, all);

  it('moves down, up, home and end over the visible rows', () => {
    expect(moveFor('ArrowDown', nodes, rows, all, 1)).toEqual({ focus: 2 });
    expect(moveFor('ArrowUp', nodes, rows, all, 2)).toEqual({ focus: 1 });
    expect(moveFor('End', nodes, rows, all, 1)).toEqual({ focus: 12 });
    expect(moveFor('Home', nodes, rows, all, 5)).toEqual({ focus: 0 });
    expect(moveFor('ArrowDown', nodes, rows, all, 12)).toEqual({});
  });

  it('opens and closes with the side arrows, Enter and Space; Left from a leaf goes to the parent', () => {
    expect(moveFor('ArrowRight', nodes, rows, all, 3)).toEqual({ focus: 4 });
    expect(moveFor('ArrowRight', nodes, rows, new Set([0, 2]), 3)).toEqual({ toggle: 3 });
    expect(moveFor('ArrowLeft', nodes, rows, all, 3)).toEqual({ toggle: 3 });
    expect(moveFor('ArrowLeft', nodes, rows, all, 5)).toEqual({ focus: 4 });
    expect(moveFor('Enter', nodes, rows, all, 2)).toEqual({ toggle: 2 });
    expect(moveFor(' ', nodes, rows, all, 1)).toEqual({});
    expect(moveFor('a', nodes, rows, all, 1)).toBeUndefined();
  });
});
