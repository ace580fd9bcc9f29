import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withEventFieldColumns, type TableDump } from './backup.repository.js';
import { fieldBits } from './knowledge.repository.js';

describe('a backup from before the event field columns', () => {
  it('gets each event’s field rows as its bits and source, an editor’s “none” as 0, and loses the table', () => {
    const old: TableDump = {
      partnerships: [{ id: 1 }],
      events: [{ id: 1, text: 'a' }, { id: 2, text: 'b' }, { id: 3, text: 'c' }, { id: 4, text: 'd' }],
      event_fields: [
        { event_id: 1, field: 'education', source: 'suggested' },
        { event_id: 1, field: 'youth', source: 'suggested' },
        { event_id: 2, field: 'none', source: 'editor' },
        { event_id: 3, field: 'culture', source: 'editor' },
      ],
    };
    assert.deepEqual(withEventFieldColumns(old), {
      partnerships: [{ id: 1 }],
      events: [
        { id: 1, text: 'a', fields: fieldBits(['education', 'youth']), fields_source: 'suggested' },
        { id: 2, text: 'b', fields: 0, fields_source: 'editor' },
        { id: 3, text: 'c', fields: fieldBits(['culture']), fields_source: 'editor' },
        { id: 4, text: 'd', fields: null, fields_source: null },
      ],
    });
  });

  it('leaves a backup of this form as it is', () => {
    const current: TableDump = { events: [{ id: 1, fields: 3, fields_source: 'editor' }] };
    assert.equal(withEventFieldColumns(current), current);
  });
});
