// The suite's own rule for the browser suites: they fail under CI without
// Chromium and skip, saying so, elsewhere.
import { describe, expect, it } from 'vitest';
import { chromiumPolicy } from '../web/harness.js';

describe('the suite', () => {
  it('runs the browser suites when Chromium is there, fails them under CI when it is not, skips them elsewhere', () => {
    expect(chromiumPolicy(true, { CI: 'true' })).toBe('run');
    expect(chromiumPolicy(true, {})).toBe('run');
    expect(chromiumPolicy(false, { CI: 'true' })).toBe('fail');
    expect(chromiumPolicy(false, { CI: '1' })).toBe('fail');
    expect(chromiumPolicy(false, {})).toBe('skip');
    expect(chromiumPolicy(false, { CI: 'false' })).toBe('skip');
  });
});
