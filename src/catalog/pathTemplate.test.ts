import { splitPathTemplate } from './pathTemplate';

describe('splitPathTemplate', () => {
  it('gives the text around each placeholder and the names in order', () => {
    expect(splitPathTemplate('/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/mode/{mode}/start')).toEqual({
      literals: ['/v1/apps/', '/cloud_recording/resourceid/', '/mode/', '/start'],
      names: ['appid', 'resourceid', 'mode'],
    });
  });

  it('keeps one more literal than names, empty where placeholders touch or end the path', () => {
    expect(splitPathTemplate('/plain/path')).toEqual({ literals: ['/plain/path'], names: [] });
    expect(splitPathTemplate('{a}{b}')).toEqual({ literals: ['', '', ''], names: ['a', 'b'] });
  });
});
