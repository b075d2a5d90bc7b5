import assert from 'node:assert/strict';
import { cliV8Flags } from '../../../src/cli/v8-settings';

describe('cliV8Flags', () => {
  it('turns Maglev on, raises the optimizing budget and scavenges on the main thread for V8 11 (Node 20)', () => {
    assert.deepEqual(cliV8Flags('11.3.244.8-node.33'), ['--maglev', '--interrupt-budget=540672', '--no-parallel-scavenge']);
  });

  it('raises the call count before TurboFan for V8 12 (Node 22), where Maglev is on and --interrupt-budget is gone', () => {
    assert.deepEqual(cliV8Flags('12.4.254.21-node.57'), ['--invocation-count-for-turbofan=24000', '--no-parallel-scavenge']);
  });

  it('leaves another V8 at its defaults rather than name a flag it may not know', () => {
    assert.deepEqual(cliV8Flags('13.6.233.10-node.27'), []);
    assert.deepEqual(cliV8Flags('10.2.154.26-node.26'), []);
    assert.deepEqual(cliV8Flags(''), []);
  });
});
