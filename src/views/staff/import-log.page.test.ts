import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorLabel } from './import-log.page.js';

test('the import log names a command-line import as the command line with its user, in the page’s language', () => {
  assert.equal(actorLabel('ja', 'koryu import (root)'), 'コマンドライン（root）');
  assert.equal(actorLabel('zh', 'koryu import (kanri)'), '命令行（kanri）');
  assert.equal(actorLabel('en', 'koryu import (root)'), 'command line (root)');
  assert.equal(actorLabel('ja', null), 'コマンドライン');
  assert.equal(actorLabel('ja', 'sato'), 'sato', 'an account keeps its name');
});
