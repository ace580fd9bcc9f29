import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localizedText } from './translation.js';

describe('localized text', () => {
  it('shows the translation in the reader language when there is one, in Japanese otherwise', () => {
    const t = { en: 'The mayor visited Dalian' };
    assert.deepEqual(localizedText('市長が訪問', t, 'en'), { text: 'The mayor visited Dalian', lang: 'en' });
    assert.deepEqual(localizedText('市長が訪問', t, 'zh'), { text: '市長が訪問', lang: 'ja' });
    assert.deepEqual(localizedText('市長が訪問', t, 'ja'), { text: '市長が訪問', lang: 'ja' });
    assert.deepEqual(localizedText('市長が訪問', undefined, 'en'), { text: '市長が訪問', lang: 'ja' });
    assert.deepEqual(localizedText('市長が訪問', { en: '' }, 'en'), { text: '市長が訪問', lang: 'ja' });
  });
});
