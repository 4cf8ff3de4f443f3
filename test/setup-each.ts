// Runs in every test file. After each test, let the worker's event loop turn
// once. A test that blocks it (spawnSync, a long synchronous parse) holds back
// vitest's own messages to the main process, and they pile up across a file
// of such tests: on a busy machine a file that blocks for longer than vitest's
// 60 s RPC timeout fails the run ("Timeout calling onTaskUpdate") although
// every test passed.
import { afterEach } from 'vitest';

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
